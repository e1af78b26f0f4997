// The WIT graph view: a webview beside the editor with the composition graph of the
// package of a .wit file, asked from the server (wit/compositionGraph) and asked
// again as the WIT is edited; a click reveals the declaration of a node.
import * as vscode from 'vscode';
import { CompositionGraphRequest, type CompositionGraph } from '../../../common/protocol';
import type { WitLanguageClient } from '../client';
import { onWebviewMessage, post, setGraphHtml, webviewOptions } from './webviewHost';
import { toViewGraph } from './viewGraphs';
import { forgetShown, recordShown } from './shownGraphs';
import type { GraphMessage } from './messages';

const REFRESH_DELAY_MS = 300;

export class WitGraphView implements vscode.Disposable {
  private static current: WitGraphView | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private graph: CompositionGraph = { nodes: [], edges: [] };
  private world = '';
  private timer: NodeJS.Timeout | undefined;

  static show(context: vscode.ExtensionContext, client: WitLanguageClient, uri: vscode.Uri): void {
    if (WitGraphView.current) {
      WitGraphView.current.uri = uri;
      WitGraphView.current.world = '';
      WitGraphView.current.panel.reveal(vscode.ViewColumn.Beside, true);
      void WitGraphView.current.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'wit.compositionGraph',
      'WIT Composition Graph',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(context.extensionUri), retainContextWhenHidden: true },
    );
    WitGraphView.current = new WitGraphView(panel, context, client, uri);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: WitLanguageClient,
    private uri: vscode.Uri,
  ) {
    setGraphHtml(panel.webview, context.extensionUri, 'WIT Composition Graph');
    this.disposables.push(
      onWebviewMessage(panel.webview, 'wit-graph', (m) => {
        if (m.type === 'ready') void this.refresh();
        else if (m.type === 'selectWorld') {
          this.world = m.world;
          void this.refresh();
        } else if (m.type === 'reveal') void this.reveal(m.id);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'wit') this.refreshSoon();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.languageId === 'wit') this.refreshSoon();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    try {
      const uri = this.uri.toString();
      const [graph, all] = await Promise.all([
        this.client.sendRequest(CompositionGraphRequest, { uri, world: this.world || undefined }),
        this.world ? this.client.sendRequest(CompositionGraphRequest, { uri }) : undefined,
      ]);
      this.graph = graph;
      const worlds = (all ?? graph).nodes.filter((n) => n.kind === 'world' && !n.dependency).map((n) => n.label);
      const name = vscode.workspace.asRelativePath(this.uri);
      this.panel.title = `Graph: ${name.slice(name.lastIndexOf('/') + 1)}`;
      const message: GraphMessage = {
        type: 'graph',
        mode: 'wit',
        title: `WIT graph of ${name}`,
        graph: toViewGraph(graph),
        worlds,
        world: this.world,
      };
      recordShown('wit', message);
      post(this.panel.webview, message);
    } catch (e) {
      post(this.panel.webview, { type: 'error', message: `Could not build the graph: ${(e as Error).message}` });
    }
  }

  /** Reveals a node of the open graph view, as a click on it does (used by the extension-host tests). */
  static revealNode(id: string): Promise<void> {
    return WitGraphView.current?.reveal(id) ?? Promise.resolve();
  }

  private async reveal(id: string): Promise<void> {
    const node = this.graph.nodes.find((n) => n.id === id);
    if (!node?.uri) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(node.uri));
    const range = node.range
      ? new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character)
      : undefined;
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range });
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (WitGraphView.current === this) WitGraphView.current = undefined;
    forgetShown('wit');
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
