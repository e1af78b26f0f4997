// What a built component may reach, and run tasks granting exactly that, in a
// real VS Code: `WIT: Show Capabilities` on the C command fixture shows its
// imports by what they reach and the wasmtime flags; a run task marked
// "grants": "ask" asks for the folder at its first run (the QuickPick answered
// as a user does, with the quick input's accept command), keeps the answer in
// tasks.json and does not ask again; an offered run task asks for the folder
// and the variables and is then kept in tasks.json, no longer offered; a
// launch config marked so asks at its first launch and keeps it in launch.json.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, repoPath, waitFor, workspaceUri } from '../helpers';
import { runTaskNamed, writeTasks } from '../tasksHelpers';

interface RunResult {
  exitCode: number;
  output: string;
}
interface PromptState {
  asking?: 'dirs' | 'env';
  prompts: number;
}
interface Report {
  imports: Array<{ name: string; capability: string }>;
  flags: string[];
}

const promptState = async () => (await vscode.commands.executeCommand<PromptState>('wit.internal.grantPrompt'))!;
const launchJson = () =>
  JSON.parse(readFileSync(workspaceUri('.vscode/launch.json').fsPath, 'utf8')) as { configurations: Array<Record<string, unknown>> };
const tasksJson = () =>
  JSON.parse(readFileSync(workspaceUri('.vscode/tasks.json').fsPath, 'utf8')) as { tasks: Array<Record<string, unknown>> };

/** Waits for the grant question on screen. */
async function shown(question: 'dirs' | 'env'): Promise<void> {
  await waitFor(`the ${question} question to be shown`, async () => ((await promptState()).asking === question ? true : undefined), {
    timeoutMs: 30_000,
  });
}

/** Waits for the grant question on screen, then answers it with the quick input's accept (Enter). */
async function accept(question: 'dirs' | 'env'): Promise<void> {
  await shown(question);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await waitFor(`the ${question} question to be answered`, async () => ((await promptState()).asking !== question ? true : undefined));
}

/** The `index`-th finished run of `program` (its command line names it) the extension reports. */
async function runResult(program: string, index: number): Promise<RunResult> {
  let all: RunResult[] = [];
  return waitFor(`run #${index + 1} of ${program} to finish`, async () => {
    all = (await vscode.commands.executeCommand<RunResult[]>('wit.internal.runResults')) ?? [];
    return all.filter((r) => r.output.includes(`${program}\n`))[index];
  }).catch((e: Error) => assert.fail(`${e.message}; the runs: ${JSON.stringify(all)}`));
}

describe('capabilities of a built component, and run tasks granted what it imports', function () {
  const dir = () => workspaceUri('grants').fsPath;
  const hello = () => path.join(dir(), 'hello.wasm');

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    mkdirSync(dir(), { recursive: true });
    copyFileSync(repoPath('test/fixtures/cli/hello.component.wasm'), hello());
    copyFileSync(repoPath('test/fixtures/cli/hello.component.wasm'), path.join(dir(), 'offered.wasm'));
    writeFileSync(workspaceUri('note.txt').fsPath, 'a workspace file, seen through the granted folder\n');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The suites after this one share the workspace.
    rmSync(dir(), { recursive: true, force: true });
    rmSync(workspaceUri('note.txt').fsPath, { force: true });
    rmSync(workspaceUri('.vscode/tasks.json').fsPath, { force: true });
    rmSync(workspaceUri('.vscode/launch.json').fsPath, { force: true });
  });

  it('WIT: Show Capabilities shows what the C command imports, by what it reaches, and the wasmtime flags', async () => {
    const report = await vscode.commands.executeCommand<Report>('wit.showCapabilities', vscode.Uri.file(hello()));
    assert.ok(report, 'WIT: Show Capabilities returned nothing');
    const of = (c: string) => report.imports.filter((i) => i.capability === c).map((i) => i.name);
    assert.ok(
      of('filesystem').some((n) => /^wasi:filesystem\/preopens@0\.2\./.test(n)),
      JSON.stringify(report.imports),
    );
    assert.ok(
      of('environment').some((n) => /^wasi:cli\/environment@0\.2\./.test(n)),
      JSON.stringify(report.imports),
    );
    assert.deepEqual(of('network'), []);
    assert.deepEqual(report.flags, ['--dir', '.', '-S', 'inherit-env']);
    const page = await waitFor(
      'the capabilities page to be shown',
      () =>
        vscode.window.visibleTextEditors.find(
          (e) => e.document.languageId === 'markdown' && e.document.getText().startsWith('# Capabilities of hello.wasm'),
        )?.document,
    );
    const text = page.getText();
    assert.match(text, /## filesystem\n\nfiles and folders the host preopens\.\n\n(- `wasi:filesystem\/[a-z]+@0\.2\.\d+`\n)+/);
    assert.match(text, /## environment\n/);
    assert.match(text, /`wasmtime run --dir \. -S inherit-env hello\.wasm`/);
    assert.doesNotMatch(text, /## network/);
    // A read-only page, not an untitled document: nothing asks to save it (F5 saves untitled editors first).
    assert.equal(page.isUntitled, false);
    assert.equal(page.uri.scheme, 'wit-capabilities');
    await vscode.window.showTextDocument(page);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a run task marked "grants": "ask" asks for the folder once, keeps it in tasks.json, and the next run does not ask', async function () {
    this.timeout(180_000);
    writeTasks([
      {
        type: 'wasm-component',
        action: 'run',
        label: 'run hello (ask)',
        program: 'grants/hello.wasm',
        runtime: 'wasmtime',
        env: { WIT_FIXTURE_READ: 'note.txt' },
        grants: 'ask',
      },
    ]);
    const before = (await promptState()).prompts;
    const code = runTaskNamed('run hello (ask)');
    // Its environment is in the task already: only the folder is asked; the first item is the workspace folder.
    await accept('dirs');
    assert.equal(await code, 0);
    const first = await runResult(hello(), 0);
    assert.match(first.output, /Granted folders \.; variables WIT_FIXTURE_READ \(kept in tasks\.json\)/);
    assert.match(first.output, /> \S*wasmtime run --dir \S+::\. --env WIT_FIXTURE_READ=note\.txt \S+hello\.wasm/);
    assert.match(first.output, /read note\.txt: a workspace file, seen through the granted folder/);
    assert.doesNotMatch(first.output, /warning:/);
    const kept = await waitFor('tasks.json to keep the answer', () =>
      tasksJson().tasks.find((t) => t.label === 'run hello (ask)' && Array.isArray(t.dirs)),
    );
    assert.deepEqual(kept.dirs, ['.']);
    assert.deepEqual(kept.env, { WIT_FIXTURE_READ: 'note.txt' });
    assert.equal(kept.grants, undefined, 'the marker stays in tasks.json');
    assert.equal((await promptState()).prompts, before + 1);

    // Once tasks.json reads the answer back, the next run is granted it without a question.
    await waitFor(
      'the task to carry the kept folder',
      async () =>
        (await vscode.tasks.fetchTasks({ type: 'wasm-component' })).find(
          (t) => t.name === 'run hello (ask)' && Array.isArray(t.definition.dirs),
        ),
      { event: vscode.workspace.onDidChangeConfiguration },
    );
    assert.equal(await runTaskNamed('run hello (ask)'), 0);
    const second = await runResult(hello(), 1);
    assert.match(second.output, /read note\.txt: a workspace file/);
    assert.doesNotMatch(second.output, /Asking what to grant/);
    assert.equal((await promptState()).prompts, before + 1, 'the second run asked again');
  });

  it('an offered run task asks for the folder and the variables, is kept in tasks.json, and is offered no more', async function () {
    this.timeout(180_000);
    const offered = await waitFor('the run of offered.wasm to be offered', async () =>
      (await vscode.tasks.fetchTasks({ type: 'wasm-component' })).find(
        (t) => t.definition.action === 'run' && t.definition.program === path.join('grants', 'offered.wasm'),
      ),
    );
    // Granted nothing up front: asked for at its first run.
    assert.equal(offered.definition.grants, 'ask');
    assert.equal(offered.definition.dirs, undefined);
    assert.equal(offered.definition.wasi, undefined);
    const ended = new Promise<number | undefined>((resolve) => {
      const sub = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.definition.program === offered.definition.program) {
          sub.dispose();
          resolve(e.exitCode);
        }
      });
    });
    await vscode.tasks.executeTask(offered);
    await accept('dirs');
    // An empty answer: no variables.
    await accept('env');
    assert.equal(await ended, 0);
    const kept = await waitFor('tasks.json to keep the offered task', () =>
      tasksJson().tasks.find((t) => t.program === path.join('grants', 'offered.wasm')),
    );
    assert.equal(kept.type, 'wasm-component');
    assert.equal(kept.label, offered.name);
    assert.deepEqual(kept.dirs, ['.']);
    assert.deepEqual(kept.env, {});
    assert.equal(kept.grants, undefined);
    const tasks = await waitFor(
      'tasks.json to be read back',
      async () => {
        const all = await vscode.tasks.fetchTasks({ type: 'wasm-component' });
        return all.some((t) => t.definition.program === kept.program && Array.isArray(t.definition.dirs)) ? all : undefined;
      },
      { event: vscode.workspace.onDidChangeConfiguration },
    );
    assert.equal(tasks.filter((t) => t.definition.program === kept.program).length, 1, 'still offered beside the one tasks.json keeps');
  });

  it('a launch config marked "grants": "ask" asks for the folder at its first launch, keeps it in launch.json, and launches with it', async function () {
    this.timeout(240_000);
    const folder = vscode.workspace.workspaceFolders![0];
    const name = 'e2e: hello (ask)';
    mkdirSync(workspaceUri('.vscode').fsPath, { recursive: true });
    writeFileSync(
      workspaceUri('.vscode/launch.json').fsPath,
      JSON.stringify(
        {
          version: '0.2.0',
          configurations: [
            {
              type: 'wasm-component',
              request: 'launch',
              name,
              program: '${workspaceFolder}/grants/hello.wasm',
              runtime: 'jco',
              env: { WIT_FIXTURE_NAME: 'launched', WIT_FIXTURE_READ: 'note.txt' },
              grants: 'ask',
            },
          ],
        },
        null,
        2,
      ),
    );
    await waitFor(
      'launch.json to be read',
      () =>
        (vscode.workspace.getConfiguration('launch', folder.uri).get<Array<{ name?: string }>>('configurations') ?? []).some(
          (c) => c.name === name,
        ) || undefined,
      { event: vscode.workspace.onDidChangeConfiguration, timeoutMs: 30_000 },
    );
    let output = '';
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (m: { type?: string; event?: string; body?: { output?: string } }) => {
          if (m.type === 'event' && m.event === 'output' && m.body?.output) output += m.body.output;
        },
      }),
    });
    /** One launch by its name to its exit code in the Debug Console, every session of it ended. */
    const launch = async (answer: boolean): Promise<string> => {
      output = '';
      const started: vscode.DebugSession[] = [];
      const terminated = new Set<string>();
      const subs = [
        vscode.debug.onDidStartDebugSession((s) => started.push(s)),
        vscode.debug.onDidTerminateDebugSession((s) => terminated.add(s.id)),
      ];
      try {
        // The config as launch.json holds it now (what F5 on it hands the debug service).
        const config = (
          vscode.workspace.getConfiguration('launch', folder.uri).get<vscode.DebugConfiguration[]>('configurations') ?? []
        ).find((c) => c.name === name);
        assert.ok(config, `${name} is not in launch.json`);
        const ok = vscode.debug.startDebugging(folder, config);
        // Answered while the launch waits on it (a launch that ends before the
        // question shows says so; once answered, the launch may go on before
        // the question is seen closed, which is no failure).
        if (answer) {
          await Promise.race([shown('dirs'), ok.then((r) => assert.fail(`the launch ended (${r}) before asking`))]);
          await accept('dirs');
        }
        assert.ok(await ok, 'the debug session did not start');
        const text = await waitFor(
          'the exit code in the Debug Console',
          () => (/\[wasm-component\] exited with code \d+/.test(output) ? output : undefined),
          { timeoutMs: 90_000 },
        ).catch((e: Error) => assert.fail(`${e.message}; output: ${JSON.stringify(output)}`));
        await waitFor(
          'the debug sessions to end',
          () => (started.length > 0 && started.every((s) => terminated.has(s.id)) ? true : undefined),
          { event: vscode.debug.onDidTerminateDebugSession, timeoutMs: 30_000 },
        );
        return text;
      } finally {
        subs.forEach((s) => s.dispose());
      }
    };
    try {
      const before = (await promptState()).prompts;
      const first = await launch(true);
      assert.match(first, /WIT_FIXTURE_NAME=launched/);
      assert.match(first, /read note\.txt: a workspace file, seen through the granted folder/);
      assert.match(first, /\[wasm-component\] exited with code 0/);
      const kept = await waitFor('launch.json to keep the answer', () =>
        existsSync(workspaceUri('.vscode/launch.json').fsPath)
          ? launchJson().configurations.find((c) => c.name === name && Array.isArray(c.dirs))
          : undefined,
      );
      assert.deepEqual(kept.dirs, ['${workspaceFolder}::.']);
      assert.deepEqual(kept.env, { WIT_FIXTURE_NAME: 'launched', WIT_FIXTURE_READ: 'note.txt' });
      assert.equal(kept.grants, undefined, 'the marker stays in launch.json');
      await waitFor(
        'launch.json to be read back',
        () =>
          (
            vscode.workspace.getConfiguration('launch', folder.uri).get<Array<{ name?: string; dirs?: unknown }>>('configurations') ?? []
          ).some((c) => c.name === name && Array.isArray(c.dirs)) || undefined,
        { event: vscode.workspace.onDidChangeConfiguration, timeoutMs: 30_000 },
      );
      const second = await launch(false);
      assert.match(second, /read note\.txt: a workspace file/);
      assert.equal((await promptState()).prompts, before + 1, 'the second launch asked again');
    } finally {
      tracker.dispose();
    }
  });
});
