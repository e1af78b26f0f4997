// `WIT: Show Plug Fit`: pick a consumer and a provider component; the view shows
// which imports of the consumer the provider's exports satisfy and why the others
// do not (missing interface, version mismatch, a function or type that differs).
import * as vscode from 'vscode';
import { readComponent } from '../../../server/src/component/reader';
import { componentSide, plugFit } from '../../../server/src/component/plugFit';
import { onWebviewMessage, post, setGraphHtml, webviewOptions } from './webviewHost';
import { plugFitNotes, plugFitViewGraph } from './viewGraphs';
import { forgetShown, recordShown } from './shownGraphs';

async function pickComponent(title: string, exclude?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const found = (await vscode.workspace.findFiles('**/*.wasm', '**/node_modules/**', 500))
    .filter((u) => u.toString() !== exclude?.toString());
  const browse = { label: '$(folder-opened) Browse…', uri: undefined as vscode.Uri | undefined };
  const items = [...found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), browse];
  const choice = await vscode.window.showQuickPick(items, { title, placeHolder: 'A component (.wasm)' });
  if (!choice) return undefined;
  if (choice.uri) return choice.uri;
  const picked = await vscode.window.showOpenDialog({ title, filters: { Component: ['wasm'] }, canSelectMany: false });
  return picked?.[0];
}

const nameOf = (u: vscode.Uri) => u.path.slice(u.path.lastIndexOf('/') + 1).replace(/\.wasm$/, '');

export async function showPlugFit(context: vscode.ExtensionContext, consumerUri?: vscode.Uri, providerUri?: vscode.Uri): Promise<void> {
  const consumer = consumerUri ?? await pickComponent('Plug fit 1/2: the component whose imports need satisfying');
  if (!consumer) return;
  const provider = providerUri ?? await pickComponent('Plug fit 2/2: the component that provides exports', consumer);
  if (!provider) return;
  const [consumerInfo, providerInfo] = await Promise.all([consumer, provider].map(async (u) => readComponent(await vscode.workspace.fs.readFile(u))));
  const providerSide = componentSide(providerInfo, 'exports', nameOf(provider));
  const fit = plugFit(componentSide(consumerInfo, 'imports', nameOf(consumer)), providerSide);
  const panel = vscode.window.createWebviewPanel('wit.plugFit', `Plug fit: ${nameOf(consumer)} ← ${nameOf(provider)}`,
    vscode.ViewColumn.Beside, webviewOptions(context.extensionUri));
  setGraphHtml(panel.webview, context.extensionUri, 'Plug fit');
  const message = {
    type: 'graph' as const, mode: 'plug' as const,
    title: `Does ${fit.provider} satisfy ${fit.consumer}'s imports?`,
    graph: plugFitViewGraph(fit, providerSide.interfaces.map((i) => i.name)),
    notes: plugFitNotes(fit),
  };
  recordShown('plug', message);
  const sub = onWebviewMessage(panel.webview, `plug-fit-${nameOf(consumer)}-${nameOf(provider)}`, (m) => {
    if (m.type === 'ready') post(panel.webview, message);
  });
  panel.onDidDispose(() => {
    sub.dispose();
    forgetShown('plug');
  });
}
