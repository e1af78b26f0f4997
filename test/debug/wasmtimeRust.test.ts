// The Rust language fixture (test/fixtures/langs/rust, built by the product's
// `cargo build --target wasm32-wasip2` task, debug profile) under wasmtime and
// a real lldb-dap, over DAP as VS Code drives it: a breakpoint in lib.rs
// answers verified, the run stops there with the Rust function on top of the
// stack and its local `words` readable, and continuing ends with exit code 0.
// (Go's fixture has no such test: Go's wasm linker writes no DWARF.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lldbDapLaunch } from '../../client/src/debug/launchArgs';
import { live } from '../live';
import { buildWithTask, builtOutput, copyFixture, removeCopy, taskFor } from '../live/langFixtures';
import { dapSession } from './dapSession';

test(
  'Rust: a breakpoint in lib.rs binds and hits under wasmtime, the local `words` is readable, exit code 0',
  { timeout: 600_000 },
  async (t) => {
    const tools = live(t, ['lldb-dap', 'wasmtime', 'cargo']);
    if (!tools) return;
    const dir = copyFixture('rust');
    const s = dapSession(tools['lldb-dap']);
    try {
      const built = await buildWithTask(taskFor('rust', ''), dir, tools);
      assert.equal(built.code, 0, built.out);
      const component = builtOutput('rust', dir, '');
      const source = path.join(dir, 'src', 'lib.rs');
      const line =
        readFileSync(source, 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('println!')) + 1;
      assert.ok(line > 0, 'no println! line in lib.rs');

      await s.ok('initialize', {
        clientID: 'vscode',
        adapterID: 'wasm-component',
        linesStartAt1: true,
        columnsStartAt1: true,
        pathFormat: 'path',
      });
      const initialized = s.after(0, 'initialized event', (m) => m.event === 'initialized');
      await s.ok('launch', lldbDapLaunch({ name: 'Debug', program: component, args: ['a', 'b'] }, tools.wasmtime));
      await initialized;
      const set = await s.ok('setBreakpoints', { source: { path: source }, breakpoints: [{ line }] });
      assert.deepEqual(
        (set.body?.breakpoints as Array<{ verified: boolean; line: number }>).map((b) => [b.verified, b.line]),
        [[true, line]],
        s.transcript(),
      );
      const stopped = await s.stopAfter(() => s.ok('configurationDone', {}));
      assert.equal(stopped.reason, 'breakpoint');
      const frames = await s.frames(stopped.threadId, 3);
      assert.deepEqual([frames[0].line, frames[0].source?.path], [line, source]);
      // The Rust path of the Guest impl's run, as the DWARF names it (mangled in lldb 16's rendering).
      assert.match(frames[0].name, /Hello.*Guest.*run/);
      assert.ok((await s.locals(frames[0].id)).words, 'no local `words`');

      // println! expands to more than one location on its line: each stops once, on that line.
      for (let stops = 0; ; stops++) {
        const from = s.dap.messages.length;
        const next = s.after(from, 'stopped or exited event', (m) => m.event === 'stopped' || m.event === 'exited');
        await s.ok('continue', { threadId: stopped.threadId });
        const event = await next;
        if (event.event === 'exited') {
          assert.equal(event.body?.exitCode, 0);
          break;
        }
        assert.ok(stops < 4, 'more stops than the line has locations');
        assert.equal((await s.frames(event.body?.threadId, 1))[0].line, line);
      }
      assert.match(s.programOutput(), /hello from rust a b/);
    } finally {
      await s.close();
      removeCopy(dir, 'rust');
    }
  },
);
