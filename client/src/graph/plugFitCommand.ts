// `WIT: Show Plug Fit`: pick a consumer and a provider — each a component (.wasm)
// or a world of the active WIT package — and see which imports of the consumer the
// provider's exports satisfy and why the others do not (missing interface, version
// mismatch, a function or type that differs).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readComponent } from '../../../common/component/reader';
import { componentSide, plugFit, type PlugSide } from '../../../common/component/plugFit';
import { CompositionGraphRequest } from '../../../common/protocol';
import type { WitLanguageClient } from '../client';
import { onWebviewMessage, post, setGraphHtml, webviewOptions } from './webviewHost';
import { plugFitNotes, plugFitViewGraph } from './viewGraphs';
import { forgetShown, recordShown } from './shownGraphs';
import { worldAsComponent } from './worldComponent';
import type { GraphMessage } from './messages';

/** A side of the plug: a component file, or a world of a WIT package folder. */
export type PlugTarget = vscode.Uri | { world: string; witDir: string };

const nameOf = (t: PlugTarget) => (t instanceof vscode.Uri ? t.path.slice(t.path.lastIndexOf('/') + 1).replace(/\.wasm$/, '') : t.world);

async function worldsOfActiveWit(client: WitLanguageClient): Promise<{ world: string; witDir: string }[]> {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId !== 'wit') return [];
  try {
    const graph = await client.sendRequest(CompositionGraphRequest, { uri: doc.uri.toString() });
    const witDir = path.dirname(doc.uri.fsPath);
    return graph.nodes.filter((n) => n.kind === 'world' && !n.dependency).map((n) => ({ world: n.id.replace(/^world:/, ''), witDir }));
  } catch {
    return [];
  }
}

async function pick(title: string, client: WitLanguageClient, exclude?: PlugTarget): Promise<PlugTarget | undefined> {
  const files = (await vscode.workspace.findFiles('**/*.wasm', '**/node_modules/**', 500)).filter(
    (u) => u.toString() !== exclude?.toString(),
  );
  const worlds = await worldsOfActiveWit(client);
  const items: (vscode.QuickPickItem & { target?: PlugTarget })[] = [
    ...files.map((uri) => ({ label: `$(file-binary) ${vscode.workspace.asRelativePath(uri)}`, target: uri as PlugTarget })),
    ...worlds.map((w) => ({ label: `$(globe) ${w.world}`, description: 'world (WIT as saved)', target: w as PlugTarget })),
    { label: '$(folder-opened) Browse for a component…' },
  ];
  const choice = await vscode.window.showQuickPick(items, { title, placeHolder: 'A component (.wasm) or a world' });
  if (!choice) return undefined;
  if (choice.target) return choice.target;
  const picked = await vscode.window.showOpenDialog({ title, filters: { Component: ['wasm'] }, canSelectMany: false });
  return picked?.[0];
}

async function sideOf(target: PlugTarget, which: 'imports' | 'exports'): Promise<PlugSide> {
  const bytes =
    target instanceof vscode.Uri ? await vscode.workspace.fs.readFile(target) : await worldAsComponent(target.witDir, target.world);
  return componentSide(readComponent(bytes), which, nameOf(target));
}

export async function showPlugFit(
  context: vscode.ExtensionContext,
  client: WitLanguageClient,
  consumerArg?: PlugTarget,
  providerArg?: PlugTarget,
): Promise<void> {
  const consumer = consumerArg ?? (await pick('Plug fit 1/2: whose imports need satisfying?', client));
  if (!consumer) return;
  const provider = providerArg ?? (await pick('Plug fit 2/2: what provides the exports?', client, consumer));
  if (!provider) return;
  let fit;
  let providerSide: PlugSide;
  try {
    providerSide = await sideOf(provider, 'exports');
    fit = plugFit(await sideOf(consumer, 'imports'), providerSide);
  } catch (e) {
    void vscode.window.showErrorMessage(`Plug fit: ${(e as Error).message}`);
    return;
  }
  const panel = vscode.window.createWebviewPanel(
    'wit.plugFit',
    `Plug fit: ${fit.consumer} ← ${fit.provider}`,
    vscode.ViewColumn.Beside,
    webviewOptions(context.extensionUri),
  );
  setGraphHtml(panel.webview, context.extensionUri, 'Plug fit');
  const message: GraphMessage = {
    type: 'graph',
    mode: 'plug',
    title: `Does ${fit.provider} satisfy ${fit.consumer}'s imports?`,
    graph: plugFitViewGraph(
      fit,
      providerSide.interfaces.map((i) => i.name),
    ),
    notes: plugFitNotes(fit),
  };
  recordShown('plug', message);
  const sub = onWebviewMessage(panel.webview, `plug-fit-${fit.consumer}-${fit.provider}`.replace(/[^\w.-]+/g, '-'), (m) => {
    if (m.type === 'ready') post(panel.webview, message);
  });
  panel.onDidDispose(() => {
    sub.dispose();
    forgetShown('plug');
  });
}
