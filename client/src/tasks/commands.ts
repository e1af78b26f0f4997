// `WIT: Build Component` and `WIT: Run Component`: palette commands that run
// the same `wasm-component` tasks as tasks.json does. Each returns what the
// user saw happen (build exit code; run exit code and output), so key
// bindings, other extensions and the extension tests can wait on them.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { onDidFinishRun, type RunResult } from './runTerminal';
import { BUILDER_TOOLS, createTask } from './taskProvider';
import { parseTaskDefinition, TASK_TYPE, type RunMode, type Runtime } from './taskDefinition';
import { buildToolProblem } from './buildToolCheck';
import { requireTrust } from './toolSettings';

/** Options a caller may pass to wit.runComponent besides the component. */
export interface RunOptions {
  runtime?: Runtime;
  args?: string[];
  env?: Record<string, string>;
  mode?: RunMode;
  addr?: string;
  dirs?: string[];
  wasi?: string[];
}

function endOf(execution: vscode.TaskExecution): Promise<number | undefined> {
  return new Promise((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution === execution) {
        sub.dispose();
        resolve(e.exitCode);
      }
    });
  });
}

async function pick(tasks: vscode.Task[], what: string): Promise<vscode.Task | undefined> {
  if (tasks.length <= 1) return tasks[0];
  const choice = await vscode.window.showQuickPick(
    tasks.map((task) => ({ label: task.name, description: typeof task.scope === 'object' ? task.scope.name : '', task })),
    { placeHolder: `Choose the component to ${what}` },
  );
  return choice?.task;
}

/** Runs the workspace's component build task; resolves with its exit code. */
export async function buildComponent(): Promise<number | undefined> {
  if (!requireTrust()) return undefined;
  const builds = (await vscode.tasks.fetchTasks({ type: TASK_TYPE })).filter((t) => t.definition.action === 'build');
  const task = await pick(builds, 'build');
  if (!task) {
    if (builds.length === 0) {
      const choice = await vscode.window.showWarningMessage(
        'No component build was found: no Cargo.toml with [package.metadata.component], no jco or componentize-py project. Add a "wasm-component" build task to tasks.json to name your own command.',
        'Configure Task',
      );
      if (choice) await vscode.commands.executeCommand('workbench.action.tasks.configureTaskRunner');
    }
    return undefined;
  }
  // Detected builds reach VS Code already resolved: their tool is checked here (missing, too old, failing).
  const parsed = parseTaskDefinition(task.definition as Record<string, unknown>);
  if (typeof parsed !== 'string' && parsed.action === 'build') {
    const tool = BUILDER_TOOLS[parsed.builder];
    if (tool && (await buildToolProblem(parsed.builder, tool, typeof task.scope === 'object' ? task.scope : undefined))) return undefined;
  }
  const execution = await vscode.tasks.executeTask(task);
  return endOf(execution);
}

async function chooseComponent(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.fsPath.endsWith('.wasm')) return active;
  const found = await vscode.workspace.findFiles('**/*.wasm', '**/node_modules/**', 50);
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    void vscode.window.showWarningMessage('No .wasm component was found in the workspace: build one first (WIT: Build Component).');
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: 'Choose the component to run' },
  );
  return choice?.uri;
}

let nextRunId = 0;

/** Runs a component as a `wasm-component` run task; resolves when it ends. */
export async function runComponent(target?: vscode.Uri | string, givenOptions?: RunOptions | vscode.Uri[]): Promise<RunResult | undefined> {
  if (!requireTrust()) return undefined;
  // From the explorer's context menu the second argument is the selection (a Uri list), not options.
  const options: RunOptions = givenOptions && !Array.isArray(givenOptions) ? givenOptions : {};
  const uri = typeof target === 'string' ? vscode.Uri.file(target) : (target ?? (await chooseComponent()));
  if (!uri) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const runId = `run-${process.pid}-${++nextRunId}`;
  const definition: vscode.TaskDefinition = {
    type: TASK_TYPE,
    action: 'run',
    program: folder ? path.relative(folder.uri.fsPath, uri.fsPath) : uri.fsPath,
    ...options,
    runId,
  };
  const task = createTask(definition, folder ?? vscode.TaskScope.Workspace);
  if (typeof task === 'string') {
    void vscode.window.showErrorMessage(task);
    return undefined;
  }
  const result = new Promise<RunResult>((resolve) => {
    const sub = onDidFinishRun((r) => {
      if (r.runId === runId) {
        sub.dispose();
        resolve(r);
      }
    });
  });
  await vscode.tasks.executeTask(task);
  return result;
}

export function registerTaskCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('wit.buildComponent', buildComponent),
    vscode.commands.registerCommand('wit.runComponent', runComponent),
  ];
}
