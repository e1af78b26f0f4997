// `WIT: Compose`: `wac compose` of the open .wac document as a `wac` task. The first
// compose of a document asks where to write the component and adds the task to
// .vscode/tasks.json, so later composes (and Run Task) write there without asking; a
// composed component opens in the component viewer. Refused in an untrusted workspace.
import * as vscode from 'vscode';
import { requireTrust } from '../tasks/toolSettings';
import { COMPONENT_EDITOR_VIEW_TYPE } from '../graph/componentEditor';
import { WAC_TASK_TYPE, defaultOutput, findWacExecutable, isWacTaskDefinition, wacComposeArgs, type WacTaskDefinition } from './wacTask';

export class WacTaskProvider implements vscode.TaskProvider {
  provideTasks(): vscode.Task[] {
    return [];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    if (!vscode.workspace.isTrusted || !isWacTaskDefinition(task.definition)) return undefined;
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    return wacTask(task.definition, folder, task.name);
  }
}

function wacTask(definition: WacTaskDefinition, folder: vscode.WorkspaceFolder | undefined, name?: string): vscode.Task {
  const wac = findWacExecutable() ?? 'wac';
  const execution = new vscode.ProcessExecution(wac, wacComposeArgs(definition), { cwd: folder?.uri.fsPath, env: { RUST_BACKTRACE: '0' } });
  const task = new vscode.Task(
    definition,
    folder ?? vscode.TaskScope.Workspace,
    name ?? `compose ${definition.file}`,
    'wac',
    execution,
    [],
  );
  task.group = vscode.TaskGroup.Build;
  return task;
}

/** Composes the .wac document `uri` (default: the active one); resolves with the output, or undefined. */
export async function composeCommand(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!requireTrust()) return undefined;
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || !uri.path.toLowerCase().endsWith('.wac')) {
    void vscode.window.showInformationMessage('Open a .wac document to compose it.');
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showInformationMessage('WIT: Compose works on a .wac document inside a workspace folder.');
    return undefined;
  }
  if (!findWacExecutable()) {
    void vscode.window.showErrorMessage('WIT: wac is not on PATH. Install it: cargo install wac-cli');
    return undefined;
  }
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) await doc.save();
  const file = vscode.workspace.asRelativePath(uri, false);
  const definition = (await rememberedTask(folder, file)) ?? (await askAndRemember(folder, file));
  if (!definition) return undefined;
  const output = vscode.Uri.joinPath(folder.uri, definition.output);
  const code = await runTask(wacTask(definition, folder, `compose ${file}`));
  if (code !== 0) {
    void vscode.window.showErrorMessage(`wac compose ${file} failed (exit ${String(code)}); see the terminal and the Problems panel.`);
    return undefined;
  }
  await vscode.commands.executeCommand('vscode.openWith', output, COMPONENT_EDITOR_VIEW_TYPE, vscode.ViewColumn.Beside);
  return output;
}

async function rememberedTask(folder: vscode.WorkspaceFolder, file: string): Promise<WacTaskDefinition | undefined> {
  const tasks = vscode.workspace.getConfiguration('tasks', folder.uri).get<unknown[]>('tasks') ?? [];
  return tasks.filter(isWacTaskDefinition).find((t) => t.file === file);
}

async function askAndRemember(folder: vscode.WorkspaceFolder, file: string): Promise<WacTaskDefinition | undefined> {
  const chosen = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder.uri, defaultOutput(file)),
    filters: { 'WebAssembly component': ['wasm'] },
    title: `Compose ${file} into`,
    saveLabel: 'Compose',
  });
  if (!chosen) return undefined;
  const output = vscode.workspace.asRelativePath(chosen, false);
  const definition: WacTaskDefinition = { type: WAC_TASK_TYPE, file, output };
  const config = vscode.workspace.getConfiguration('tasks', folder.uri);
  const tasks = config.get<unknown[]>('tasks') ?? [];
  await config.update('version', config.get('version') ?? '2.0.0', vscode.ConfigurationTarget.WorkspaceFolder);
  await config.update(
    'tasks',
    [...tasks, { ...definition, label: `wac: compose ${file}`, problemMatcher: [] }],
    vscode.ConfigurationTarget.WorkspaceFolder,
  );
  return definition;
}

/** Runs a task to its end; resolves with its exit code (undefined when it had none). */
async function runTask(task: vscode.Task): Promise<number | undefined> {
  const execution = await vscode.tasks.executeTask(task);
  return new Promise((resolve) => {
    const done = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution !== execution) return;
      done.dispose();
      resolve(e.exitCode);
    });
  });
}
