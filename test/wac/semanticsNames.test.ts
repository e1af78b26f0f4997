// The names a WAC document's worlds, interfaces and composition take (wacTypeNames.ts,
// wacSemantics.ts): a world's import or export of a name it already has, a type of a name a
// type took, an interface's function of a type's name, a path into the document's own
// package, and an explicit import of a name an instantiation's `...` left to the
// composition. Each range and message is the one `wac compose` 0.12 gives for the same
// document (checked by hand with wac over these deps; the last one wac says without a place).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { grammar } from './wacDiffKit';
import { depsWithWit, semanticErrors } from './wacWitDeps';

const loaded = grammar();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-wac-names-'));
const deps = depsWithWit(dir);
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const HEAD = ['package docs:x@1.2.0;', 'interface logger { type t = u32; log: func(msg: string); }'];

/** The errors of HEAD + `lines`: `line:column [token] message` (line 3 is the first of `lines`). */
async function errors(...lines: string[]): Promise<string[]> {
  return semanticErrors(await loaded, deps, [...HEAD, ...lines].join('\n'));
}

test('a world imports a name once and exports it once; an interface imported by name is known by its path', async () => {
  assert.deepEqual(await errors('world v { import logger; import logger; }'), [
    '3:33 [logger] import `docs:x/logger@1.2.0` conflicts with existing import of the same name in world `v`',
  ]);
  assert.deepEqual(await errors('world v { import docs:x/logger@1.2.0; import logger; }'), [
    '3:46 [logger] import `docs:x/logger@1.2.0` conflicts with existing import of the same name in world `v`',
  ]);
  assert.deepEqual(await errors('world v { use logger.{t}; import t: func(); }'), [
    '3:34 [t] import `t` conflicts with existing import of the same name in world `v`',
  ]);
  assert.deepEqual(await errors('world v { export f: func(); export f: func(); }'), [
    '3:36 [f] export `f` conflicts with existing export of the same name in world `v`',
  ]);
  // An import and an export of one name, and a type after an import of its name, are fine.
  assert.deepEqual(await errors('world v { import f: func(); export f: func(); import t: func(); type t = u32; }'), []);
});

test('a type of a name a type or use took; a function of a type name in an interface', async () => {
  assert.deepEqual(await errors('world v { type t = u32; type t = u32; }'), ['3:30 [t] `t` is already defined']);
  assert.deepEqual(await errors('world v { use logger.{t}; type t = u32; }'), ['3:32 [t] `t` is already defined']);
  assert.deepEqual(await errors('world v { import t: func(); use logger.{t}; }'), [
    '3:41 [t] use of type `t` conflicts with an import of the same name',
  ]);
  assert.deepEqual(await errors('interface v { type f = u32; f: func(); }'), ['3:29 [f] duplicate interface export `f` for interface `v`']);
  assert.deepEqual(await errors('interface v { f: func(); type f = u32; }'), []);
  assert.deepEqual(await errors('interface v { f: func(); use logger.{t as f}; }'), [
    '3:43 [f] use of type `f` conflicts with an export of the same name',
  ]);
});

test("a path into the document's own package, at any version, names what the document declares", async () => {
  assert.deepEqual(await errors('world v { import docs:x/logger; }'), []);
  assert.deepEqual(await errors('world v { import docs:x/nothing@1.2.0; }'), ['3:25 [nothing] undefined name `nothing`']);
  assert.deepEqual(await errors('world v { include docs:x/logger; }'), ['3:19 [docs:x/logger] `docs:x/logger` (interface) is not a world']);
});

test("an explicit import of a name an instantiation's `...` leaves to the composition, before or after it", async () => {
  const calc = 'let calc = new wit-devkit:calculator { ... };';
  const conflict = (name: string) =>
    `import \`${name}\` conflicts with an item that was implicitly imported by an instantiation of \`wit-devkit:calculator\``;
  assert.deepEqual(await errors('import l as "docs:calc/logger@0.1.0": interface { log: func(msg: string); };', calc, 'export calc...;'), [
    `3:13 ["docs:calc/logger@0.1.0"] ${conflict('docs:calc/logger@0.1.0')}`,
  ]);
  // Whatever its type, after the instantiation too.
  assert.deepEqual(await errors(calc, 'import x as "docs:calc/adder@0.1.0": interface { add: func() -> u64; };', 'export calc...;'), [
    `4:13 ["docs:calc/adder@0.1.0"] ${conflict('docs:calc/adder@0.1.0')}`,
  ]);
  // An import of another name, or one given as the argument, is not left to the composition.
  assert.deepEqual(await errors('import l: interface { log: func(msg: string); };', calc, 'export calc...;'), []);
  assert.deepEqual(
    await errors(
      'import l as "docs:calc/logger@0.1.0": interface { log: func(msg: string); };',
      'let calc = new wit-devkit:calculator { "docs:calc/logger@0.1.0": l, ... };',
      'export calc...;',
    ),
    [],
  );
});

test("a world's includes, after its other items: an export of the included world may not take a name the world exports", async () => {
  const conflict = 'export `run` from world `docs:iface/w` conflicts with export of the same name in world `w`';
  assert.deepEqual(await errors('world w { include docs:iface/w; include docs:iface/w; }'), [`3:41 [docs:iface/w] ${conflict}`]);
  assert.deepEqual(await errors('world w { export run: func(); include docs:iface/w; }'), [`3:39 [docs:iface/w] ${conflict}`]);
  assert.deepEqual(await errors('world w { include docs:iface/w; export run: func(); }'), [`3:19 [docs:iface/w] ${conflict}`]);
  // Renamed, or an import of the name: no conflict.
  assert.deepEqual(await errors('world w { include docs:iface/w with { run as go }; export run: func(); }'), []);
  assert.deepEqual(await errors('world w { import run: func(); include docs:iface/w; }'), []);
});

test('`include ... with` renames names the included world has', async () => {
  assert.deepEqual(await errors('world w { include docs:iface/w with { nope as go }; }'), [
    '3:39 [nope] world `docs:iface/w` does not have an import or export named `nope`',
  ]);
  assert.deepEqual(await errors('world w { include docs:iface/w with { run as go }; export run: func(); }'), []);
});
