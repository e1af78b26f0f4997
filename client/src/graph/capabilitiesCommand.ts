// `WIT: Show Capabilities`: what a built component (.wasm) imports, grouped by
// what it reaches, and the wasmtime flags that grant exactly that, as a
// Markdown page beside the editor.
import * as vscode from 'vscode';
import { readComponent, NotAComponentError } from '../../../common/component/reader';
import { capabilitiesOf, type CapabilityReport } from '../../../common/component/capabilities';
import { capabilitiesMarkdown } from '../../../common/component/capabilitiesText';

async function pickComponent(): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles('**/*.wasm', '**/node_modules/**', 500);
  const items: (vscode.QuickPickItem & { uri?: vscode.Uri })[] = [
    ...files.map((uri) => ({ label: `$(file-binary) ${vscode.workspace.asRelativePath(uri)}`, uri })),
    { label: '$(folder-opened) Browse for a component…' },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: 'Show Capabilities', placeHolder: 'A component (.wasm)' });
  if (!choice) return undefined;
  if (choice.uri) return choice.uri;
  return (await vscode.window.showOpenDialog({ filters: { Component: ['wasm'] }, canSelectMany: false }))?.[0];
}

/** Shows the page; returns the report (extension-host tests read it). */
export async function showCapabilities(target: vscode.Uri | undefined): Promise<CapabilityReport | undefined> {
  const uri = target ?? await pickComponent();
  if (!uri) return undefined;
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  let report: CapabilityReport;
  try {
    report = capabilitiesOf(readComponent(await vscode.workspace.fs.readFile(uri)));
  } catch (e) {
    const why = e instanceof NotAComponentError ? `is ${e.message}` : `could not be read: ${(e as Error).message}`;
    void vscode.window.showErrorMessage(`${name} ${why}: it has no capabilities to show.`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: capabilitiesMarkdown(name, report) });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return report;
}
