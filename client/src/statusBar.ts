// The status bar entry shown while a WIT file is active: the package and world
// of that file, as the server resolved them (`wit/listWorlds`), and the state of
// the language server. Clicking it opens the server's output.
import * as vscode from 'vscode';
import { ListWorldsRequest, type WorldInfo } from '../../server/src/protocol';
import type { WitLanguageClient, ServerState } from './client';

/** Wait this long after the last edit before asking the server again. */
const REFRESH_DELAY_MS = 500;

const STATE_ICON: Record<ServerState, string> = {
  starting: '$(sync~spin)',
  running: '$(symbol-namespace)',
  stopped: '$(circle-slash)',
  crashed: '$(error)',
};

export interface FileLocation {
  /** e.g. `wasi:http@0.3.0`; undefined when the server could not tell. */
  packageName: string | undefined;
  /** Worlds declared in the file itself, unqualified. */
  worlds: string[];
}

/** Splits the server's worlds into the file's package and the worlds the file declares. */
export function locateFile(worlds: WorldInfo[], fileUri: string): FileLocation {
  const own = worlds.filter((w) => w.uri === fileUri);
  return {
    packageName: (own[0] ?? worlds[0])?.package || undefined,
    worlds: own.map((w) => unqualifiedWorld(w.name)),
  };
}

/** `wasi:http/service@0.3.0` -> `service`. */
export function unqualifiedWorld(name: string): string {
  const afterSlash = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  return afterSlash.replace(/@.*$/, '');
}

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
      client.onDidChangeState(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.refreshSoon();
      }),
    ];
    this.refresh();
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  private refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'wit' || doc.uri.scheme !== 'file') {
      this.item.hide();
      return;
    }
    const generation = ++this.generation;
    this.render();
    if (this.client.serverState !== 'running') return;
    this.client.sendRequest(ListWorldsRequest, { uri: doc.uri.toString() }).then(
      (worlds) => {
        if (generation !== this.generation) return;
        this.location = locateFile(worlds, doc.uri.toString());
        this.render();
      },
      // An older server or a file it cannot resolve: show the server state alone.
      () => {
        if (generation !== this.generation) return;
        this.location = { packageName: undefined, worlds: [] };
        this.render();
      },
    );
  }

  private render(): void {
    const state = this.client.serverState;
    const { packageName, worlds } = this.location;
    const where = [packageName, worlds.join(', ')].filter(Boolean).join(' › ');
    this.item.text = `${STATE_ICON[state]} ${where || 'WIT'}`;
    this.item.backgroundColor = state === 'crashed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const pid = this.client.serverPid;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**WIT language server**: ${state}${pid && state === 'running' ? ` (pid ${pid})` : ''}\n\n`);
    if (packageName) tooltip.appendMarkdown(`Package: \`${packageName}\`\n\n`);
    if (worlds.length) tooltip.appendMarkdown(`World${worlds.length > 1 ? 's' : ''} in this file: ${worlds.map((w) => `\`${w}\``).join(', ')}\n\n`);
    tooltip.appendMarkdown('Click to show the server output.');
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
