// `WIT: Preview Bindings`: the generated code of a world in a read-only editor
// beside the WIT, regenerated (debounced) as the package's WIT changes. While
// the WIT has errors the last good bindings stay, under a note that says why.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GenerateBindingsRequest, type BindingsLanguage } from '../../../common/protocol';
import { isBindingsLanguage } from '../../../common/bindingsLanguages';
import type { WitLanguageClient } from '../client';
import { composePreview, plainWorld, previewExtension, staleNotice } from './outputLayout';
import { LatestOnly } from './requestQueue';
import { errorData, errorMessage } from './errors';
import { chooseTarget, type BindingsArgs } from './target';

export const PREVIEW_SCHEME = 'wit-bindings';
const REFRESH_DELAY_MS = 400;
const LAST_LANGUAGE = 'wit.bindings.lastPreviewLanguage';

export function previewUri(source: vscode.Uri, language: BindingsLanguage, world: string | undefined): vscode.Uri {
  const name = `${plainWorld(world) ?? path.basename(source.path, '.wit')}.${language}${previewExtension(language)}`;
  const query = new URLSearchParams({ source: source.toString(), language, world: world ?? '' }).toString();
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}`, query });
}

interface PreviewState {
  lastGood?: string;
  runner: LatestOnly<string>;
  timer?: NodeJS.Timeout;
}

export class BindingsPreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly previews = new Map<string, PreviewState>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: WitLanguageClient) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((e) => this.witChanged(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.witChanged(d)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === PREVIEW_SCHEME) this.forget(d.uri.toString());
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const state = this.stateOf(uri.toString());
    return state.runner.run(() => this.render(uri, state));
  }

  private async render(uri: vscode.Uri, state: PreviewState): Promise<string> {
    const q = new URLSearchParams(uri.query);
    const source = q.get('source') ?? '';
    const language = q.get('language');
    const world = q.get('world') || undefined;
    if (!isBindingsLanguage(language)) return '';
    try {
      const { files } = await this.client.sendRequest(GenerateBindingsRequest, { uri: source, world, language });
      state.lastGood = composePreview(files, language, world);
      return state.lastGood;
    } catch (e) {
      // WIT errors keep the last good preview; other failures too, with their reason.
      const reason = errorData(e).kind === 'witErrors' ? errorMessage(e) : `Generation failed: ${errorMessage(e)}`;
      return staleNotice(language, reason, state.lastGood);
    }
  }

  /** A WIT document changed: refresh, after a pause, every preview of its package. */
  private witChanged(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'wit' && !doc.uri.path.endsWith('.wit')) return;
    for (const [key, state] of this.previews) {
      const source = vscode.Uri.parse(new URLSearchParams(vscode.Uri.parse(key).query).get('source') ?? '');
      if (!inPackage(doc.uri, source)) continue;
      clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.timer = undefined;
        this.changed.fire(vscode.Uri.parse(key));
      }, REFRESH_DELAY_MS);
    }
  }

  private stateOf(key: string): PreviewState {
    let state = this.previews.get(key);
    if (!state) {
      state = { runner: new LatestOnly<string>() };
      this.previews.set(key, state);
    }
    return state;
  }

  private forget(key: string): void {
    clearTimeout(this.previews.get(key)?.timer);
    this.previews.delete(key);
  }

  dispose(): void {
    for (const key of [...this.previews.keys()]) this.forget(key);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

/** Whether `changed` is part of the package of `source`: its folder or that folder's deps/. */
function inPackage(changed: vscode.Uri, source: vscode.Uri): boolean {
  const dir = path.posix.dirname(source.path);
  const rel = path.posix.relative(dir, changed.path);
  return !rel.startsWith('..') && (!rel.includes('/') || rel.startsWith('deps/'));
}

export function registerPreviewCommand(state: vscode.Memento, client: WitLanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('wit.previewBindings', async (resource?: unknown, second?: unknown) => {
    const args = ([second, resource].find((v) => !!v && typeof v === 'object' && !(v instanceof vscode.Uri)) ?? {}) as BindingsArgs;
    const target = await chooseTarget(client, state, resource, args, {
      noFileMessage: 'Open a .wit file to preview its bindings.',
      rememberKey: LAST_LANGUAGE,
      defaultLanguage: 'typescript-guest',
    });
    if (!target) return undefined;
    const { file, world, language } = target;
    const doc = await vscode.workspace.openTextDocument(previewUri(file, language, world || undefined));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return doc.uri;
  });
}
