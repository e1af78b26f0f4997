// Running, serving and composing components with the real wasmtime (and wac)
// in a real VS Code, the way a user does:
//   - `WIT: Run Component` with runtime wasmtime runs the C fixture: its output,
//     args, env and a --dir preopen reach the guest and come back in the terminal;
//   - a `wasm-component` run task from tasks.json whose component exits
//     non-zero ends with a non-zero exit code (the task fails);
//   - a `wasm-component` launch config with runtime wasmtime runs the real
//     wasmtime under lldb-dap: the component's output and exit code arrive;
//   - the Python wasi:http fixture under `wasmtime serve` answers a GET on
//     127.0.0.1, and stopping the task frees the port;
//   - a build task running `wac plug` composes the compose pair, the result runs
//     under wasmtime, and opening it shows the wiring in the component graph;
//   - `WIT: Show Plug Fit` explains why the mismatched greeter does not fit.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { liveMocha } from '../../live';
import { EXTENSION_ID, repoPath, waitFor, workspaceUri } from '../helpers';
import { runTaskNamed, writeTasks } from '../tasksHelpers';

interface RunResult {
  exitCode: number;
  output: string;
}
interface ShownGraph {
  title: string;
  graph: {
    nodes: { id: string; kind: string; label: string; parent?: string; open?: boolean; status?: string }[];
    edges: { from: string; to: string; kind: string; label?: string }[];
  };
  notes?: string[];
}

const GREET = 'wit-devkit:compose/greet@0.1.0';
const cliFixture = () => repoPath('test/fixtures/cli/hello.component.wasm');
const composeFixture = (name: string) => repoPath('test/fixtures/compose', `${name}.wasm`);
const pythonHttpFixture = path.join(process.env.WIT_DEVKIT_CACHE ?? path.join(homedir(), '.cache/wit-devkit'), 'http-fixture-py.wasm');
const shown = async () => (await vscode.commands.executeCommand<Record<string, ShownGraph>>('wit.internal.shownGraphs')) ?? {};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

describe('wasmtime: run, serve and compose components', function () {
  const out = mkdtempSync(path.join(tmpdir(), 'wit-e2e-wasmtime-'));
  const composed = () => workspaceUri('compose/composed.wasm');

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    writeFileSync(path.join(out, 'note.txt'), 'a host file, seen through --dir\n');
    writeTasks([
      {
        type: 'wasm-component',
        action: 'run',
        label: 'run C fixture (wasmtime, exit 3)',
        program: cliFixture(),
        runtime: 'wasmtime',
        env: { WIT_FIXTURE_EXIT: '3' },
      },
      { type: 'wasm-component', action: 'run', label: 'run C fixture (wasmtime, exit 0)', program: cliFixture(), runtime: 'wasmtime' },
      // What a user writes to compose with wac today: a build task of builder "command".
      {
        type: 'wasm-component',
        action: 'build',
        builder: 'command',
        label: 'compose with wac',
        command: ['wac', 'plug', composeFixture('app'), '--plug', composeFixture('greeter'), '-o', composed().fsPath],
      },
    ]);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('WIT: Run Component with runtime wasmtime: output, args, env and --dir reach the guest', async function () {
    const tools = liveMocha(this, ['wasmtime']);
    const result = await vscode.commands.executeCommand<RunResult>('wit.runComponent', cliFixture(), {
      runtime: 'wasmtime',
      args: ['from e2e', '$(touch nope)'],
      env: { WIT_FIXTURE_NAME: 'vscode', WIT_FIXTURE_READ: '/host/note.txt' },
      dirs: [`${out}::/host`],
    });
    assert.ok(result, 'WIT: Run Component returned nothing');
    assert.equal(result.exitCode, 0, result.output);
    // The command line shown first in the terminal: the user's wasmtime, as an argument list.
    assert.ok(
      result.output.startsWith(
        `> ${tools.wasmtime} run --dir ${out}::/host --env WIT_FIXTURE_NAME=vscode --env WIT_FIXTURE_READ=/host/note.txt `,
      ),
      result.output,
    );
    assert.match(
      result.output,
      /\nhello from a wasm component\narg\[1\]=from e2e\narg\[2\]=\$\(touch nope\)\nWIT_FIXTURE_NAME=vscode\nread \/host\/note\.txt: a host file, seen through --dir\n/,
    );
    assert.match(result.output, /The component exited with code 0\.\n$/);
  });

  it('a wasmtime run task whose component exits non-zero fails with that exit code', async function () {
    liveMocha(this, ['wasmtime']);
    assert.equal(await runTaskNamed('run C fixture (wasmtime, exit 0)'), 0);
    const code = await runTaskNamed('run C fixture (wasmtime, exit 3)');
    // exit(3) reaches wasmtime as wasi:cli/exit err, which carries no number: wasmtime exits with 1.
    assert.equal(code, 1);
  });

  it('a wasm-component launch config with runtime wasmtime runs the real wasmtime under lldb-dap: output and exit code', async function () {
    liveMocha(this, ['wasmtime', 'lldb-dap']);
    const output: string[] = [];
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('wasm-component', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (m: { type?: string; event?: string; body?: { output?: string; category?: string; exitCode?: number } }) => {
          if (m.type === 'event' && m.event === 'output' && m.body?.output && m.body.category !== 'console') output.push(m.body.output);
          if (m.type === 'event' && m.event === 'exited') output.push(`<exited ${m.body?.exitCode}>`);
        },
      }),
    });
    try {
      // No runtimePath or debuggerPath: the extension finds wasmtime and lldb-dap itself.
      const ok = await vscode.debug.startDebugging(undefined, {
        type: 'wasm-component',
        request: 'launch',
        name: 'e2e: wasmtime under lldb-dap',
        program: cliFixture(),
        runtime: 'wasmtime',
        args: ['under lldb'],
        env: { WIT_FIXTURE_NAME: 'debugged', WIT_FIXTURE_READ: '/host/note.txt' },
        dirs: [`${out}::/host`],
      });
      assert.ok(ok, 'the lldb-dap session did not start');
      const text = await waitFor(
        'the debuggee to exit',
        () => {
          const all = output.join('');
          return /<exited \d+>/.test(all) ? all : undefined;
        },
        { timeoutMs: 60_000 },
      );
      assert.match(
        text,
        /hello from a wasm component\r?\narg\[1\]=under lldb\r?\nWIT_FIXTURE_NAME=debugged\r?\nread \/host\/note\.txt: a host file, seen through --dir\r?\n/,
      );
      assert.match(text, /<exited 0>/);
    } finally {
      tracker.dispose();
    }
  });

  it('serves the Python wasi:http fixture under wasmtime serve: it answers a GET; stopping the task frees the port', async function () {
    const tools = liveMocha(this, ['wasmtime']);
    if (!existsSync(pythonHttpFixture)) {
      console.log(`skipped: ${pythonHttpFixture} not built (sh scripts/build-http-fixture-py.sh)`);
      this.skip();
    }
    const port = await freePort();
    const finished = vscode.commands.executeCommand<RunResult>('wit.runComponent', pythonHttpFixture, {
      runtime: 'wasmtime',
      addr: `127.0.0.1:${port}`,
    });
    const body = await waitFor(
      'the component to answer on loopback',
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/e2e?q=1`).catch(() => undefined);
        return res?.ok ? res.text() : undefined;
      },
      { timeoutMs: 90_000, pollMs: 500 },
    );
    assert.equal(body, 'hello from the python http fixture: GET /e2e?q=1\n');
    const execution = vscode.tasks.taskExecutions.find((e) => e.task.definition.program === pythonHttpFixture);
    assert.ok(execution, 'the serve task is not running');
    execution.terminate();
    const result = await finished;
    // The terminal shows notes on what the component imports but is not granted
    // (componentize-py's runtime imports files and sockets it does not use here),
    // then the command line (with the -S cli serve turns on), wasmtime's line, and the stop.
    const lines = result.output.split('\n');
    const command = lines.findIndex((l) => l.startsWith('> '));
    assert.ok(
      lines.slice(0, command).every((l) => l.startsWith('note: ')),
      result.output,
    );
    assert.equal(lines[command], `> ${tools.wasmtime} serve --addr 127.0.0.1:${port} -S cli ${pythonHttpFixture}`, result.output);
    assert.match(result.output, /\nServing HTTP on http:\/\/127\.0\.0\.1:\d+\/\n[^]*The component exited with code 143\.\n$/);
    assert.equal(
      await waitFor('the port to be free again', async () => (await portIsFree(port)) || undefined, { timeoutMs: 10_000 }),
      true,
    );
  });

  it('a wac plug build task composes the pair; the composition runs under wasmtime and its graph shows the wiring', async function () {
    liveMocha(this, ['wac', 'wasmtime']);
    mkdirSync(path.dirname(composed().fsPath), { recursive: true });
    assert.equal(await runTaskNamed('compose with wac'), 0);
    assert.ok(existsSync(composed().fsPath), 'wac plug wrote nothing');
    const result = await vscode.commands.executeCommand<RunResult>('wit.runComponent', composed().fsPath, {
      runtime: 'wasmtime',
      args: ['VS Code'],
    });
    assert.equal(result?.exitCode, 0, result?.output);
    assert.match(result.output, /\nHello, VS Code, from greeter\.c!\n/);

    await vscode.commands.executeCommand('vscode.open', composed());
    const view = await waitFor('the component editor to show the graph', async () => (await shown())[composed().toString()], {
      timeoutMs: 30_000,
    });
    const top = new Map(view.graph.nodes.filter((n) => !n.parent).map((n) => [n.id, n]));
    const instances = [...top.values()].filter((n) => n.kind === 'instance');
    assert.equal(instances.length, 2, instances.map((n) => n.label).join(', '));
    const wiring = view.graph.edges.filter((e) => e.kind === 'with' && e.label === GREET && top.has(e.from) && top.has(e.to));
    assert.equal(wiring.length, 1, JSON.stringify(view.graph.edges));
    assert.match(top.get(wiring[0].from)!.label, /greet/);
    assert.match(top.get(wiring[0].to)!.label, /run/);
    const open = [...top.values()].filter((n) => n.open).map((n) => n.label);
    assert.ok(open.length > 0 && open.every((l) => l.startsWith('wasi:')), `open imports: ${open.join(', ')}`);
  });

  it('WIT: Show Plug Fit explains why the mismatched greeter does not fit app', async () => {
    const app = vscode.Uri.file(composeFixture('app'));
    await vscode.commands.executeCommand('wit.showPlugFit', app, vscode.Uri.file(composeFixture('greeter')));
    const fits = await waitFor('the plug fit of app and greeter', async () => {
      const plug = (await shown()).plug;
      return plug?.title === "Does greeter satisfy app's imports?" ? plug : undefined;
    });
    assert.ok(fits.notes?.includes(`✓ ${GREET} is satisfied by greeter's ${GREET}`), fits.notes?.join('\n'));
    await vscode.commands.executeCommand('wit.showPlugFit', app, vscode.Uri.file(composeFixture('greeter-mismatch')));
    const misfit = await waitFor('the plug fit of app and greeter-mismatch', async () => {
      const plug = (await shown()).plug;
      return plug?.title === "Does greeter-mismatch satisfy app's imports?" ? plug : undefined;
    });
    assert.ok(
      misfit.notes?.includes(
        `≈ ${GREET} (near miss with ${GREET}): function \`greet\` differs: needs func(name: string) -> string, gets func(name: string, times: u32) -> string`,
      ),
      misfit.notes?.join('\n'),
    );
    const node = misfit.graph.nodes.find((n) => n.kind === 'import' && n.label === GREET);
    assert.equal(node?.status, 'near-miss');
  });
});
