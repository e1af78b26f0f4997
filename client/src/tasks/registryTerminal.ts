// The terminal of a `wasm-component` publish, push or pull task: finds wkg
// (the wit.tools.wkg setting, then PATH), runs the task's wkg steps
// (packages/registryRun.ts) and prints what they print, redacted, then one
// sentence saying what was done or what failed, naming the registry and the
// package. Closing the terminal (or the progress notification's Cancel, which
// terminates the task) stops wkg. The palette commands wait on onDidFinishRegistryTask.
import * as os from 'node:os';
import * as path from 'node:path';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { runRegistryTask, type RegistryRunResult } from '../packages/registryRun';
import { findFetchTool } from '../packages/quickFixes';
import { wkgConfigPath } from '../packages/wkgToml';
import type { RegistryTask } from './registryTask';

export interface RegistryTaskResult extends RegistryRunResult {
  runId?: string;
  /** What the task does (registryTaskKey): how a command finds its run's end when VS Code ran the tasks.json twin instead. */
  key: string;
  exitCode: number;
}

const finished = new vscode.EventEmitter<RegistryTaskResult>();
/** Fires when a publish, push or pull task ends. */
export const onDidFinishRegistryTask = finished.event;

/** Seconds a registry task's wkg run may take (wit.packages.registryTimeout). */
export function registryTimeoutSeconds(): number {
  return vscode.workspace.getConfiguration().get<number>('wit.packages.registryTimeout') ?? 300;
}

/** wkg: the user's wit.tools.wkg (a trusted workspace's own value too), else the first on PATH. */
export function findWkg(): string | undefined {
  const configured = vscode.workspace.getConfiguration().get<string>('wit.tools.wkg') || undefined;
  const expanded = configured?.startsWith('~/') ? path.join(os.homedir(), configured.slice(2)) : configured;
  return findFetchTool('wkg', expanded, process.env.PATH);
}

/** The identity of a registry task: its action and what it names (a command and its tasks.json entry give the same key). */
export function registryTaskKey(task: RegistryTask): string {
  return JSON.stringify(
    Object.entries(task)
      .filter(([, v]) => v !== undefined && v !== false)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export class RegistryTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private readonly controller = new AbortController();
  private opened = false;
  private done = false;

  constructor(
    private readonly task: RegistryTask,
    private readonly folder: vscode.WorkspaceFolder | undefined,
    private readonly runId: string | undefined,
  ) {}

  open(): void {
    this.opened = true;
    void this.run().catch((e: unknown) => this.finish({ ok: false, message: e instanceof Error ? e.message : String(e), output: '' }));
  }

  close(): void {
    this.controller.abort();
    // Closed before it ever opened (a cancel while VS Code was still setting the terminal up): nothing ran, say so.
    if (!this.opened) {
      const message = 'Cancelled before wkg started; nothing was changed.';
      this.finish({ ok: false, message, failure: { kind: 'cancelled', message, detail: '' }, output: '' });
    }
  }

  private print(text: string): void {
    this.written.fire(text.replace(/\r?\n/g, '\r\n'));
  }

  private finish(result: RegistryRunResult): void {
    if (this.done) return;
    this.done = true;
    const exitCode = result.ok ? 0 : (result.outcome?.code ?? 1) || 1;
    finished.fire({ ...result, runId: this.runId, key: registryTaskKey(this.task), exitCode });
    this.closed.fire(exitCode);
  }

  private async run(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      const message = 'Registry tasks run wkg, which is disabled in an untrusted workspace. Trust the workspace to publish or pull.';
      this.print(`${message}\r\n`);
      return this.finish({ ok: false, message, output: '' });
    }
    const wkg = findWkg();
    if (!wkg) {
      const message = 'wkg was not found on PATH. Install it (cargo install wkg) or set wit.tools.wkg.';
      this.print(`${message}\r\n`);
      return this.finish({ ok: false, message, output: '' });
    }
    const configText = await readFile(wkgConfigPath(process.env, os.homedir()), 'utf8').catch(() => undefined);
    const root = this.folder?.uri.fsPath ?? process.cwd();
    const result = await runRegistryTask(this.task, wkg, {
      root,
      configText,
      timeoutMs: registryTimeoutSeconds() * 1000,
      signal: this.controller.signal,
      print: (t) => this.print(t),
    });
    this.finish(result);
  }
}
