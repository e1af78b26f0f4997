// `WIT: Show Capabilities`: what a built component (.wasm) imports, grouped by
// what it reaches, and the wasmtime flags that grant exactly that, as a
// read-only Markdown page beside the editor. The page lives under its own
// scheme (not an untitled document), so nothing ever asks to save it: VS Code
// saves untitled editors before a debug session, which would stop F5 at a
// Save As dialog.
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

const SCHEME = 'wit-capabilities';

/** The page of the component at `source`: `<name>.capabilities.md` (Markdown by its name). */
function pageUri(source: vscode.Uri, name: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: SCHEME,
    path: `/${name}.capabilities.md`,
    query: new URLSearchParams({ source: source.toString() }).toString(),
  });
}

/** Registers the read-only pages (once, at activation). */
export function registerCapabilityPages(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    async provideTextDocumentContent(uri) {
      const source = vscode.Uri.parse(new URLSearchParams(uri.query).get('source') ?? '');
      const name = source.path.slice(source.path.lastIndexOf('/') + 1);
      try {
        return capabilitiesMarkdown(name, capabilitiesOf(readComponent(await vscode.workspace.fs.readFile(source))));
      } catch (e) {
        return `# ${name}\n\nCould not be read: ${(e as Error).message}\n`;
      }
    },
  });
}

/** Shows the page; returns the report (extension-host tests read it). */
export async function showCapabilities(target: vscode.Uri | undefined): Promise<CapabilityReport | undefined> {
  const uri = target ?? (await pickComponent());
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
  const doc = await vscode.workspace.openTextDocument(pageUri(uri, name));
  await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return report;
}
