// F5 to stopped at a breakpoint, runtime wasmtime: what the user waits for
// between pressing F5 (the build already done) and the editor showing the
// stopped line. Measured over the Debug Adapter Protocol as VS Code drives it:
// from `initialize` to the `stopped` event of a breakpoint in the C fixture's
// main, with the launch request the extension builds. That span holds lldb-dap's
// start, wasmtime's start, its compilation of the component with DWARF (no
// cache: launchArgs.ts says why), the one-shot stop, setBreakpoints and the run
// to the line. Median and p95 of 5, after one unmeasured run (disk cache warm).
// The e2e suite (debugBreakpoints.test.ts) logs the same span in code-server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lldbDapLaunch } from '../../client/src/debug/launchArgs';
import { buildDebugFixture } from '../debug/debugFixture';
import { dapSession } from '../debug/dapSession';
import { findLiveTool } from '../live';
import type { Row } from './core';

const RUNS = 5;

async function f5ToStopped(adapter: string, wasmtime: string, component: string, source: string, line: number): Promise<number> {
  const start = performance.now();
  const s = dapSession(adapter);
  try {
    await s.ok('initialize', {
      clientID: 'vscode',
      adapterID: 'wasm-component',
      linesStartAt1: true,
      columnsStartAt1: true,
      pathFormat: 'path',
    });
    const initialized = s.after(0, 'initialized event', (m) => m.event === 'initialized');
    await s.ok('launch', lldbDapLaunch({ name: 'bench', program: component }, wasmtime));
    await initialized;
    await s.ok('setBreakpoints', { source: { path: source }, breakpoints: [{ line }] });
    const stopped = await s.stopAfter(() => s.ok('configurationDone', {}));
    const ms = performance.now() - start;
    if (stopped.reason !== 'breakpoint') throw new Error(`stopped for ${String(stopped.reason)}, not the breakpoint`);
    return ms;
  } finally {
    await s.close();
  }
}

export async function benchDebug(): Promise<Row[]> {
  const tools = {
    adapter: findLiveTool('lldb-dap'),
    wasmtime: findLiveTool('wasmtime'),
    clang: findLiveTool('clang-16'),
    jco: findLiveTool('jco'),
  };
  const missing = Object.entries(tools)
    .filter(([, p]) => !p)
    .map(([t]) => t);
  if (missing.length)
    return [
      {
        name: 'F5 to stopped at a breakpoint (wasmtime + lldb-dap)',
        value: `skipped: ${missing.join(', ')} not found`,
        budget: '',
        ok: true,
      },
    ];
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-bench-debug-'));
  try {
    const fixture = buildDebugFixture(dir, { clang: tools.clang!, jco: tools.jco! });
    const run = () => f5ToStopped(tools.adapter!, tools.wasmtime!, fixture.component, fixture.source, fixture.lines['main-first']);
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await run());
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)];
    const p95 = times[times.length - 1];
    return [
      {
        name: `F5 to stopped at a breakpoint (${path.basename(tools.adapter!)}, C fixture, wasmtime)`,
        value: `p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
        budget: '',
        ok: true,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node --import tsx test/bench/debug.ts` prints this section alone.
if (require.main === module) void benchDebug().then((rows) => rows.forEach((r) => console.log(`${r.name}  ${r.value}`)));
