// `wasmtime run` of the C fixture (test/fixtures/cli) through the command line
// the run task builds (commandLines.ts) and the process runner it uses: what
// the component prints, its arguments, its environment (--env) and a preopened
// host folder (--dir) reach the guest, and a component that exits non-zero
// makes the run end with wasmtime's non-zero exit code (the task's exit code).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { live } from '../live';
import { plan, runToEnd } from './componentRuns';

test('wasmtime run of the C fixture: its output, args, env and --dir preopens reach the guest', async (t) => {
  const tools = live(t, ['wasmtime']);
  if (!tools) return;
  const host = mkdtempSync(path.join(tmpdir(), 'wit-wasmtime-'));
  try {
    writeFileSync(path.join(host, 'note.txt'), 'via --dir\n');
    const { code, out } = await runToEnd(
      plan(tools.wasmtime, {
        args: ['a b', '$(touch x)', '--', '-S'],
        dirs: [`${host}::/data`],
        env: { WIT_FIXTURE_NAME: 'from wasmtime', WIT_FIXTURE_READ: '/data/note.txt' },
      }),
    );
    assert.equal(code, 0, out);
    assert.equal(
      out,
      'hello from a wasm component\narg[1]=a b\narg[2]=$(touch x)\narg[3]=--\narg[4]=-S\nWIT_FIXTURE_NAME=from wasmtime\nread /data/note.txt: via --dir\n',
    );
  } finally {
    rmSync(host, { recursive: true, force: true });
  }
});

test('wasmtime run gives the guest nothing it was not given: no env, no folders', async (t) => {
  const tools = live(t, ['wasmtime']);
  if (!tools) return;
  // The test process itself has WIT_FIXTURE_NAME set: wasmtime must not pass it through.
  process.env.WIT_FIXTURE_NAME = 'leaked from the host';
  try {
    const { code, out } = await runToEnd(plan(tools.wasmtime, { env: { WIT_FIXTURE_READ: '/data/note.txt' } }));
    assert.equal(code, 0, out);
    assert.equal(out, 'hello from a wasm component\nWIT_FIXTURE_NAME=(unset)\ncannot read /data/note.txt\n');
  } finally {
    delete process.env.WIT_FIXTURE_NAME;
  }
});

test('wasmtime run: a component exiting non-zero ends the run with a non-zero exit code', async (t) => {
  const tools = live(t, ['wasmtime']);
  if (!tools) return;
  const { code, out } = await runToEnd(plan(tools.wasmtime, { env: { WIT_FIXTURE_EXIT: '3' } }));
  // The fixture's exit(3) goes through the preview1 adapter's proc_exit to
  // wasi:cli/exit's `exit(err)`, which carries no number: wasmtime exits with 1.
  assert.equal(code, 1, out);
  // What it printed before exiting still reaches the user.
  assert.match(out, /^hello from a wasm component\nWIT_FIXTURE_NAME=\(unset\)\n/);
});

test("wasmtime run of a file that is not a component fails with wasmtime's own error", async (t) => {
  const tools = live(t, ['wasmtime']);
  if (!tools) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-wasmtime-bad-'));
  try {
    const bad = path.join(dir, 'not a component.wasm');
    writeFileSync(bad, 'this is text, not wasm\n');
    const { code, out } = await runToEnd(plan(tools.wasmtime, { program: bad }));
    assert.notEqual(code, 0, out);
    assert.match(out, /not a component\.wasm/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
