import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture } from '../helpers';
import { completion } from '../../../server/src/core/features/completion';
import { completionContext } from '../../../server/src/core/features/completionContext';
import { cursor } from '../helpers';

async function labels(files: Record<string, string> | string): Promise<string[]> {
  const f = await fixture(files);
  const doc = f.service.document(f.cursorUri)!;
  return completion(f.service.analysis(f.cursorUri), doc, f.position).map((i) => i.label);
}

function contextOf(src: string) {
  const { text, offset } = cursor(src);
  return completionContext(text, offset).position;
}

test('a parameter type position offers builtins and the types of the interface', async () => {
  const got = await labels('package a:b;\ninterface i {\n  record point { x: u32 }\n  use other.{thing as alias};\n  f: func(p: |\n}\n');
  for (const want of ['u32', 'string', 'list', 'option', 'result', 'point', 'alias'])
    assert.ok(got.includes(want), `missing ${want}: ${got}`);
  assert.ok(!got.includes('interface'), 'keywords are not types');
});

test('type positions: record fields, results, generics, aliases, variant cases', () => {
  for (const src of [
    'interface i { record r { a: | } }',
    'interface i { f: func() -> | }',
    'interface i { type t = list<| }',
    'interface i { type t = tuple<u32, | }',
    'interface i { type t = | }',
    'interface i { variant v { a(| }',
  ])
    assert.equal(contextOf(src).kind, 'type', src);
});

test('statement positions offer the keywords that fit', async () => {
  assert.deepEqual(
    (await labels('|')).filter((l) => !l.includes('…') && l !== '@'),
    ['package', 'interface', 'world', 'use'],
  );
  const world = await labels('world w {\n  |\n}');
  for (const want of ['import', 'export', 'include']) assert.ok(world.includes(want), `world: ${world}`);
  assert.ok(!world.includes('package'));
  const iface = await labels('interface i {\n  @since(version = 1.0.0)\n  |\n}');
  for (const want of ['record', 'resource', 'variant', 'type', 'record …']) assert.ok(iface.includes(want), `interface: ${iface}`);
  assert.ok(!iface.includes('import'));
  const resource = await labels('interface i {\n  resource r {\n    |\n  }\n}');
  assert.ok(resource.includes('constructor'), `${resource}`);
});

test('after a function name: func, async func; static only in a resource', async () => {
  assert.deepEqual(await labels('interface i {\n  f: |\n}'), ['func', 'async func']);
  assert.ok((await labels('interface i { resource r { m: | } }')).includes('static func'));
});

test('gates after @, keys inside the gate', async () => {
  assert.deepEqual(await labels('interface i {\n  @|\n  f: func();\n}'), ['since', 'unstable', 'deprecated']);
  assert.deepEqual(await labels('interface i {\n  @since(|\n}'), ['version', 'feature']);
});

test('path positions are recognised after use/import/export/include', () => {
  assert.deepEqual(contextOf('interface i { use | }'), { kind: 'path', keyword: 'use' });
  assert.deepEqual(contextOf('world w { import wasi:io/| }'), { kind: 'path', keyword: 'import', packageName: 'wasi:io' });
  assert.deepEqual(contextOf('world w { include foo:bar/w| }'), { kind: 'path', keyword: 'include', packageName: 'foo:bar' });
  assert.deepEqual(contextOf('interface i { use wasi:io/streams@0.2.0.{x, | }'), { kind: 'use-names', path: 'wasi:io/streams@0.2.0' });
});

test('half-typed file: nothing after the cursor parses, types still come', async () => {
  const got = await labels('package a:b;\ninterface i {\n  enum color { red, green }\n  paint: func(c: |');
  assert.ok(got.includes('color') && got.includes('u8'), `${got}`);
});

test('comments and gate versions do not confuse the position', () => {
  assert.equal(contextOf('interface i { /* ( */ // {\n f: func(a: | }').kind, 'type');
  assert.equal(contextOf('interface i {\n @since(version = 0.2.0)\n |').kind, 'statement');
});

const DEPS = {
  'deps/io/streams.wit':
    'package wasi:io@0.2.0;\n\ninterface streams {\n    resource input-stream;\n    record chunk { n: u32 }\n}\n\ninterface poll {\n    resource pollable;\n}\n\nworld imports {\n    import streams;\n}\n',
};

test('packages from deps/ after use/import, then their interfaces with the version, then their types', async () => {
  const pkgs = await labels({ 'main.wit': 'package demo:app;\n\nworld w {\n    import |\n}\n', ...DEPS });
  assert.ok(pkgs.includes('wasi:io'), `${pkgs}`);
  const ifaces = await fixture({ 'main.wit': 'package demo:app;\n\nworld w {\n    import wasi:io/|\n}\n', ...DEPS });
  const items = completion(ifaces.service.analysis(ifaces.cursorUri), ifaces.doc('main.wit'), ifaces.position);
  assert.deepEqual(items.map((i) => i.label).sort(), ['poll', 'streams']);
  assert.equal(items.find((i) => i.label === 'streams')!.insertText, 'streams@0.2.0');
  const worlds = await labels({ 'main.wit': 'package demo:app;\n\nworld w {\n    include wasi:io/|\n}\n', ...DEPS });
  assert.deepEqual(worlds, ['imports']);
  const types = await labels({ 'main.wit': 'package demo:app;\n\ninterface i {\n    use wasi:io/streams@0.2.0.{|};\n}\n', ...DEPS });
  assert.deepEqual(types.sort(), ['chunk', 'input-stream']);
});

test('local interfaces after use, and their types in the use list', async () => {
  const files = { 'a.wit': 'package demo:app;\n\ninterface shapes {\n    record square { side: u32 }\n}\n' };
  const names = await labels({ ...files, 'main.wit': 'package demo:app;\n\ninterface i {\n    use |\n}\n' });
  assert.ok(names.includes('shapes'), `${names}`);
  assert.deepEqual(await labels({ ...files, 'main.wit': 'package demo:app;\n\ninterface i {\n    use shapes.{|};\n}\n' }), ['square']);
});

test('inside `include w with {`: the names the included world can rename', async () => {
  const src =
    'package demo:app;\n\ninterface logging {}\n\nworld base {\n    import log: func();\n    export run: func();\n    import logging;\n}\n\nworld app {\n    include base with { | }\n}\n';
  assert.deepEqual((await labels(src)).sort(), ['log', 'run']);
});
