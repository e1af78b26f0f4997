// `wasmtime serve` of the Python wasi:http fixture (test/fixtures/http-py,
// built by componentize-py into the cache by scripts/build-http-fixture-py.sh)
// through the command line the run task builds: the task's `auto` mode reads
// the component's world and picks serve, the component answers a GET on
// 127.0.0.1 with the method and path it received, and stopping the run frees
// the port.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { componentKindOfFile } from '../../client/src/tasks/componentWorld';
import { wasmtimeArgs } from '../../client/src/tasks/commandLines';
import { live } from '../live';
import { freePort, plan, portIsFree, pythonHttpFixture, serve } from './componentRuns';

const fixtureBuilt = () =>
  existsSync(pythonHttpFixture)
    ? undefined
    : { tool: 'http-fixture-py', why: `${pythonHttpFixture} not built (sh scripts/build-http-fixture-py.sh)` };

/** wasmtime serve's line once its socket is bound. */
const SERVING = /Serving HTTP on http:\/\/127\.0\.0\.1:\d+/;

test(
  'wasmtime serve of the Python wasi:http fixture answers a GET on 127.0.0.1; stopping the run frees the port',
  { timeout: 180_000 },
  async (t) => {
    const tools = live(t, ['wasmtime'], [fixtureBuilt]);
    if (!tools) return;
    // What the run task's "mode": "auto" decides from the component's own exports.
    assert.deepEqual(await componentKindOfFile(pythonHttpFixture), { kind: 'http' });
    const port = await freePort();
    const p = plan(tools.wasmtime, { program: pythonHttpFixture, mode: 'http', addr: `127.0.0.1:${port}` });
    assert.deepEqual(wasmtimeArgs(p), ['serve', '--addr', `127.0.0.1:${port}`, '-S', 'cli', pythonHttpFixture]);
    const started = Date.now();
    const server = await serve(p, SERVING);
    const listeningMs = Date.now() - started;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/from-the-test?x=1`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/plain');
      assert.equal(await res.text(), 'hello from the python http fixture: GET /from-the-test?x=1\n');
      // A second request: the host may or may not reuse the instance; either way it answers.
      const post = await fetch(`http://127.0.0.1:${port}/again`, { method: 'POST', body: 'ignored' });
      assert.equal(await post.text(), 'hello from the python http fixture: POST /again\n');
      console.log(`wasmtime serve listening after ${listeningMs} ms`);
    } finally {
      server.process.stop();
    }
    const code = await server.process.done;
    // Stopped by SIGTERM: the run ends as a signal death (128 + 15), as shells report it.
    assert.equal(code, 143, server.output());
    await portIsFree(port);
  },
);

test(
  "why serve turns on -S cli: with cli=n wasmtime cannot link the Python component's wasi:cli imports",
  { timeout: 60_000 },
  async (t) => {
    const tools = live(t, ['wasmtime'], [fixtureBuilt]);
    if (!tools) return;
    const port = await freePort();
    const outcome = await serve(
      plan(tools.wasmtime, { program: pythonHttpFixture, mode: 'http', addr: `127.0.0.1:${port}`, wasi: ['cli=n'] }),
      SERVING,
    ).then(
      (s) => {
        s.process.stop();
        return 'listening';
      },
      (e: Error) => e.message,
    );
    assert.match(
      outcome,
      /exited with 1 before listening: Error: component imports instance `wasi:cli\/environment@0\.2\.\d+`, but a matching implementation was not found in the linker/,
    );
  },
);

test("wasmtime serve on a port already taken fails at once with wasmtime's error", { timeout: 60_000 }, async (t) => {
  const tools = live(t, ['wasmtime'], [fixtureBuilt]);
  if (!tools) return;
  const port = await freePort();
  const first = await serve(plan(tools.wasmtime, { program: pythonHttpFixture, mode: 'http', addr: `127.0.0.1:${port}` }), SERVING);
  try {
    const second = await serve(plan(tools.wasmtime, { program: pythonHttpFixture, mode: 'http', addr: `127.0.0.1:${port}` }), SERVING).then(
      () => 'listening',
      (e: Error) => e.message,
    );
    assert.match(second, /exited with [1-9]\d* before listening: .*(Address already in use|in use)/s);
  } finally {
    first.process.stop();
    await first.process.done;
  }
});
