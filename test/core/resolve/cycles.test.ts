// `use`/`include` cycles between interfaces and worlds: one diagnostic per
// cycle, where wit-parser (wasm-tools 1.239 and 1.263 agree) puts its error,
// with the members of the cycle as related information.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fixture } from '../helpers';

async function errorsOf(files: Record<string, string> | string, file = 'main.wit'): Promise<Array<{ file: string; d: Diagnostic }>> {
  const f = await fixture(files);
  const out: Array<{ file: string; d: Diagnostic }> = [];
  for (const [uri, list] of f.service.diagnostics(f.uri(file))) {
    for (const d of list) if (d.severity === 1) out.push({ file: uri.slice(uri.lastIndexOf('/') + 1), d });
  }
  return out;
}

const at = (e: { file: string; d: Diagnostic }) => `${e.file}:${e.d.range.start.line + 1}:${e.d.range.start.character + 1} ${e.d.message}`;

/** `interface i<k> { use i<k+1>.{t}; type t = u32; }`, the last using the first. */
function ring(n: number, from = 0): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `interface i${from + i} {\n  use i${from + ((i + 1) % n)}.{t as u};\n  type t = u32;\n}\n`;
  return s;
}

test("a use cycle through 3,000 interfaces is one diagnostic, at the first item's first use, listing every member", async () => {
  const errs = await errorsOf(`package a:b;\n${ring(3000)}`);
  assert.deepEqual(errs.map(at), ['main.wit:6:11 interface or world `i1` depends on itself']);
  const related = errs[0].d.relatedInformation ?? [];
  assert.equal(related.length, 3000);
  // The cycle starts where the report points and follows each `use`.
  assert.equal(related[0].message, '`i1` uses `i2`');
  assert.equal(related[2999].message, '`i0` uses `i1`');
  assert.deepEqual(related[0].location.range.start, { line: 6, character: 6 });
});

test('the report names the declaration when the file declares it, the `use` when another file does', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 3; i++) files[`f${i}.wit`] = `package a:b;\ninterface i${i} {\n  use i${(i + 1) % 3}.{t as u};\n  type t = u32;\n}\n`;
  const errs = await errorsOf(files, 'f0.wit');
  assert.deepEqual(errs.map(at), ['f0.wit:3:7 interface or world `i1` depends on itself']);
  // A top-level `use` of a local name is where the file names it.
  const withUse = await errorsOf({
    'main.wit': 'package a:b;\nuse j as k;\ninterface i {\n  use k.{t};\n}\n',
    'other.wit': 'package a:b;\ninterface j {\n  use i.{t as u};\n  type t = u32;\n}\n',
  });
  assert.deepEqual(withUse.map(at), ['main.wit:2:5 interface or world `j` depends on itself']);
});

test('an item that only leads into a cycle is where wit-parser stops, and the cycle is what is related', async () => {
  const errs = await errorsOf(`package a:b;
interface head {
  use a.{t};
}
interface a {
  use b.{t};
}
interface b {
  use a.{t as u};
  type t = u32;
}
`);
  assert.deepEqual(errs.map(at), ['main.wit:5:11 interface or world `a` depends on itself']);
  assert.deepEqual(
    errs[0].d.relatedInformation?.map((r) => r.message),
    ['`a` uses `b`', '`b` uses `a`'],
  );
});

test('include cycles between worlds, and a world including itself', async () => {
  assert.deepEqual((await errorsOf('package foo:foo;\nworld a {\n  include b;\n}\nworld b {\n  include a;\n}\n')).map(at), [
    'main.wit:5:7 interface or world `b` depends on itself',
  ]);
  assert.deepEqual((await errorsOf('package foo:foo;\nworld foo {\n  include foo;\n}\n')).map(at), [
    'main.wit:2:7 interface or world `foo` depends on itself',
  ]);
});

test('two cycles that do not depend on each other are reported once each', async () => {
  const errs = await errorsOf(`package a:b;\n${ring(3)}${ring(2, 10)}`);
  assert.deepEqual(errs.map(at), [
    'main.wit:6:11 interface or world `i1` depends on itself',
    'main.wit:18:11 interface or world `i11` depends on itself',
  ]);
});

test('a world importing an interface that uses the world is no cycle (world imports are not edges)', async () => {
  const errs = await errorsOf('package a:b;\ninterface i {\n  use w.{t};\n}\nworld w {\n  import i;\n}\n');
  assert.deepEqual(errs.map(at), ['main.wit:3:7 name `w` is defined as a world, not an interface']);
});
