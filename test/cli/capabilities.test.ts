// `wit-devkit capabilities FILE.wasm`: the JSON the issue asks for, the human
// listing, and bad input as exit code 2 with a message.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cli, repoRoot } from './helpers';

const hello = path.join(repoRoot, 'test', 'fixtures', 'cli', 'hello.component.wasm');
const composed = path.join(repoRoot, 'test', 'fixtures', 'components', 'composed.wasm');

test('--format json: every import with its capability, and the wasmtime flags', async () => {
  const r = await cli(['capabilities', '--format', 'json', hello]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(
    report.imports.find((i: { name: string }) => i.name === 'wasi:filesystem/preopens@0.2.12'),
    { name: 'wasi:filesystem/preopens@0.2.12', capability: 'filesystem' },
  );
  assert.deepEqual(
    report.imports.find((i: { name: string }) => i.name === 'wasi:cli/environment@0.2.12'),
    { name: 'wasi:cli/environment@0.2.12', capability: 'environment' },
  );
  assert.deepEqual(report.flags, ['--dir', '.', '-S', 'inherit-env']);
});

test("a composed component: what the host must provide, and its nested components' own imports", async () => {
  const r = await cli(['capabilities', composed]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^other:\n {2}docs:calc\/logger@0\.1\.0$/m);
  assert.match(r.stdout, /wasmtime run flags: \(none\)/);
  assert.match(r.stdout, /nested component 0: docs:calc\/adder@0\.1\.0 \[other\], docs:calc\/logger@0\.1\.0 \[other\]/);
});

test('bad input: no file, not a component, no operand', async () => {
  assert.equal((await cli(['capabilities', 'missing.wasm'])).code, 2);
  const notComponent = await cli(['capabilities', path.join(repoRoot, 'package.json')]);
  assert.equal(notComponent.code, 2);
  assert.match(notComponent.stderr, /not a component/);
  assert.equal((await cli(['capabilities'])).code, 2);
});
