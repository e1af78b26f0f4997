// The terminal of a go or clang build task (several processes, buildSteps.ts).
// At run time it finds every tool the steps start, and says which are missing
// and how to get them before anything runs; then it runs the steps
// (stepRunner.ts) and shows their output unchanged, so the task's problem
// matchers read the compilers' own lines, and ends with the failing step's
// exit code.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildSteps, type StepTools } from './buildSteps';
import { preview1Adapter } from './jcoLayout';
import { runBuild, type StepRun } from './stepRunner';
import type { BuildTask } from './taskDefinition';
import { INSTALL_HINTS, type ToolName } from '../../../common/tools/toolLookup';
import { findTool } from './toolSettings';

/** The tools each stepped builder starts, in the order its steps do. */
export const STEP_TOOLS: Record<'go' | 'clang', ToolName[]> = {
  go: ['witBindgenGo', 'go', 'wasmTools'],
  clang: ['witBindgen', 'clang', 'wasmTools'],
};

/**
 * The clang to use: wasi-sdk's when WASI_SDK_PATH says where it is (its
 * convention), else the first found. Debian's clang has no WASI sysroot of its
 * own; wasi-libc's lives in /usr (usr/lib/wasm32-wasi), so it gets
 * --sysroot=/usr; a clang with a share/wasi-sysroot beside it needs none.
 */
function clangTool(folder: vscode.WorkspaceFolder | undefined): { path?: string; sysroot?: string; missing?: string } {
  const sdk = process.env.WASI_SDK_PATH;
  const found =
    sdk && existsSync(path.join(sdk, 'bin', 'clang'))
      ? { found: true as const, path: path.join(sdk, 'bin', 'clang') }
      : findTool('clang', folder);
  if (!found.found) return { missing: found.reason };
  const builtIn = existsSync(path.join(path.dirname(found.path), '..', 'share', 'wasi-sysroot'));
  const sysroot = !builtIn && existsSync('/usr/lib/wasm32-wasi') ? '/usr' : undefined;
  return { path: found.path, sysroot };
}

/** The adapter the extension ships beside its bundle (esbuild.mjs copies jco's into dist/adapters). */
function shippedAdapter(): string | undefined {
  const file = path.join(__dirname, 'adapters', 'wasi_snapshot_preview1.reactor.wasm');
  return existsSync(file) ? file : undefined;
}

export class BuildTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private run: StepRun | undefined;

  constructor(
    private readonly task: BuildTask & { builder: 'go' | 'clang' },
    private readonly folder: vscode.WorkspaceFolder | undefined,
  ) {}

  open(): void {
    try {
      this.start();
    } catch (e) {
      this.finish(1, `${e instanceof Error ? e.message : String(e)}\n`);
    }
  }

  close(): void {
    this.run?.stop();
  }

  private print(text: string): void {
    this.written.fire(text.replace(/\r?\n/g, '\r\n'));
  }

  private finish(code: number, message?: string): void {
    if (message) this.print(message);
    this.closed.fire(code);
  }

  private start(): void {
    const tools: StepTools = {};
    const missing: string[] = [];
    for (const tool of STEP_TOOLS[this.task.builder]) {
      if (tool === 'clang') {
        const clang = clangTool(this.folder);
        if (clang.missing) missing.push(`${clang.missing}. ${INSTALL_HINTS.clang}`);
        tools.clang = clang.path;
        tools.clangSysroot = clang.sysroot;
        continue;
      }
      const found = findTool(tool, this.folder);
      if (!found.found) missing.push(`${found.reason}. ${INSTALL_HINTS[tool]}`);
      else tools[tool as 'go' | 'witBindgenGo' | 'witBindgen' | 'wasmTools'] = found.path;
    }
    if (missing.length > 0) {
      this.finish(1, `Cannot build: ${missing.join('\n')}\n`);
      return;
    }
    if (!this.task.adapter) {
      const jco = findTool('jco', this.folder);
      tools.adapter = (jco.found ? preview1Adapter(jco.path) : undefined) ?? shippedAdapter();
    }
    const root = this.folder?.uri.fsPath ?? process.cwd();
    const cwd = path.resolve(root, this.task.cwd ?? '.');
    this.run = runBuild(
      cwd,
      (paths) => buildSteps(this.task, tools, paths),
      (text) => this.print(text),
    );
    void this.run.done.then(
      (code) => this.finish(code),
      (e: unknown) => this.finish(1, `${e instanceof Error ? e.message : String(e)}\n`),
    );
  }
}
