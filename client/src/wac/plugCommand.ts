// `WIT: Plug Components`: pick a socket component; the workspace's other components whose
// exports satisfy its imports are offered (picked), those that come close are listed with
// plug fit's reasons; `wac plug` runs as a task (process, no shell) and the result opens in
// the component viewer. Refused in an untrusted workspace.
import * as vscode from 'vscode';
import { readComponent } from '../../../common/component/reader';
import type { ComponentInfo } from '../../../common/component/model';
import { requireTrust } from '../tasks/toolSettings';
import { COMPONENT_EDITOR_VIEW_TYPE } from '../graph/componentEditor';
import { plugCandidates } from './plugCandidates';
import { WAC_TASK_TYPE, findWacExecutable, wacComposeArgs, type WacTaskDefinition } from './wacTask';

async function read(uri: vscode.Uri): Promise<ComponentInfo | undefined> {
  try {
    return readComponent(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function plugCommand(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!requireTrust()) return undefined;
  const wac = findWacExecutable();
  if (!wac) {
    void vscode.window.showErrorMessage('WIT: wac is not on PATH. Install it: cargo install wac-cli');
    return undefined;
  }
  const files = await vscode.workspace.findFiles('**/*.wasm', '**/node_modules/**', 500);
  let socketUri = target;
  if (!socketUri) {
    const choice = await vscode.window.showQuickPick(
      files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { title: 'WIT: Plug Components — the socket (whose imports get plugged)' },
    );
    socketUri = choice?.uri;
  }
  if (!socketUri) return undefined;
  const socket = await read(socketUri);
  if (!socket) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(socketUri)} is not a component.`);
    return undefined;
  }
  const others: { name: string; info: ComponentInfo }[] = [];
  for (const uri of files) {
    if (uri.toString() === socketUri.toString()) continue;
    const info = await read(uri);
    if (info) others.push({ name: vscode.workspace.asRelativePath(uri, false), info });
  }
  const candidates = plugCandidates(socket, vscode.workspace.asRelativePath(socketUri), others);
  type Item = vscode.QuickPickItem & { name?: string };
  const fitting: Item[] = candidates
    .filter((c) => c.satisfies.length)
    .map((c) => ({ label: c.name, name: c.name, picked: true, description: `satisfies ${c.satisfies.join(', ')}` }));
  const close: Item[] = candidates
    .filter((c) => !c.satisfies.length && c.reasons.length)
    .map((c) => ({ label: `$(close) ${c.name}`, description: 'does not fit', detail: c.reasons.join(' · ') }));
  if (!fitting.length) {
    void vscode.window.showWarningMessage(
      `No component in the workspace satisfies an import of ${vscode.workspace.asRelativePath(socketUri)}.${close.length ? ` Close: ${close.map((c) => `${c.label.replace('$(close) ', '')} (${c.detail})`).join('; ')}` : ''}`,
    );
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick<Item>(
    [...fitting, ...(close.length ? [{ label: 'do not fit', kind: vscode.QuickPickItemKind.Separator }, ...close] : [])],
    { title: 'WIT: Plug Components — the plugs', canPickMany: true },
  );
  const plugs = (chosen ?? []).filter((c) => c.name).map((c) => c.name!);
  if (!plugs.length) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(socketUri);
  const output = await vscode.window.showSaveDialog({
    defaultUri: socketUri.with({ path: socketUri.path.replace(/\.wasm$/, '.plugged.wasm') }),
    filters: { 'WebAssembly component': ['wasm'] },
    saveLabel: 'Plug',
  });
  if (!output) return undefined;
  const rel = (u: vscode.Uri | string) => (typeof u === 'string' ? u : vscode.workspace.asRelativePath(u, false));
  const definition: WacTaskDefinition = { type: WAC_TASK_TYPE, file: rel(socketUri), plugs, output: rel(output) };
  const task = new vscode.Task(
    definition,
    folder ?? vscode.TaskScope.Workspace,
    `plug ${rel(socketUri)}`,
    'wac',
    new vscode.ProcessExecution(wac, wacComposeArgs(definition), { cwd: folder?.uri.fsPath, env: { RUST_BACKTRACE: '0' } }),
    [],
  );
  const execution = await vscode.tasks.executeTask(task);
  const code = await new Promise<number | undefined>((resolve) => {
    const done = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution !== execution) return;
      done.dispose();
      resolve(e.exitCode);
    });
  });
  if (code !== 0) {
    void vscode.window.showErrorMessage(`wac plug failed (exit ${String(code)}); see the terminal.`);
    return undefined;
  }
  await vscode.commands.executeCommand('vscode.openWith', output, COMPONENT_EDITOR_VIEW_TYPE, vscode.ViewColumn.Beside);
  return output;
}
