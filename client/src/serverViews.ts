// Read-only documents whose text the server computes for a WIT file: its syntax
// tree (`wit/syntaxTree`) and its package as resolved (`wit/resolvedPackage`).
// They live under their own URI scheme, so the language client never sends them
// back to the server, and they refresh while the source file is being edited.
import * as vscode from 'vscode';
import { SyntaxTreeRequest, ResolvedPackageRequest } from '../../common/protocol';
import type { WitLanguageClient } from './client';

export const VIEW_SCHEME = 'wit-view';

export type ViewKind = 'syntaxTree' | 'resolvedPackage';

/** How long to wait after the last keystroke before refreshing an open view. */
const REFRESH_DELAY_MS = 300;

/** The view URI for `source`: its path names the file, the query carries what to show. */
export function viewUri(kind: ViewKind, source: vscode.Uri): vscode.Uri {
  const base = source.path.split('/').pop() ?? 'untitled.wit';
  // The resolved package is WIT text: a .wit name gives it WIT highlighting.
  const name = kind === 'syntaxTree' ? `${base}.syntax-tree` : `${base.replace(/\.wit$/, '')}.resolved.wit`;
  const query = new URLSearchParams({ kind, source: source.toString() }).toString();
  return vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/${name}`, query });
}

/** The WIT file a view shows, or undefined if `uri` is not a view. */
export function viewSource(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme !== VIEW_SCHEME) return undefined;
  const source = new URLSearchParams(uri.query).get('source');
  return source ? vscode.Uri.parse(source) : undefined;
}

export class ServerViewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: WitLanguageClient) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri)),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const params = new URLSearchParams(uri.query);
    const source = params.get('source');
    if (!source) return '';
    const request = params.get('kind') === 'resolvedPackage' ? ResolvedPackageRequest : SyntaxTreeRequest;
    try {
      return await this.client.sendRequest(request, { uri: source });
    } catch (e) {
      return `The language server could not answer: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private sourceChanged(source: vscode.Uri): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (viewSource(doc.uri)?.toString() !== source.toString()) continue;
      const key = doc.uri.toString();
      clearTimeout(this.pending.get(key));
      this.pending.set(
        key,
        setTimeout(() => {
          this.pending.delete(key);
          this.changed.fire(doc.uri);
        }, REFRESH_DELAY_MS),
      );
    }
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
