// Building, running and debugging components in a real VS Code, the way a
// user does: a `wasm-component` task from tasks.json builds the C fixture
// (and a broken build lands in Problems), `WIT: Run Component` runs it with
// runtime jco, the wasi:http fixture is served and answers on loopback, and a
// `wasm-component` launch config with runtime jco debugs it to its exit code.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, repoPath, waitFor, workspaceUri } from '../helpers';
import { runTaskNamed, writeTasks } from '../tasksHelpers';

interface RunResult {
  exitCode: number;
  output: string;
}

// Fixtures come from the repository: the extension under test is the installed .vsix.
const fixtureDir = () => repoPath('test/fixtures/cli');
const httpFixture = path.join(process.env.WIT_DEVKIT_CACHE ?? path.join(homedir(), '.cache/wit-devkit'), 'http-fixture.wasm');
const COMPONENT_HEADER = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);

describe('build, run and debug components', function () {
  const out = mkdtempSync(path.join(tmpdir(), 'wit-e2e-tasks-'));
  const built = path.join(out, 'out dir', 'hello.component.wasm');
  const broken = path.join(out, 'broken.c');

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    writeFileSync(broken, 'int main(void) {\n  return undefined_name;\n}\n');
    writeTasks([
      {
        type: 'wasm-component',
        action: 'build',
        builder: 'command',
        label: 'build C fixture',
        command: ['sh', path.join(fixtureDir(), 'build.sh'), built],
        problemMatcher: ['$wasm-component-clang'],
      },
      {
        type: 'wasm-component',
        action: 'build',
        builder: 'command',
        label: 'build broken C',
        command: ['sh', path.join(fixtureDir(), 'build.sh'), path.join(out, 'broken.wasm'), broken],
        problemMatcher: ['$wasm-component-clang'],
      },
    ]);
  });

  it('offers the builds it detects: a cargo-component crate gets `cargo component build`', async () => {
    const cargoToml = workspaceUri('Cargo.toml').fsPath;
    writeFileSync(cargoToml, '[package]\nname = "e2e-app"\nversion = "0.1.0"\n\n[package.metadata.component]\npackage = "e2e:app"\n');
    try {
      const tasks = await vscode.tasks.fetchTasks({ type: 'wasm-component' });
      const build = tasks.find((t) => t.name === 'build (cargo-component)');
      assert.ok(build, `not offered; got ${tasks.map((t) => t.name).join(', ')}`);
      assert.equal(build.group?.id, vscode.TaskGroup.Build.id);
      const execution = build.execution as vscode.ProcessExecution;
      assert.ok(execution instanceof vscode.ProcessExecution, 'a build runs as a process, not a shell line');
      assert.match(execution.process, /cargo$/);
      assert.deepEqual(execution.args, ['component', 'build']);
      assert.deepEqual(build.problemMatchers, ['$wasm-component-rustc']);
    } finally {
      rmSync(cargoToml, { force: true });
    }
  });

  it('builds the C fixture by its wasm-component task', async () => {
    const code = await runTaskNamed('build C fixture');
    assert.equal(code, 0);
    assert.ok(existsSync(built), `${built} was not written`);
    assert.deepEqual(readFileSync(built).subarray(0, 8), COMPONENT_HEADER, 'the build did not write a component');
  });

  it("puts a failing build's compiler errors in the Problems view", async () => {
    const code = await runTaskNamed('build broken C');
    assert.notEqual(code, 0);
    const uri = vscode.Uri.file(broken);
    const diagnostics = await waitFor(
      "clang's error in Problems",
      () => {
        const d = vscode.languages.getDiagnostics(uri);
        return d.length > 0 ? d : undefined;
      },
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    assert.match(diagnostics[0].message, /undeclared identifier 'undefined_name'/);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].range.start.line, 1);
  });

  it('runs the built component with runtime jco and shows its output', async () => {
    const component = existsSync(built) ? built : path.join(fixtureDir(), 'hello.component.wasm');
    const result = await vscode.commands.executeCommand<RunResult>('wit.runComponent', component, {
      runtime: 'jco',
      args: ['from e2e', '$(touch nope)'],
      env: { WIT_FIXTURE_NAME: 'vscode', WIT_FIXTURE_READ: '/src/broken.c' },
      dirs: [`${out}::/src`],
    });
    assert.ok(result, 'WIT: Run Component returned nothing');
    assert.equal(result.exitCode, 0, result.output);
    assert.match(
      result.output,
      /hello from a wasm component\narg\[1\]=from e2e\narg\[2\]=\$\(touch nope\)\nWIT_FIXTURE_NAME=vscode\nread \/src\/broken\.c: int main\(void\) \{\n/,
    );
    assert.match(result.output, /The component exited with code 0/);
  });

  it('serves the wasi:http fixture, which answers a GET on 127.0.0.1', async function () {
    if (!existsSync(httpFixture)) {
      console.log(`skipped: ${httpFixture} not built (run scripts/build-http-fixture.sh)`);
      this.skip();
    }
    const port = 20000 + (process.pid % 20000);
    const finished = vscode.commands.executeCommand<RunResult>('wit.runComponent', httpFixture, {
      runtime: 'jco',
      addr: `127.0.0.1:${port}`,
    });
    const body = await waitFor(
      'the component to answer on loopback',
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/e2e`).catch(() => undefined);
        return res?.ok ? res.text() : undefined;
      },
      { timeoutMs: 60_000, pollMs: 500 },
    );
    assert.equal(body, 'hello from the http fixture: /e2e\n');
    const execution = vscode.tasks.taskExecutions.find((e) => e.task.definition.program === httpFixture);
    assert.ok(execution, 'the serve task is not running');
    execution.terminate();
    const result = await finished;
    assert.match(result.output, /jco serve|Server listening/);
  });

  it('debugs the component with runtime jco: it starts, prints and ends with the exit code', async () => {
    const output: string[] = [];
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (m: { type?: string; event?: string; body?: { output?: string } }) => {
          if (m.type === 'event' && m.event === 'output' && m.body?.output) output.push(m.body.output);
        },
      }),
    });
    try {
      const started: vscode.DebugSession[] = [];
      const sub = vscode.debug.onDidStartDebugSession((s) => started.push(s));
      const terminated = new Set<string>();
      const ended = vscode.debug.onDidTerminateDebugSession((s) => terminated.add(s.id));
      const ok = await vscode.debug.startDebugging(undefined, {
        type: 'wasm-component',
        request: 'launch',
        name: 'e2e: debug with jco',
        program: path.join(fixtureDir(), 'hello.component.wasm'),
        runtime: 'jco',
        args: ['debugged'],
        env: { WIT_FIXTURE_NAME: 'debug', WIT_FIXTURE_EXIT: '4' },
      });
      assert.ok(ok, 'the debug session did not start');
      const text = await waitFor(
        'the exit code in the Debug Console',
        () => {
          const all = output.join('');
          return /\[wasm-component\] exited with code \d+/.test(all) ? all : undefined;
        },
        { timeoutMs: 60_000 },
      ).catch((e: Error) => {
        throw new Error(`${e.message}; sessions: ${started.map((s) => s.type).join(', ')}; output: ${JSON.stringify(output.join(''))}`);
      });
      assert.match(text, /hello from a wasm component/);
      assert.match(text, /arg\[1\]=debugged/);
      assert.match(text, /WIT_FIXTURE_NAME=debug/);
      // exit(4) in C: a failing wasi:cli exit under jco, status 1.
      assert.match(text, /\[wasm-component\] exited with code 1/);
      // Every session of the launch (js-debug runs the process in a child session) ends.
      await waitFor(
        'the debug sessions to end',
        () => (started.length > 0 && started.every((s) => terminated.has(s.id)) ? true : undefined),
        { event: vscode.debug.onDidTerminateDebugSession, timeoutMs: 30_000 },
      );
      sub.dispose();
      ended.dispose();
    } finally {
      tracker.dispose();
    }
  });

  it('a launch config naming a missing runtime or debugger stops before starting', async () => {
    const program = path.join(fixtureDir(), 'hello.component.wasm');
    const base = { type: 'wasm-component', request: 'launch', program, runtime: 'wasmtime' };
    let started = 0;
    const sub = vscode.debug.onDidStartDebugSession(() => started++);
    try {
      assert.equal(
        await vscode.debug.startDebugging(undefined, { ...base, name: 'missing wasmtime', runtimePath: '/nonexistent/wasmtime' }),
        false,
      );
      assert.equal(
        await vscode.debug.startDebugging(undefined, {
          ...base,
          name: 'missing lldb-dap',
          runtimePath: '/bin/echo',
          debuggerPath: '/nonexistent/lldb-dap',
        }),
        false,
      );
      assert.equal(started, 0);
    } finally {
      sub.dispose();
    }
  });

  it('runtime wasmtime: lldb-dap is started with the wasmtime debug command line', async function () {
    this.timeout(120_000);
    const lldb = ['lldb-dap', 'lldb-vscode', 'lldb-vscode-16'].map((n) => path.join('/usr/bin', n)).find((p) => existsSync(p));
    if (!lldb) {
      console.log('skipped: no lldb-dap / lldb-vscode in /usr/bin');
      this.skip();
    }
    // The real wasmtime under the real lldb-dap: the Debug Console shows the
    // launch command (arguments quoted for LLDB) and the exit code.
    const output: string[] = [];
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('wasm-component', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (m: { type?: string; event?: string; body?: { output?: string; exitCode?: number } }) => {
          if (m.type === 'event' && m.event === 'output' && m.body?.output) output.push(m.body.output);
          if (m.type === 'event' && m.event === 'exited') output.push(`<exited ${m.body?.exitCode}>`);
        },
      }),
    });
    try {
      const program = path.join(fixtureDir(), 'hello.component.wasm');
      const ok = await vscode.debug.startDebugging(undefined, {
        type: 'wasm-component',
        request: 'launch',
        name: 'e2e: lldb-dap',
        program,
        runtime: 'wasmtime',
        debuggerPath: lldb,
        args: ['x y'],
        env: { A: 'b' },
      });
      assert.ok(ok, 'the lldb-dap session did not start');
      const text = await waitFor(
        'lldb-dap to run the component to its end',
        () => {
          const all = output.join('');
          return /<exited \d+>/.test(all) ? all : undefined;
        },
        { timeoutMs: 90_000 },
      );
      assert.match(
        text,
        /process launch -- 'run' '-C' 'cache=n' '-D' 'debug-info' '-O' 'opt-level=0' .*'--env' 'A=b'.*hello\.component\.wasm' 'x y'/,
        text,
      );
      assert.match(text, /<exited \d+>/);
    } finally {
      tracker.dispose();
    }
  });

  it('refuses to build or run in an untrusted workspace', async function () {
    if (vscode.workspace.isTrusted) {
      console.log(
        'skipped: this workspace is trusted (the harness disables workspace trust); scripts/run-e2e-untrusted.mjs runs this test in Restricted Mode',
      );
      this.skip();
    }
    // The commands refuse (with a message saying why) and start nothing.
    const run = await vscode.commands.executeCommand('wit.runComponent', path.join(fixtureDir(), 'hello.component.wasm'), {
      runtime: 'jco',
    });
    assert.equal(run, undefined);
    const build = await vscode.commands.executeCommand('wit.buildComponent');
    assert.equal(build, undefined);
    assert.deepEqual(
      vscode.tasks.taskExecutions.map((e) => e.task.name),
      [],
    );
    assert.equal(existsSync(built), false, 'a build ran');
  });
});
