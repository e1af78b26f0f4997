// `WIT: Plug Components` over the compose pair: of the repo's components, greeter's exports
// satisfy app's greet import, greeter-mismatch comes close and plug fit says why, the
// calculator pair offers nothing; the `wac` task with plugs runs `wac plug`, whose output
// validates and runs under wasmtime.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { readComponent } from '../../common/component/reader';
import { plugCandidates } from '../../client/src/wac/plugCandidates';
import { wacComposeArgs } from '../../client/src/wac/wacTask';
import { live } from '../live';
import { fixtureWorkspace } from './wacLsp';
import { repoRoot } from './wacTokenizer';

const run = promisify(execFile);
const component = (p: string) => readComponent(new Uint8Array(fs.readFileSync(path.join(repoRoot, p))));

test('plug candidates for app: greeter fits, greeter-mismatch is explained, the calculator pair offers nothing', () => {
  const candidates = plugCandidates(
    component('test/fixtures/compose/app.wasm'),
    'app.wasm',
    ['compose/greeter.wasm', 'compose/greeter-mismatch.wasm', 'components/adder.wasm', 'components/calculator.wasm'].map((p) => ({
      name: p,
      info: component(`test/fixtures/${p}`),
    })),
  );
  assert.deepEqual(candidates[0], { name: 'compose/greeter.wasm', satisfies: ['wit-devkit:compose/greet@0.1.0'], reasons: [] });
  const mismatch = candidates.find((c) => c.name === 'compose/greeter-mismatch.wasm')!;
  assert.deepEqual(mismatch.satisfies, []);
  assert.equal(mismatch.reasons.length, 1);
  assert.match(mismatch.reasons[0], /^wit-devkit:compose\/greet@0\.1\.0: .*greet/);
  for (const name of ['components/adder.wasm', 'components/calculator.wasm']) {
    assert.deepEqual(
      candidates.find((c) => c.name === name),
      { name, satisfies: [], reasons: [] },
    );
  }
});

test('the plug task runs wac plug; the plugged app validates and runs under wasmtime', { timeout: 120_000 }, async (t) => {
  const tools = live(t, ['wac', 'wasm-tools', 'wasmtime']);
  if (!tools) return;
  const dir = fixtureWorkspace();
  try {
    const args = wacComposeArgs({
      type: 'wac',
      file: 'deps/wit-devkit/app.wasm',
      plugs: ['deps/wit-devkit/greeter.wasm'],
      output: 'plugged.wasm',
    });
    assert.deepEqual(args, ['plug', 'deps/wit-devkit/app.wasm', '--plug', 'deps/wit-devkit/greeter.wasm', '-o', 'plugged.wasm']);
    await run(tools.wac, args, { cwd: dir, env: { ...process.env, RUST_BACKTRACE: '0' } });
    await run(tools['wasm-tools'], ['validate', path.join(dir, 'plugged.wasm')]);
    const { stdout } = await run(tools.wasmtime, ['run', path.join(dir, 'plugged.wasm')]);
    assert.match(stdout, /Hello, world, from greeter\.c!/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
