// How a component's world decides run or serve: on WIT text as jco's
// componentWit prints it, and on built .wasm files read by the extension's own reader.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { classifyWorld, componentKind, componentKindOfFile, exportedInterfaces } from '../../client/src/tasks/componentWorld';

const command = `package root:component;
world root {
  import wasi:cli/environment@0.2.12;
  import wasi:http/types@0.2.12;
  export wasi:cli/run@0.2.12;
}`;
const proxy = `package root:component;
world root {
  import wasi:cli/stdout@0.2.10;
  import wasi:http/types@0.2.10;
  export wasi:http/incoming-handler@0.2.10;
}`;
const library = `package root:component;
world root {
  export docs:calc/adder@0.1.0;
  export run: func();
}`;

test('exports are read from the world, imports are not', () => {
  assert.deepEqual(exportedInterfaces(command), ['wasi:cli/run@0.2.12']);
  assert.deepEqual(exportedInterfaces(proxy), ['wasi:http/incoming-handler@0.2.10']);
});

test('wasi:cli/run -> cli; wasi:http/incoming-handler -> http; anything else -> unknown', () => {
  assert.equal(classifyWorld(command), 'cli');
  assert.equal(classifyWorld(proxy), 'http');
  assert.equal(classifyWorld(library), 'unknown');
  // Importing http does not make a command a server.
  assert.equal(classifyWorld(command.replace('import wasi:http/types', 'import wasi:http/outgoing-handler')), 'cli');
});

test('an unreadable component is unknown, with the first line of the reason', async () => {
  const r = await componentKind('/x.wasm', async () => {
    throw new Error('Failed to decode wit component\nmore detail');
  });
  assert.deepEqual(r, { kind: 'unknown', error: 'Failed to decode wit component' });
});

test("the extension's own reader tells a command from a library in the built .wasm, no jco needed", async () => {
  const fixtures = path.resolve(__dirname, '../fixtures');
  assert.deepEqual(await componentKindOfFile(path.join(fixtures, 'cli/hello.component.wasm')), { kind: 'cli' });
  assert.deepEqual(await componentKindOfFile(path.join(fixtures, 'compose/app.wasm')), { kind: 'cli' });
  // greeter exports only wit-devkit:compose/greet: neither run nor serve.
  assert.deepEqual(await componentKindOfFile(path.join(fixtures, 'compose/greeter.wasm')), { kind: 'unknown' });
  const notWasm = await componentKindOfFile(path.resolve(__dirname, '../../package.json'));
  assert.equal(notWasm.kind, 'unknown');
  assert.ok(notWasm.error, 'says why');
});
