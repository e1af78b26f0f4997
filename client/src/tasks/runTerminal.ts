// The terminal of a `wasm-component` run task. Work that must happen at run
// time happens here: find the runtime (offering jco when wasmtime is missing),
// read the component's world to choose run or serve, then start the process
// from an argument list and show its output and exit code.
import { rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeCommandLine, jcoLimitations, runCommandLine } from './commandLines';
import { componentKind, jcoWitReader } from './componentWorld';
import { locateJco, writePreopenModule } from './jcoLayout';
import { startProcess, type RunningProcess } from './processRunner';
import { decideMode, makeRunPlan } from './runPlan';
import type { RunTask } from './taskDefinition';
import { defaultRuntime, findTool, reportMissingTool } from './toolSettings';

export interface RunResult {
  runId?: string;
  exitCode: number;
  /** Everything the run printed (stdout and stderr, in order). */
  output: string;
}

const finished = new vscode.EventEmitter<RunResult>();
/** Fires when a run task's process ends (the palette command waits on it). */
export const onDidFinishRun = finished.event;

export class RunTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private process: RunningProcess | undefined;
  private output = '';
  private stopped = false;

  constructor(
    private readonly task: RunTask,
    private readonly folder: vscode.WorkspaceFolder | undefined,
    private readonly runId: string | undefined,
  ) {}

  open(): void {
    void this.run().catch((e: unknown) => this.finish(1, `${e instanceof Error ? e.message : String(e)}\n`));
  }

  close(): void {
    this.stopped = true;
    this.process?.stop();
  }

  handleInput(data: string): void {
    this.process?.write(data === '\r' ? '\n' : data);
  }

  private print(text: string): void {
    this.output += text;
    this.written.fire(text.replace(/\r?\n/g, '\r\n'));
  }

  private finish(exitCode: number, message?: string): void {
    if (message) this.print(message);
    finished.fire({ runId: this.runId, exitCode, output: this.output });
    this.closed.fire(exitCode);
  }

  /** jco's stand-in for wasmtime --dir: a setup module loaded with --jco-import. */
  private async preopenSetup(jcoPath: string, dirs: string[]): Promise<string | undefined> {
    const jco = await locateJco(jcoPath);
    if (typeof jco === 'string') return undefined; // jcoLimitations() then says the dirs are not applied
    return writePreopenModule(path.join(os.tmpdir(), 'wit-devkit-run'), jco.shimDir, dirs);
  }

  private async run(): Promise<void> {
    const folderPath = this.folder?.uri.fsPath ?? process.cwd();
    if (!this.task.program) return this.finish(1, 'This run task names no "program" (the component .wasm to run).\n');
    let runtime = this.task.runtime ?? defaultRuntime();
    let tool = findTool(runtime, this.folder);
    if (!tool.found && runtime === 'wasmtime') {
      this.print(`${tool.reason}.\n`);
      if ((await reportMissingTool('wasmtime', tool.reason, true)) !== 'useJco') return this.finish(127);
      runtime = 'jco';
      tool = findTool('jco', this.folder);
      this.print('Running with jco instead.\n');
    }
    if (!tool.found) {
      void reportMissingTool(runtime, tool.reason, false);
      return this.finish(127, `${tool.reason}.\n`);
    }
    // Reading the world needs jco; without it an explicit mode still runs.
    const jco = runtime === 'jco' ? tool : findTool('jco', this.folder);
    const plan0 = makeRunPlan(this.task, { runtime, runtimePath: tool.path, mode: 'cli', folder: folderPath });
    let mode: 'cli' | 'http' | { error: string } = this.task.mode === 'auto' ? { error: '' } : this.task.mode;
    if (this.task.mode === 'auto') {
      if (!jco.found) return this.finish(1, `Cannot tell whether this is a command or an HTTP component (${jco.reason}); set "mode" to "cli" or "http".\n`);
      const { kind, error } = await componentKind(plan0.program, jcoWitReader(jco.path));
      mode = decideMode('auto', kind, error);
    }
    if (typeof mode !== 'string') return this.finish(1, `${mode.error}\n`);
    const plan = { ...plan0, mode };
    if (runtime === 'jco' && plan.dirs.length > 0) plan.jcoSetupModule = await this.preopenSetup(tool.path, plan.dirs);
    for (const note of jcoLimitations(plan)) this.print(`note: ${note}\n`);
    const line = runCommandLine(plan);
    this.print(`> ${describeCommandLine(line)}\n`);
    if (this.stopped) return this.finish(130);
    this.process = startProcess(line, (text) => this.print(text));
    const code = await this.process.done;
    if (plan.jcoSetupModule) await rm(plan.jcoSetupModule, { force: true });
    this.finish(code, `\nThe component exited with code ${code}.\n`);
  }
}
