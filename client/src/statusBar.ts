// The status bar entry shown while a WIT file is active: the package and world
// of that file, as the server resolved them (`wit/listWorlds`), and the state of
// the language server. Clicking it opens the server's output.
import * as vscode from 'vscode';
import { ListWorldsRequest } from '../../common/protocol';
import type { WitLanguageClient } from './client';
import { locateFile, statusBarText, type FileLocation } from './statusText';
import { onDidChangeConfig, readConfig } from './config';
import { currentWitEditor } from './witEditor';

/** Wait this long after the last edit before asking the server again. */
const REFRESH_DELAY_MS = 500;

export class WitStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('wit.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];
  private location: FileLocation = { packageName: undefined, worlds: [] };
  private timer: NodeJS.Timeout | undefined;
  /** Bumped on every refresh so that a slow, outdated answer is dropped. */
  private generation = 0;

  constructor(private readonly client: WitLanguageClient) {
    this.item.name = 'WIT';
    this.item.command = 'wit.showOutput';
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      // With the focus outside any text editor, the item follows the visible WIT editor.
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      client.onDidChangeState(() => this.refresh()),
      // The tooltip says which features are switched off.
      onDidChangeConfig(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === currentWitEditor()?.document) this.refreshSoon();
      }),
    ];
    this.refresh();
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  private refresh(): void {
    const doc = currentWitEditor()?.document;
    if (!doc || doc.uri.scheme !== 'file') {
      this.item.hide();
      return;
    }
    const generation = ++this.generation;
    this.render();
    if (this.client.serverState !== 'running') return;
    void this.locate(doc.uri).then((location) => {
      // A newer refresh started meanwhile: its answer wins.
      if (generation !== this.generation) return;
      this.location = location;
      this.render();
    });
  }

  /** The package and worlds of `uri`; an older server or an unresolvable file gives nothing. */
  private async locate(uri: vscode.Uri): Promise<FileLocation> {
    const worlds = await this.client.sendRequest(ListWorldsRequest, { uri: uri.toString() }).catch(() => []);
    const location = locateFile(worlds, uri.toString());
    if (location.packageName) return location;
    // A package without worlds: its name is the Package symbol of the file that declares it.
    const symbols = await vscode.commands
      .executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)
      .then(
        (s) => s ?? [],
        () => [],
      );
    const pkg = symbols.find((s) => s.kind === vscode.SymbolKind.Package);
    return { ...location, packageName: pkg?.name };
  }

  private render(): void {
    const state = this.client.serverState;
    const { packageName, worlds } = this.location;
    this.item.text = statusBarText(state, this.location);
    this.item.backgroundColor = state === 'crashed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const pid = this.client.serverPid;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**WIT language server**: ${state}${pid && state === 'running' ? ` (pid ${pid})` : ''}\n\n`);
    if (packageName) tooltip.appendMarkdown(`Package: \`${packageName}\`\n\n`);
    if (worlds.length)
      tooltip.appendMarkdown(`World${worlds.length > 1 ? 's' : ''} in this file: ${worlds.map((w) => `\`${w}\``).join(', ')}\n\n`);
    const config = readConfig(currentWitEditor()?.document.uri);
    const off = [
      !config.diagnosticsEnabled && 'diagnostics',
      !config.formatEnabled && 'formatting',
      !config.inlayHintsEnabled && 'inlay hints',
    ].filter(Boolean);
    if (off.length) tooltip.appendMarkdown(`Switched off in settings: ${off.join(', ')}\n\n`);
    tooltip.appendMarkdown('Click to show the server output.');
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
