// Debugging a wasi:http handler under `wasmtime serve`, over the Debug Adapter
// Protocol as VS Code drives it: the launch request the extension builds for
// mode http (launchArgs.ts; the mode it picks from the component's exports,
// componentWorld.ts), a real lldb-dap and wasmtime, the C handler fixture
// (test/fixtures/debug/http.c) built with -g -O0. A breakpoint in the handler
// answers verified, a request on loopback stops there with the request's
// values in Variables, and continuing answers the request.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lldbDapLaunch } from '../../client/src/debug/launchArgs';
import { componentKindOfFile } from '../../client/src/tasks/componentWorld';
import { live } from '../live';
import { buildHttpFixture } from './debugFixture';
import { dapSession } from './dapSession';
import { freePort } from '../freePort';

test(
  'wasmtime serve: a breakpoint in the C request handler binds, a request on loopback stops there, continuing answers it',
  { timeout: 180_000 },
  async (t) => {
    const tools = live(t, ['lldb-dap', 'wasmtime', 'clang-16', 'wit-bindgen', 'wasm-tools']);
    if (!tools) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'wit-debug-http-'));
    const s = dapSession(tools['lldb-dap']);
    try {
      const fixture = buildHttpFixture(dir, { clang: tools['clang-16'], witBindgen: tools['wit-bindgen'], wasmTools: tools['wasm-tools'] });
      // F5 with no "mode": the resolver serves what exports wasi:http/incoming-handler.
      assert.equal((await componentKindOfFile(fixture.component)).kind, 'http');
      const port = await freePort();
      await s.ok('initialize', {
        clientID: 'vscode',
        adapterID: 'wasm-component',
        linesStartAt1: true,
        columnsStartAt1: true,
        pathFormat: 'path',
      });
      const initialized = s.after(0, 'initialized event', (m) => m.event === 'initialized');
      await s.ok(
        'launch',
        lldbDapLaunch({ name: 'Debug', program: fixture.component, mode: 'http', addr: `127.0.0.1:${port}` }, tools.wasmtime),
      );
      await initialized;
      const set = await s.ok('setBreakpoints', {
        source: { path: fixture.source },
        breakpoints: [{ line: fixture.lines['http-doubled'] }],
      });
      assert.deepEqual(
        (set.body?.breakpoints as Array<{ verified: boolean }>).map((b) => b.verified),
        [true],
        s.transcript(),
      );
      await s.ok('configurationDone', {});
      // wasmtime's line may arrive in more than one output event: match what has been printed so far.
      let printed = '';
      await s.after(0, 'wasmtime serving', (m) => {
        if (m.event === 'output') printed += String(m.body?.output ?? '');
        return printed.includes(`Serving HTTP on http://127.0.0.1:${port}/`);
      });

      for (const [url, bytes] of [
        ['/first', 6],
        ['/second?q=1', 11],
      ] as const) {
        let response: Promise<string> | undefined;
        const stopped = await s.stopAfter(async () => {
          response = fetch(`http://127.0.0.1:${port}${url}`).then((r) => r.text());
        });
        assert.equal(stopped.reason, 'breakpoint');
        const frames = await s.frames(stopped.threadId, 3);
        assert.deepEqual(
          frames.slice(0, 2).map((f) => [f.name, f.line]),
          [
            ['doubled', fixture.lines['http-doubled']],
            ['exports_wasi_http_incoming_handler_handle', fixture.lines['http-call']],
          ],
        );
        assert.equal((await s.locals(frames[0].id)).n?.value, String(bytes));
        assert.equal((await s.locals(frames[1].id)).length?.value, String(bytes));
        await s.ok('continue', { threadId: stopped.threadId });
        assert.equal(await response, `path ${url}: ${bytes} bytes, doubled ${bytes * 2}\n`);
      }
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
