// Live runs of real components through the same code the extension uses:
// the command line from commandLines.ts started by processRunner.ts.
//   - the C fixture (test/fixtures/cli) under `jco run`: stdout, args, env, exit code;
//   - arguments and a component path holding spaces, quotes, `;`, `$(...)` and
//     backticks reach the component verbatim and run nothing;
//   - the debug runner (runtime jco) transpiling and running the fixture;
//   - the wasi:http fixture under `jco serve`, answering a GET on 127.0.0.1
//     (when scripts/build-http-fixture.sh has cached it);
//   (wasmtime's runs are live tests: test/live/wasmtimeRun.test.ts.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCommandLine, type RunPlan } from '../../client/src/tasks/commandLines';
import { componentKind, jcoWitReader } from '../../client/src/tasks/componentWorld';
import { startProcess } from '../../client/src/tasks/processRunner';
import { EXIT_LINE_PREFIX, runnerArgs, writeRunner } from '../../client/src/debug/jcoDebugPrep';
import { locateJco, writePreopenModule } from '../../client/src/tasks/jcoLayout';
import { freePort } from '../freePort';

const repo = path.resolve(__dirname, '../..');
const fixture = path.join(repo, 'test/fixtures/cli/hello.component.wasm');
const jco = path.join(repo, 'node_modules/.bin/jco');
const httpFixture = path.join(process.env.WIT_DEVKIT_CACHE ?? path.join(homedir(), '.cache/wit-devkit'), 'http-fixture.wasm');

const plan = (over: Partial<RunPlan>): RunPlan => ({
  runtime: 'jco',
  runtimePath: jco,
  mode: 'cli',
  program: fixture,
  args: [],
  addr: '127.0.0.1:0',
  dirs: [],
  env: {},
  wasi: [],
  ...over,
});

/** Runs to the end; returns exit code and all output. */
async function run(p: RunPlan, extraEnv: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const line = runCommandLine(p);
  // Variables the test sets for the process itself (jco hands them to the guest too).
  const child = startProcess({ ...line, env: { ...line.env, ...extraEnv } }, (t) => (out += t));
  return { code: await child.done, out };
}

test('jco run of the C fixture: its output, args and env reach the user, exit code 0', async () => {
  const { code, out } = await run(plan({ args: ['first', 'second arg'], env: { WIT_FIXTURE_NAME: 'from the task' } }));
  assert.equal(code, 0, out);
  assert.equal(out, 'hello from a wasm component\narg[1]=first\narg[2]=second arg\nWIT_FIXTURE_NAME=from the task\n');
});

test('jco run with dirs: the component reads a host file through its preopen', async () => {
  const host = mkdtempSync(path.join(tmpdir(), 'wit-dirs-'));
  try {
    writeFileSync(path.join(host, 'note.txt'), 'line from the host\n');
    const located = await locateJco(jco);
    assert.ok(typeof located !== 'string', String(located));
    const setup = await writePreopenModule(host, located.shimDir, [`${host}::/data`]);
    const { code, out } = await run(plan({ dirs: [`${host}::/data`], jcoSetupModule: setup }), { WIT_FIXTURE_READ: '/data/note.txt' });
    assert.equal(code, 0, out);
    assert.match(out, /read \/data\/note\.txt: line from the host\n/);
    // Without the preopen the guest sees no such directory.
    const without = await run(plan({}), { WIT_FIXTURE_READ: '/data/note.txt' });
    assert.match(without.out, /cannot read \/data\/note\.txt/);
  } finally {
    rmSync(host, { recursive: true, force: true });
  }
});

test('jco run: a component exiting non-zero is reported as failing', async () => {
  // exit(3) in C reaches jco's WASI shim as wasi:cli/exit err, i.e. status 1.
  const { code, out } = await run(plan({ env: { WIT_FIXTURE_EXIT: '3' } }));
  assert.equal(code, 1, out);
  assert.match(out, /hello from a wasm component/);
});

test('arguments and paths with spaces, quotes, ; $(...) and backticks run exactly that and nothing else', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-args-'));
  try {
    const marker = path.join(dir, 'PWNED');
    // A folder whose name is shell syntax, holding the component; run from `dir`,
    // where a shell would create PWNED.
    const hostile = path.join(dir, `dir with spaces; touch PWNED $(touch PWNED) 'q' "d" \`touch PWNED\``);
    mkdirSync(hostile);
    const component = path.join(hostile, 'hello; $(touch PWNED).wasm');
    copyFileSync(fixture, component);
    const args = ['two words', `; touch ${marker}`, `$(touch ${marker})`, `\`touch ${marker}\``, `it's "quoted"`, '&& exit 7', '--', '-x'];
    const { code, out } = await run(plan({ program: component, args, cwd: dir }));
    assert.equal(code, 0, out);
    const lines = out.split('\n').filter((l) => l.startsWith('arg['));
    assert.deepEqual(
      lines,
      args.map((a, i) => `arg[${i + 1}]=${a}`),
    );
    assert.equal(existsSync(marker), false, 'something ran a shell');
    assert.deepEqual(readdirSync(dir), [path.basename(hostile)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the fixture's world says cli, read lazily through jco", async () => {
  assert.deepEqual(await componentKind(fixture, jcoWitReader), { kind: 'cli' });
  const notWasm = await componentKind(path.join(repo, 'package.json'), jcoWitReader);
  assert.equal(notWasm.kind, 'unknown');
  assert.match(notWasm.error ?? '', /decode/i);
});

test('debug runner (runtime jco): transpiles, runs the command, prints the exit code', async () => {
  const store = mkdtempSync(path.join(tmpdir(), 'wit-debug-'));
  try {
    const runner = await writeRunner(store);
    const located = await locateJco(jco);
    assert.ok(typeof located !== 'string', String(located));
    writeFileSync(path.join(store, 'seen.txt'), 'seen by the debuggee\n');
    const args = runnerArgs(fixture, path.join(store, 'out'), located, ['arg one', '$(x)'], [`${store}::/store`]);
    // The Node debugger runs `node <runner> <args>`; so does this test.
    let out = '';
    const env = { WIT_FIXTURE_NAME: 'dbg', WIT_FIXTURE_EXIT: '5', WIT_FIXTURE_READ: '/store/seen.txt' };
    const child = startProcess({ command: process.execPath, args: [runner, ...args], env }, (t) => (out += t));
    const code = await child.done;
    assert.equal(code, 1, out);
    assert.match(
      out,
      /hello from a wasm component\narg\[1\]=arg one\narg\[2\]=\$\(x\)\nWIT_FIXTURE_NAME=dbg\nread \/store\/seen\.txt: seen by the debuggee\n/,
    );
    assert.match(out, new RegExp(`${EXIT_LINE_PREFIX.replace(/[[\]]/g, '\\$&')} 1\\n$`));
    // The transpiled core module still carries the DWARF the debugger binds breakpoints with.
    const core = readdirSync(path.join(store, 'out')).filter((f) => f.endsWith('.wasm'));
    assert.ok(
      core.some((f) => execFileSync('grep', ['-c', '.debug_info', path.join(store, 'out', f)], { encoding: 'utf8' }).trim() !== '0'),
    );
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
});

test('jco serve of the wasi:http fixture answers a GET on 127.0.0.1', { timeout: 120_000 }, async (t) => {
  if (!existsSync(httpFixture)) {
    console.log(`skipped: ${httpFixture} not built (run scripts/build-http-fixture.sh)`);
    t.skip('http fixture not cached');
    return;
  }
  assert.deepEqual(await componentKind(httpFixture, jcoWitReader), { kind: 'http' });
  const port = await freePort();
  let out = '';
  let onOut: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => (onOut = () => /Server listening/.test(out) && resolve()));
  const server = startProcess(runCommandLine(plan({ program: httpFixture, mode: 'http', addr: `127.0.0.1:${port}` })), (text) => {
    out += text;
    onOut();
  });
  try {
    await Promise.race([listening, server.done.then((c) => Promise.reject(new Error(`jco serve exited with ${c}: ${out}`)))]);
    const res = await fetch(`http://127.0.0.1:${port}/from-the-test`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'hello from the http fixture: /from-the-test\n');
  } finally {
    server.stop();
    await server.done;
  }
  // Stopping the run stopped jco's own node child too: the port is free again.
  await new Promise<void>((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(port, '127.0.0.1', () => s.close(() => resolve()));
  });
});
