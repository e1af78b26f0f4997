// A small LSP client for server tests: spawns the bundled server
// (`node dist/server.js --stdio`) and speaks JSON-RPC over its stdio. It waits
// for events (responses, published diagnostics), never sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../common/serverFlags';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string };
type Listener = (params: any) => void;

export interface ClientOptions {
  /** The `wit` settings answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  rootUri?: string;
  /** Folder paths answered to workspace/workspaceFolders. */
  workspaceFolders?: string[];
}

export class LspClient {
  private readonly proc: ChildProcess;
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Listener[]>();
  /** The latest diagnostics published per uri. */
  readonly diagnostics = new Map<string, any[]>();
  private readonly versions = new Map<string, number>();
  stderr = '';
  settings: Record<string, unknown>;

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    // LSP_SERVER_JS: another build of the server (an old one beside the new, in a bench).
    const server = process.env.LSP_SERVER_JS ?? path.join(repoRoot, 'dist', 'server.js');
    if (!fs.existsSync(server)) throw new Error('dist/server.js is missing: run `npm run build` first');
    // LSP_SERVER_ARGS: node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p` to profile it in a bench.
    this.proc = spawn(
      process.execPath,
      [...SERVER_NODE_FLAGS, ...(process.env.LSP_SERVER_ARGS?.split(' ').filter(Boolean) ?? []), server, '--stdio'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.proc.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.proc.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited during ${p.method}\n${this.stderr}`));
      this.pending.clear();
    });
    this.on('textDocument/publishDiagnostics', (p) => this.diagnostics.set(p.uri, p.diagnostics));
  }

  /** initialize + initialized; returns the server's capabilities. */
  async start(): Promise<any> {
    const result: any = await this.request('initialize', {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      workspaceFolders: this.options.workspaceFolders?.map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) })) ?? null,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: false },
          workspaceFolders: !!this.options.workspaceFolders,
        },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          rename: { prepareSupport: true },
        },
      },
    });
    this.notify('initialized', {});
    return result.capabilities;
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method }));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  on(method: string, listener: Listener): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  /** Opens a file from disk (or with the given text); returns its uri. */
  open(file: string, text?: string): string {
    const uri = pathToFileURL(file).toString();
    const content = text ?? fs.readFileSync(file, 'utf8');
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wit', version: 1, text: content } });
    return uri;
  }

  /** Replaces the whole text of an open document. */
  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /**
   * Resolves once the client has answered the server's next workspace/configuration
   * request: requests sent after that see the settings (messages are handled in order).
   */
  configurationAnswered(): Promise<void> {
    return new Promise((resolve) => {
      const listener: Listener = () => {
        this.listeners.set(
          'answered:workspace/configuration',
          (this.listeners.get('answered:workspace/configuration') ?? []).filter((l) => l !== listener),
        );
        resolve();
      };
      this.on('answered:workspace/configuration', listener);
    });
  }

  /** The version the client last sent for an open document. */
  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /**
   * Resolves with the next diagnostics published for `uri`; with `version`, the
   * first ones published for that version of the document (or a later one).
   */
  nextDiagnostics(uri: string, version?: number): Promise<any[]> {
    return new Promise((resolve) => {
      const listener: Listener = (p) => {
        if (p.uri !== uri) return;
        if (version !== undefined && !(typeof p.version === 'number' && p.version >= version)) return;
        this.listeners.set(
          'textDocument/publishDiagnostics',
          (this.listeners.get('textDocument/publishDiagnostics') ?? []).filter((l) => l !== listener),
        );
        resolve(p.diagnostics);
      };
      this.on('textDocument/publishDiagnostics', listener);
    });
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((resolve) => this.proc.on('exit', resolve));
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } catch {
      this.proc.kill();
    }
    await exited;
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString();
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  private dispatch(msg: any): void {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
      else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server: answer what a plain client would.
      const folders = this.options.workspaceFolders?.map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) }));
      const result =
        msg.method === 'workspace/configuration'
          ? (msg.params.items as Array<{ section?: string }>).map((i) => (i.section === 'wit' ? this.settings : null))
          : msg.method === 'workspace/workspaceFolders'
            ? (folders ?? null)
            : null;
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      for (const l of this.listeners.get(`answered:${msg.method}`) ?? []) l(msg.params);
      return;
    }
    for (const l of this.listeners.get(msg.method) ?? []) l(msg.params);
  }
}
