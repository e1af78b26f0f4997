// The composition graph of the open .wac document: the graph webview beside the editor,
// drawn from the component the language server's last wac check composed (wac/composed),
// drawn again as the document is edited; a click on an instance, import or export selects
// its statement. While the document has errors the last composition that worked stays,
// with the errors as notes.
import * as vscode from 'vscode';
import type { WitLanguageClient } from '../client';
import { onWebviewMessage, post, setGraphHtml, webviewOptions } from '../graph/webviewHost';
import { forgetShown, recordShown } from '../graph/shownGraphs';
import type { GraphMessage } from '../graph/messages';
import { WacComposedRequest } from '../../../common/protocol';
import { wacCompositionGraph } from './wacViewGraph';

const REFRESH_DELAY_MS = 300;

export class WacGraphView implements vscode.Disposable {
  private static current: WacGraphView | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private sources = new Map<string, { start: number; end: number }>();
  private timer: NodeJS.Timeout | undefined;

  static show(context: vscode.ExtensionContext, client: WitLanguageClient, uri: vscode.Uri): void {
    if (WacGraphView.current) {
      WacGraphView.current.uri = uri;
      WacGraphView.current.panel.reveal(vscode.ViewColumn.Beside, true);
      void WacGraphView.current.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'wit.wacCompositionGraph',
      'WAC Composition Graph',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(context.extensionUri), retainContextWhenHidden: true },
    );
    WacGraphView.current = new WacGraphView(panel, context, client, uri);
  }

  /** Reveals a node's statement, as a click on it does (for the extension-host tests). */
  static revealNode(id: string): Promise<void> {
    return WacGraphView.current?.reveal(id) ?? Promise.resolve();
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: WitLanguageClient,
    private uri: vscode.Uri,
  ) {
    setGraphHtml(panel.webview, context.extensionUri, 'WAC Composition Graph');
    this.disposables.push(
      onWebviewMessage(panel.webview, 'wac-graph', (m) => {
        if (m.type === 'ready') void this.refresh();
        else if (m.type === 'reveal') void this.reveal(m.id);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri.toString()) this.refreshSoon();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    const name = vscode.workspace.asRelativePath(this.uri);
    this.panel.title = `Graph: ${name.slice(name.lastIndexOf('/') + 1)}`;
    if (!vscode.workspace.isTrusted) {
      post(this.panel.webview, {
        type: 'error',
        message: 'WAC compositions are checked and drawn by running wac, which is disabled in an untrusted workspace.',
      });
      return;
    }
    try {
      const doc = await vscode.workspace.openTextDocument(this.uri);
      const { composed, problems } = await this.client.sendRequest(WacComposedRequest, { uri: this.uri.toString() });
      if (!composed) {
        post(this.panel.webview, {
          type: 'error',
          message: problems.length
            ? `wac cannot compose ${name} yet:\n${problems.join('\n')}`
            : `wac has not composed ${name} yet (is wac installed?).`,
        });
        return;
      }
      const { graph, sources } = wacCompositionGraph(Buffer.from(composed, 'base64'), doc.getText());
      this.sources = sources;
      const instances = graph.nodes.filter((n) => n.kind === 'instance').length;
      const open = graph.nodes.filter((n) => n.open).length;
      const message: GraphMessage = {
        type: 'graph',
        mode: 'component',
        graph,
        title: `Composition ${name}: ${instances} instances, ${open} open imports${problems.length ? ' (the last text that composed)' : ''}`,
        notes: problems.map((p) => `Error: ${p}`),
      };
      recordShown(`wac:${this.uri.toString()}`, message);
      post(this.panel.webview, message);
    } catch (e) {
      post(this.panel.webview, { type: 'error', message: `Could not build the graph: ${(e as Error).message}` });
    }
  }

  private async reveal(id: string): Promise<void> {
    const source = this.sources.get(id);
    if (!source) return;
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const selection = new vscode.Range(doc.positionAt(source.start), doc.positionAt(source.end));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection });
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (WacGraphView.current === this) WacGraphView.current = undefined;
    forgetShown(`wac:${this.uri.toString()}`);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
