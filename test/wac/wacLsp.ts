// The language server built from source (esbuild, into a temporary folder: the shared
// dist/ is left alone) and a small LSP client over its stdio, for the WAC server tests.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repoRoot } from './wacTokenizer';

let built: Promise<string> | undefined;

/** Bundles server/src/main.ts with the grammar .wasm files beside it; returns server.js. */
export function buildServer(): Promise<string> {
  built ??= (async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-wac-server-'));
    await build({
      entryPoints: { server: path.join(repoRoot, 'server/src/main.ts') },
      outdir: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      external: ['@bytecodealliance/jco-transpile', '@bytecodealliance/jco'],
    });
    fs.copyFileSync(path.join(repoRoot, 'node_modules/web-tree-sitter/tree-sitter.wasm'), path.join(out, 'tree-sitter.wasm'));
    fs.copyFileSync(path.join(repoRoot, 'grammar/tree-sitter-wit.wasm'), path.join(out, 'tree-sitter-wit.wasm'));
    fs.copyFileSync(path.join(repoRoot, 'grammar-wac/tree-sitter-wac.wasm'), path.join(out, 'tree-sitter-wac.wasm'));
    process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
    return path.join(out, 'server.js');
  })();
  return built;
}

type Listener = (params: any) => void;

export class WacLspClient {
  private proc!: ChildProcess;
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private readonly listeners: Listener[] = [];
  private readonly versions = new Map<string, number>();
  /** The last diagnostics published for each uri, with their version. */
  private readonly latest = new Map<string, { version?: number; diagnostics: any[] }>();
  stderr = '';

  async start(root: string, env: NodeJS.ProcessEnv = {}): Promise<any> {
    const server = await buildServer();
    this.proc = spawn(process.execPath, [server, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, WIT_WAC_DEBOUNCE_MS: '20', ...env },
    });
    this.proc.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: null,
      capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    });
    this.notify('initialized', {});
    return result.capabilities;
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  open(file: string, text = fs.readFileSync(file, 'utf8'), languageId = 'wac'): string {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** The first diagnostics published for `uri` at `version` or later. */
  diagnostics(uri: string, version = 1): Promise<any[]> {
    return new Promise((resolve) => {
      const listener: Listener = (p) => {
        if (p.uri !== uri || !(typeof p.version === 'number' && p.version >= version)) return;
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(p.diagnostics);
      };
      this.listeners.push(listener);
    });
  }

  /**
   * The diagnostics once wac's answer for `version` (or later) is merged in: the server
   * publishes its own at each edit, then wac's merged after the pause. `wac/composed`
   * answers once the checks asked for are published (and they come first on the pipe).
   */
  async checked(uri: string, version = 1): Promise<any[]> {
    await this.request('wac/composed', { uri });
    const last = this.latest.get(uri);
    if (!last || !(typeof last.version === 'number' && last.version >= version))
      throw new Error(`no diagnostics for ${uri} at version ${version}: ${JSON.stringify(last)}`);
    return last.diagnostics;
  }

  async stop(): Promise<void> {
    if (!this.proc || this.proc.exitCode !== null) return;
    const exited = new Promise((resolve) => this.proc.on('exit', resolve));
    await this.request('shutdown', null).catch(() => this.proc.kill());
    this.notify('exit', null);
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
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (msg.id !== undefined && msg.method === undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error.message));
        else p?.resolve(msg.result);
      } else if (msg.id !== undefined) {
        this.send({
          jsonrpc: '2.0',
          id: msg.id,
          result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => null) : null,
        });
      } else if (msg.method === 'textDocument/publishDiagnostics') {
        this.latest.set(msg.params.uri, { version: msg.params.version, diagnostics: msg.params.diagnostics });
        for (const l of [...this.listeners]) l(msg.params);
      }
    }
  }
}

/** A copy of test/fixtures/wac (the deps' symlinks followed) in a temporary folder. */
export function fixtureWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-wac-ws-'));
  fs.cpSync(path.join(repoRoot, 'test/fixtures/wac'), dir, { recursive: true, dereference: true });
  return dir;
}
