// F5 on a `wasm-component` config with runtime wasmtime, as VS Code drives
// it over the Debug Adapter Protocol: the launch request the extension builds
// (client/src/debug/launchArgs.ts) goes to a real lldb-dap (Debian's
// lldb-vscode-16 here), which runs the real wasmtime on the C fixture built
// with -g -O0. Breakpoints in the C source answer verified, the program stops
// on them, the stack names the C functions, Variables shows locals' values,
// stepping moves by source line, and the exit code arrives. Run with every
// lldb-dap the product's lookup finds on PATH (common/tools/toolLookup.ts
// names, its first pick first): here Debian's lldb-dap-19 and lldb-vscode-16.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lldbDapLaunch } from '../../client/src/debug/launchArgs';
import { isExecutableFile, lookupTool, TOOL_EXECUTABLES } from '../../common/tools/toolLookup';
import { live } from '../live';
import { buildDebugFixture, type BuiltFixture } from './debugFixture';
import { dapSession } from './dapSession';

const TOOLS = ['lldb-dap', 'wasmtime', 'clang-16', 'jco'] as const;

/** The lldb-dap executables the product would take, one per name, its own pick first. */
function debugAdapters(): string[] {
  const pick = lookupTool({ tool: 'lldbDap', pathEnv: process.env.PATH });
  const all = TOOL_EXECUTABLES.lldbDap.map((name) =>
    lookupTool({ tool: 'lldbDap', pathEnv: process.env.PATH, isExecutable: (f) => path.basename(f) === name && isExecutableFile(f) }),
  );
  const found = [pick, ...all].flatMap((r) => (r.found ? [r.path] : []));
  // One run per binary: Debian's lldb-vscode-16 and a lldb-dap symlinked to it are one adapter.
  return found.filter((p, i) => found.findIndex((q) => realpathSync(q) === realpathSync(p)) === i);
}
// With none found the test below still runs once, and live() skips it with the reason.
const ADAPTERS = debugAdapters();

function withFixture(tools: Record<(typeof TOOLS)[number], string>): { dir: string; fixture: BuiltFixture } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-debug-'));
  return { dir, fixture: buildDebugFixture(dir, { clang: tools['clang-16'], jco: tools.jco }) };
}

/** initialize, launch, wait for `initialized` (what VS Code does before sending breakpoints). */
async function start(s: ReturnType<typeof dapSession>, launch: ReturnType<typeof lldbDapLaunch>): Promise<void> {
  await s.ok('initialize', {
    clientID: 'vscode',
    adapterID: 'wasm-component',
    linesStartAt1: true,
    columnsStartAt1: true,
    pathFormat: 'path',
    supportsVariableType: true,
  });
  const initialized = s.after(0, 'initialized event', (m) => m.event === 'initialized');
  await s.ok('launch', launch);
  await initialized;
}

for (const adapter of ADAPTERS.length ? ADAPTERS : [undefined])
  test(
    `breakpoints in the C source bind, hit and step under wasmtime; locals have their values; the exit code arrives (${adapter ? path.basename(adapter) : 'lldb-dap'})`,
    { timeout: 180_000 },
    async (t) => {
      const tools = live(t, TOOLS);
      if (!tools) return;
      const { dir, fixture } = withFixture(tools);
      const s = dapSession(adapter ?? tools['lldb-dap']);
      try {
        const { lines, source } = fixture;
        // One argument with every character LLDB's command parser treats specially.
        const arg = 'it\'s "q" `x` $HOME \\ a b';
        await start(s, lldbDapLaunch({ name: 'Debug', program: fixture.component, args: [arg], cwd: dir }, tools.wasmtime));

        const set = await s.ok('setBreakpoints', {
          source: { path: source },
          breakpoints: [{ line: lines['main-call'] }, { line: lines['main-print'] }],
        });
        const bps = set.body?.breakpoints as Array<{ verified: boolean; line: number }>;
        assert.deepEqual(
          bps.map((b) => [b.verified, b.line]),
          [
            [true, lines['main-call']],
            [true, lines['main-print']],
          ],
          s.transcript(),
        );
        await s.ok('setFunctionBreakpoints', { breakpoints: [] });

        const first = await s.stopAfter(() => s.ok('configurationDone', {}));
        assert.equal(first.reason, 'breakpoint');
        const threadId = first.threadId;
        let stack = await s.frames(threadId);
        assert.equal(stack[0].line, lines['main-call']);
        assert.equal(stack[0].source?.path, source);
        // clang names C's main `__main_argc_argv` in wasm (it takes argc/argv).
        assert.match(stack[0].name, /main/);
        let vars = await s.locals(stack[0].id);
        assert.equal(vars.base?.value, '40', JSON.stringify(vars));
        assert.equal(vars.argc?.value, '2');

        const intoAdd = await s.stopAfter(() => s.ok('stepIn', { threadId }));
        assert.equal(intoAdd.reason, 'step');
        stack = await s.frames(threadId);
        assert.deepEqual([stack[0].name, stack[0].line], ['add', lines['add-body']]);
        assert.deepEqual([stack[1].line, stack[1].source?.path], [lines['main-call'], source]);

        await s.stopAfter(() => s.ok('next', { threadId }));
        stack = await s.frames(threadId);
        assert.deepEqual([stack[0].name, stack[0].line], ['add', lines['add-return']]);
        vars = await s.locals(stack[0].id);
        assert.deepEqual([vars.a?.value, vars.b?.value, vars.sum?.value], ['40', '2', '42']);

        const second = await s.stopAfter(() => s.ok('continue', { threadId }));
        assert.equal(second.reason, 'breakpoint');
        stack = await s.frames(threadId);
        assert.equal(stack[0].line, lines['main-print']);
        assert.equal((await s.locals(stack[0].id)).answer?.value, '42');

        const exited = s.after(s.dap.messages.length, 'exited event', (m) => m.event === 'exited');
        await s.ok('continue', { threadId });
        assert.equal((await exited).body?.exitCode, 0, s.programOutput());
        // ...and the Debug Console says it (the launch's exitCommands).
        await s.after(
          0,
          'the exit line',
          (m) => m.event === 'output' && /exited with status = 0 \(0x00000000\)/.test(String(m.body?.output)),
        );
        // The argument reached the component unchanged through `process launch`.
        assert.equal(s.programOutput().replace(/\r\n/g, '\n'), `answer=42 args=1\narg[1]=${arg}\n`);
      } finally {
        await s.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

test("a failing component's exit code reaches the debugger (wasi:cli/exit err: wasmtime exits with 1)", { timeout: 180_000 }, async (t) => {
  const tools = live(t, TOOLS);
  if (!tools) return;
  const { dir, fixture } = withFixture(tools);
  const s = dapSession(ADAPTERS[0] ?? tools['lldb-dap']);
  try {
    // Two arguments: argc 3, so add() gives 43 and main returns 1.
    await start(s, lldbDapLaunch({ name: 'Debug', program: fixture.component, args: ['x', 'y'] }, tools.wasmtime));
    const exited = s.after(0, 'exited event', (m) => m.event === 'exited');
    await s.ok('configurationDone', {});
    assert.equal((await exited).body?.exitCode, 1, s.programOutput());
    await s.after(0, 'the exit line', (m) => m.event === 'output' && /exited with status = 1 \(0x00000001\)/.test(String(m.body?.output)));
    assert.match(s.programOutput(), /answer=43 args=2/);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
