// The client's pure rules: output folders, the file opened after generation,
// the preview text, and how concurrent requests are ordered.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { outDirFor, mainFile, composePreview, staleNotice, plainWorld } from '../../client/src/bindings/outputLayout';
import { SerialQueue, LatestOnly } from '../../client/src/bindings/requestQueue';

test('output folder: the setting (with ${language}) or a default per language', () => {
  assert.equal(outDirFor('rust', ''), 'bindings/rust');
  assert.equal(outDirFor('typescript-host', undefined), 'bindings/ts-host');
  assert.equal(outDirFor('typescript-guest', '  '), 'bindings/ts-guest');
  assert.equal(outDirFor('go', 'gen/${language}'), 'gen/go');
  assert.equal(outDirFor('c', '/abs/out'), '/abs/out');
});

test("the opened file is the world's own", () => {
  const ts = [
    { path: 'interfaces/wasi-http-types.d.ts', text: '' },
    { path: 'service.d.ts', text: '' },
  ];
  assert.equal(mainFile(ts, 'typescript-host', 'wasi:http/service@0.3.0')?.path, 'service.d.ts');
  const c = [
    { path: 'my_world.c', text: '' },
    { path: 'my_world.h', text: '' },
    { path: 'my_world_component_type.o', text: '' },
  ];
  assert.equal(mainFile(c, 'c', 'a:b/my-world')?.path, 'my_world.h');
  const py = [
    { path: 'wit_world/exports/__init__.py', text: '' },
    { path: 'wit_world/__init__.py', text: '' },
    { path: 'componentize_py_types.py', text: '' },
  ];
  assert.equal(mainFile(py, 'python', 'a:b/w')?.path, 'wit_world/__init__.py');
  assert.equal(mainFile([{ path: 'proxy.md', text: '' }], 'markdown', 'wasi:http/proxy')?.path, 'proxy.md');
  assert.equal(mainFile([], 'rust', 'a:b/w'), undefined);
  assert.equal(plainWorld('wasi:http/proxy@0.2.0-rc-2023-12-05'), 'proxy');
});

test("the preview puts the world file first, each file under a header in the language's comments", () => {
  const files = [
    { path: 'interfaces/a.d.ts', text: 'export type A = 1;\n' },
    { path: 'w.d.ts', text: 'export * as a from "./interfaces/a.js";\n' },
  ];
  assert.equal(
    composePreview(files, 'typescript-guest', 'x:y/w'),
    '// ---- w.d.ts ----\nexport * as a from "./interfaces/a.js";\n\n// ---- interfaces/a.d.ts ----\nexport type A = 1;\n',
  );
  assert.match(
    composePreview([{ path: 'wit_world/__init__.py', text: 'x = 1' }], 'python', 'x:y/w'),
    /^# ---- wit_world\/__init__.py ----\nx = 1\n$/,
  );
});

test('with WIT errors the last good preview stays, under the reason', () => {
  const reason = 'The WIT has 1 error; bindings were not generated:\n  world.wit:4:28: expected a type';
  assert.equal(
    staleNotice('rust', reason, 'pub fn f() {}\n'),
    '// The WIT has errors: showing the last bindings generated without errors.\n// The WIT has 1 error; bindings were not generated:\n//   world.wit:4:28: expected a type\n\npub fn f() {}\n',
  );
  assert.match(staleNotice('typescript-host', reason, undefined), /^\/\/ No bindings yet: The WIT has 1 error/);
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

test('SerialQueue: a second request waits for the first, never interleaves', async () => {
  const q = new SerialQueue();
  const log: string[] = [];
  const gate = deferred<void>();
  const first = q.run(async () => {
    log.push('1 start');
    await gate.promise;
    log.push('1 end');
    return 1;
  });
  const second = q.run(async () => {
    log.push('2 start');
    return 2;
  });
  const failing = q.run(async () => {
    throw new Error('boom');
  });
  const after = q.run(async () => 4);
  assert.equal(q.size, 4);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(log, ['1 start']);
  gate.resolve();
  assert.deepEqual([await first, await second], [1, 2]);
  await assert.rejects(failing, /boom/);
  assert.equal(await after, 4);
  assert.deepEqual(log, ['1 start', '1 end', '2 start']);
  assert.equal(q.size, 0);
});

test('LatestOnly: while one runs, only the newest waiting request runs next', async () => {
  const runner = new LatestOnly<string>();
  const ran: string[] = [];
  const gate = deferred<void>();
  const a = runner.run(async () => {
    ran.push('a');
    await gate.promise;
    return 'a';
  });
  const b = runner.run(async () => {
    ran.push('b');
    return 'b';
  });
  const c = runner.run(async () => {
    ran.push('c');
    return 'c';
  });
  gate.resolve();
  assert.deepEqual([await a, await b, await c], ['a', 'c', 'c']);
  assert.deepEqual(ran, ['a', 'c']);
  assert.equal(await runner.run(async () => 'd'), 'd');
});

test('a binary output shows in the preview as a note, not as bytes', () => {
  const text = composePreview(
    [
      { path: 'w.h', text: 'int x;' },
      { path: 'w_component_type.o', text: 'AGFzbQ==', encoding: 'base64' },
    ],
    'c',
    'a:b/w',
  );
  assert.equal(text, '// ---- w.h ----\nint x;\n\n// ---- w_component_type.o ----\n// (binary file)\n');
});
