// The launch request the extension builds for runtime wasmtime
// (client/src/debug/launchArgs.ts), sent to a real lldb-dap (Debian's
// lldb-vscode-16 here) over the Debug Adapter Protocol as VS Code sends it:
// lldb starts the real wasmtime with the debug flags, the C fixture's output,
// args, env and --dir preopen reach the Debug Console (DAP output events), and
// the exit code lldb reports is wasmtime's. Breakpoints are not covered here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lldbDapLaunch } from '../../client/src/debug/launchArgs';
import { live } from '../live';
import { cliFixture } from './componentRuns';
import { dapClient } from './dapClient';

/** Runs one launch request to its end; returns the debuggee's output and exit code. */
async function debugRun(lldbDap: string, launch: ReturnType<typeof lldbDapLaunch>): Promise<{ output: string; exitCode: unknown }> {
  const dap = dapClient(lldbDap);
  try {
    const init = await dap.request('initialize', {
      adapterID: 'wasm-component',
      linesStartAt1: true,
      columnsStartAt1: true,
      pathFormat: 'path',
    });
    assert.equal(init.success, true);
    const launched = await dap.request('launch', launch);
    assert.equal(launched.success, true, launched.message);
    await dap.waitFor((m) => m.event === 'initialized');
    await dap.request('configurationDone', {});
    const exited = await dap.waitFor((m) => m.event === 'exited');
    await dap.waitFor((m) => m.event === 'terminated');
    const output = dap.messages
      .filter((m) => m.event === 'output' && m.body?.category !== 'console')
      .map((m) => String(m.body?.output))
      .join('');
    await dap.request('disconnect', { terminateDebuggee: true });
    return { output, exitCode: exited.body?.exitCode };
  } finally {
    dap.child.kill();
  }
}

test(
  "lldb-dap runs the real wasmtime from the launch request: the component's output, args, env and --dir, exit code 0",
  { timeout: 120_000 },
  async (t) => {
    const tools = live(t, ['lldb-dap', 'wasmtime']);
    if (!tools) return;
    const host = mkdtempSync(path.join(tmpdir(), 'wit-lldb-'));
    try {
      writeFileSync(path.join(host, 'seen.txt'), 'seen under lldb\n');
      const launch = lldbDapLaunch(
        {
          name: 'Debug',
          program: cliFixture,
          args: ['a b', '$(id)'],
          env: { WIT_FIXTURE_NAME: 'under lldb', WIT_FIXTURE_READ: '/h/seen.txt' },
          dirs: [`${host}::/h`],
          cwd: host,
        },
        tools.wasmtime,
      );
      const { output, exitCode } = await debugRun(tools['lldb-dap'], launch);
      assert.equal(exitCode, 0, output);
      assert.match(
        output,
        /hello from a wasm component\r?\narg\[1\]=a b\r?\narg\[2\]=\$\(id\)\r?\nWIT_FIXTURE_NAME=under lldb\r?\nread \/h\/seen\.txt: seen under lldb\r?\n/,
      );
    } finally {
      rmSync(host, { recursive: true, force: true });
    }
  },
);

test('lldb-dap reports the failing exit code of a component run by wasmtime', { timeout: 120_000 }, async (t) => {
  const tools = live(t, ['lldb-dap', 'wasmtime']);
  if (!tools) return;
  const launch = lldbDapLaunch({ name: 'Debug', program: cliFixture, env: { WIT_FIXTURE_EXIT: '3' } }, tools.wasmtime);
  const { output, exitCode } = await debugRun(tools['lldb-dap'], launch);
  // exit(3) reaches wasmtime as wasi:cli/exit err (no number): wasmtime, and so lldb, report 1.
  assert.equal(exitCode, 1, output);
  assert.match(output, /hello from a wasm component/);
});
