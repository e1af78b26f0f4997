// The semantic check of what paths name (server/src/wac/wacPaths.ts): a package path into a
// component of deps/ or a folder of WIT (deps/docs/iface/, deps/docs/calc/0.1.0/, written
// here), a `use` of a local or package interface, an `include` of a world, a world's import,
// `targets`, and `new` of a WIT package (an instance of its definitions, no imports). Each
// range and message is the one `wac compose` 0.12 gives for the same document as its first
// error (checked by hand with wac; semanticsDifferential.test.ts compares at random).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { wacPackage } from '../../server/src/wac/wacPackages';
import { checkWacSemantics } from '../../server/src/wac/wacSemantics';
import { grammar } from './wacDiffKit';
import { depsWithWit, semanticErrors } from './wacWitDeps';

const loaded = grammar();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-wac-paths-'));
const deps = depsWithWit(dir);
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

/** The errors of `package a:b;` + `lines`: `line:column [token] message` (line 1 is the package). */
async function errors(...lines: string[]): Promise<string[]> {
  return semanticErrors(await loaded, deps, ['package a:b;', ...lines].join('\n'));
}

test('a package path names a definition of its package: a component defines none, a WIT folder its interfaces and worlds', async () => {
  assert.deepEqual(await errors('import x: wit-devkit:greeter/greet;'), [
    '2:30 [greet] package `wit-devkit:greeter` has no export named `greet`',
  ]);
  assert.deepEqual(await errors('import x: docs:iface/nope;'), ['2:22 [nope] package `docs:iface` has no export named `nope`']);
  assert.deepEqual(await errors('import logger: docs:calc/loggr@0.1.0;'), ['2:26 [loggr] package `docs:calc` has no export named `loggr`']);
  assert.deepEqual(await errors('import x: docs:iface/logger/nope;'), [
    '2:29 [nope] interface `logger` in package `docs:iface` has no export named `nope`',
  ]);
  // A world's items are its exports: `logger` is an import of w.
  assert.deepEqual(await errors('import x: docs:iface/w/logger;'), [
    '2:24 [logger] world `w` in package `docs:iface` has no export named `logger`',
  ]);
  assert.deepEqual(await errors('import x: docs:iface/logger;', 'import y: docs:iface/w;', 'export x;'), []);
});

test('an interface imported by path satisfies the import of that name', async () => {
  assert.deepEqual(
    await errors(
      'import logger: docs:calc/logger@0.1.0;',
      'let adder = new wit-devkit:adder {};',
      'let calc = new wit-devkit:calculator { adder: adder["docs:calc/adder@0.1.0"], logger };',
      'export calc.calculate;',
    ),
    [],
  );
});

test('`use` names an interface, and types in it; `include`, `targets` name a world; a world imports interfaces', async () => {
  assert.deepEqual(await errors('interface i { use docs:iface/types.{point, nope}; }'), [
    '2:44 [nope] a type named `nope` is not defined in interface `docs:iface/types`',
  ]);
  assert.deepEqual(await errors('interface t { type x = u32; }', 'interface i { use t.{x, y}; }'), [
    '3:25 [y] a type named `y` is not defined in interface `t`',
  ]);
  assert.deepEqual(await errors('interface t { f: func(); }', 'interface i { use t.{f}; }'), [
    '3:22 [f] `f` (function) is not a value type in interface `t`',
  ]);
  assert.deepEqual(await errors('interface i { use docs:calc/logger@0.1.0.{log}; }'), [
    '2:43 [log] `log` (function) is not a value type in interface `docs:calc/logger@0.1.0`',
  ]);
  assert.deepEqual(await errors('interface i { use q.{x}; }'), ['2:19 [q] undefined name `q`']);
  assert.deepEqual(await errors('world u {}', 'interface i { use u.{x}; }'), ['3:19 [u] `u` (world) is not an interface']);
  assert.deepEqual(await errors('import f: func();', 'interface i { use f.{x}; }'), ['3:19 [f] `f` (function) is not an interface']);
  assert.deepEqual(await errors('record r { a: u32 }', 'interface i { use r.{x}; }'), ['3:19 [r] `r` (record) is not an interface']);
  assert.deepEqual(await errors('interface i { use docs:iface/w.{log}; }'), [
    '2:19 [docs:iface/w] `docs:iface/w` (world) is not an interface',
  ]);
  assert.deepEqual(await errors('world w { include docs:iface/logger; }'), [
    '2:19 [docs:iface/logger] `docs:iface/logger` (interface) is not a world',
  ]);
  assert.deepEqual(await errors('interface t {}', 'world w { include t; }'), ['3:19 [t] `t` (interface) is not a world']);
  assert.deepEqual(await errors('world w { include docs:iface/nope; }'), ['2:30 [nope] package `docs:iface` has no export named `nope`']);
  assert.deepEqual(await errors('world w { include q; }'), ['2:19 [q] undefined name `q`']);
  assert.deepEqual(await errors('world w { import docs:iface/w; }'), ['2:18 [docs:iface/w] `docs:iface/w` (world) is not an interface']);
  assert.deepEqual(await errors('world w { import docs:iface/nope; }'), ['2:29 [nope] package `docs:iface` has no export named `nope`']);
  assert.deepEqual(
    await errors('interface i { use docs:iface/types.{point}; f: func(p: point); }', 'world w { include docs:iface/w; }'),
    [],
  );
});

test("a body's own names: a `use` of one already there, a type declared twice", async () => {
  assert.deepEqual(await errors('interface i { type point = u32; use docs:iface/types.{point}; }'), [
    '2:55 [point] use of type `point` conflicts with an export of the same name',
  ]);
  assert.deepEqual(await errors('interface i { point: func(); use docs:iface/types.{point}; }'), [
    '2:52 [point] use of type `point` conflicts with an export of the same name',
  ]);
  assert.deepEqual(await errors('world i { use docs:iface/types.{point}; use docs:iface/types.{point}; }'), [
    '2:63 [point] use of type `point` conflicts with an import of the same name',
  ]);
  assert.deepEqual(await errors('interface i { use docs:iface/types.{point}; type point = u32; }'), [
    '2:50 [point] `point` is already defined',
  ]);
  assert.deepEqual(await errors('interface i { type p = u32; type p = u32; }'), ['2:34 [p] `p` is already defined']);
});

test('`targets` names a world', async () => {
  const g = await loaded;
  const check = (text: string) => {
    const tree = g.parse(text)!;
    try {
      return checkWacSemantics(tree, text, (n, v) => wacPackage(deps, n, v, g.parseWit)).map((p) => `${p.start}-${p.end} ${p.message}`);
    } finally {
      tree.delete();
    }
  };
  assert.deepEqual(check('package a:b targets docs:iface/nope;'), ['31-35 package `docs:iface` has no export named `nope`']);
  assert.deepEqual(check('package a:b targets docs:iface/logger;'), ['20-37 `docs:iface/logger` (interface) is not a world']);
});

test('`new` of a WIT package: an instance of its definitions, with no imports', async () => {
  assert.deepEqual(await errors('import l: docs:iface/logger;', 'let y = new docs:iface { nope: l };', 'export y...;'), [
    '3:26 [nope] component `docs:iface` has no import named `nope`',
  ]);
  assert.deepEqual(await errors('let y = new docs:iface { ... };', 'export y.run;'), ['3:9 [.run] the instance has no export named `run`']);
  assert.deepEqual(await errors('let y = new docs:iface {};', 'export y.logger;'), []);
});
