// The connection to the WIT language server: a vscode-languageclient over Node
// IPC to dist/server.js. When the server dies on its own, it is restarted with a
// notice that says why (exit code or signal); if it keeps dying, it stays down
// and the notice offers a manual restart instead of a crash loop.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  State,
  CloseAction,
  ErrorAction,
  type ServerOptions,
  type LanguageClientOptions,
  type ErrorHandler,
  type CloseHandlerResult,
  type RequestType,
  type RequestParam,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type FileEvent,
} from 'vscode-languageclient/node';
import { CONFIG_SECTION } from './config';
import { gaveUpNotice, restartedNotice, type ExitStatus, type ServerState } from './statusText';
import { SERVER_NODE_FLAGS } from '../../common/serverFlags';

export type { ServerState } from './statusText';

/** Restart at most this many times within CRASH_WINDOW_MS before giving up. */
const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60_000;
/** How long to wait for the process's exit status once its connection closes. */
const EXIT_STATUS_WAIT_MS = 1_000;
const WAC_DOCUMENTS = { scheme: 'file', language: 'wac' };

export class WitLanguageClient implements vscode.Disposable {
  private readonly client: LanguageClient;
  private state: ServerState = 'stopped';
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  /** Fires on every change of the server's state, including each restart. */
  readonly onDidChangeState = this.stateEmitter.event;
  private recentCrashes: number[] = [];
  private exitStatus: Promise<ExitStatus> | undefined;
  private readonly documentSelector: { scheme: string; language: string }[];

  constructor(
    serverModule: string,
    readonly output: vscode.LogOutputChannel,
  ) {
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
      debug: {
        module: serverModule,
        transport: TransportKind.ipc,
        options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] },
      },
    };
    // Only real documents: the read-only views this extension opens (syntax
    // tree, resolved package) use their own schemes and must not be analysed.
    // WAC documents are checked by running the wac CLI, so only in a trusted workspace.
    this.documentSelector = [
      { scheme: 'file', language: 'wit' },
      { scheme: 'untitled', language: 'wit' },
      ...(vscode.workspace.isTrusted ? [WAC_DOCUMENTS] : []),
    ];
    const clientOptions: LanguageClientOptions = {
      documentSelector: this.documentSelector,
      // Tell the server when any wit.* setting changes; it then pulls them.
      synchronize: { configurationSection: CONFIG_SECTION },
      outputChannel: output,
      errorHandler: this.errorHandler(),
    };
    // The id 'wit' makes the client honour the `wit.trace.server` setting.
    this.client = new LanguageClient('wit', 'WIT Language Server', serverOptions, clientOptions);
    this.client.onDidChangeState(({ newState }) => this.clientStateChanged(newState));
  }

  /** The workspace became trusted: send WAC documents too (the client reads its selector again on restart). */
  async enableWac(): Promise<void> {
    if (this.documentSelector.some((s) => s.language === 'wac')) return;
    this.documentSelector.push(WAC_DOCUMENTS);
    await this.restart();
  }

  get serverState(): ServerState {
    return this.state;
  }

  /** The pid of the running server process, if there is one. */
  get serverPid(): number | undefined {
    return this.client.serverProcess?.pid;
  }

  async start(): Promise<void> {
    await this.client.start();
  }

  /** Stops the server (if it runs) and starts a fresh one, also after it gave up crashing. */
  async restart(): Promise<void> {
    this.recentCrashes = [];
    if (this.client.state === State.Running) await this.client.restart();
    else await this.client.start();
  }

  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    return this.client.sendRequest<P, R, void>(type, params as RequestParam<P>);
  }

  /**
   * Tells the server files changed on disk, as its file watcher would: what
   * the extension itself wrote (a fetch's deps/) reaches it even where VS
   * Code's watcher is slow, overloaded or told to exclude deps/.
   */
  notifyFilesCreated(uris: readonly vscode.Uri[]): void {
    if (this.client.state !== State.Running || uris.length === 0) return;
    void this.client.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: uris.map((u): FileEvent => ({ uri: this.client.code2ProtocolConverter.asUri(u), type: FileChangeType.Created })),
    });
  }

  async dispose(): Promise<void> {
    this.stateEmitter.dispose();
    if (this.client.needsStop()) await this.client.stop();
  }

  private clientStateChanged(newState: State): void {
    if (newState === State.Running) this.watchExit();
    const next: ServerState =
      newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : this.state === 'crashed' ? 'crashed' : 'stopped';
    this.setState(next);
  }

  private setState(next: ServerState): void {
    this.state = next;
    this.stateEmitter.fire(next);
  }

  /** Remembers how the current server process ends, for the crash notice. */
  private watchExit(): void {
    const proc = this.client.serverProcess;
    if (!proc) return;
    this.exitStatus = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  }

  private errorHandler(): ErrorHandler {
    return {
      // A few broken messages are survivable; a stream of them means the connection is gone.
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => this.serverClosed(),
    };
  }

  /** The connection closed without our asking: say why, and restart unless it keeps happening. */
  private async serverClosed(): Promise<CloseHandlerResult> {
    const status = this.exitStatus ? await Promise.race([this.exitStatus, delay(EXIT_STATUS_WAIT_MS).then(() => undefined)]) : undefined;
    this.exitStatus = undefined;
    const now = Date.now();
    this.recentCrashes = this.recentCrashes.filter((t) => now - t < CRASH_WINDOW_MS);
    this.recentCrashes.push(now);

    if (this.recentCrashes.length > MAX_RESTARTS) {
      const message = gaveUpNotice(status, this.recentCrashes.length, CRASH_WINDOW_MS / 60_000);
      this.output.error(message);
      this.state = 'crashed';
      void vscode.window.showErrorMessage(message, 'Restart', 'Show Output').then((choice) => {
        if (choice === 'Restart') void this.restart();
        if (choice === 'Show Output') this.output.show(true);
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    const message = restartedNotice(status);
    this.output.warn(message);
    void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => {
      if (choice === 'Show Output') this.output.show(true);
    });
    return { action: CloseAction.Restart, handled: true };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
