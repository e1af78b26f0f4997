// The terminal of a `wasm-component` run task. Work that must happen at run
// time happens here: read the component's world to choose run or serve, find
// the runtime and check its version for that (offering jco when wasmtime is
// missing or too old), then start the process from an argument list and show
// its output and exit code; grants the component cannot use are warned about.
import { readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeCommandLine, jcoLimitations, runCommandLine } from './commandLines';
import { componentKindOfFile } from './componentWorld';
import { locateJco, writePreopenModule } from './jcoLayout';
import { startProcess, type RunningProcess } from './processRunner';
import { decideMode, makeRunPlan } from './runPlan';
import type { RunTask, Runtime } from './taskDefinition';
import { checkedTool, defaultRuntime, reportToolProblem } from './toolSettings';
import type { RequirementKey } from '../../../common/tools/minimums';
import { readComponent } from '../../../common/component/reader';
import { capabilitiesOf } from '../../../common/component/capabilities';
import { expandEnvRefs, grantProblems } from './grants';

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
    private task: RunTask,
    private readonly folder: vscode.WorkspaceFolder | undefined,
    private readonly runId: string | undefined,
    /** Asks for the grants a marked task leaves to the user (grantPrompt.ts): the task to run, or why not. */
    private readonly prepare?: (task: RunTask, print: (text: string) => void) => Promise<RunTask | string>,
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

  /** run or serve: the task's, else read from the component's exports (no tool needed). */
  private async mode(program: string): Promise<'cli' | 'http' | { error: string }> {
    if (this.task.mode !== 'auto') return this.task.mode;
    const { kind, error } = await componentKindOfFile(program);
    return decideMode('auto', kind, error);
  }

  /**
   * The runtime to start, checked for this mode (found, answering --version,
   * new enough); a wasmtime that fails the check may be swapped for jco.
   * When there is none, the exit code to end with (the reason was printed and shown).
   */
  private async runtime(mode: 'cli' | 'http'): Promise<{ runtime: Runtime; path: string } | { exitCode: number }> {
    const use = (r: Runtime): RequirementKey =>
      r === 'jco' ? (mode === 'http' ? 'jcoServe' : 'jcoRun') : mode === 'http' ? 'wasmtimeServe' : 'wasmtimeRun';
    let runtime = this.task.runtime ?? defaultRuntime();
    let checked = await checkedTool(use(runtime), runtime, this.folder);
    if (!checked.ok && runtime === 'wasmtime' && checked.problem !== 'untrusted') {
      this.print(`${checked.message}\n`);
      if ((await reportToolProblem(checked, true)) !== 'useJco') return { exitCode: checked.problem === 'missing' ? 127 : 1 };
      runtime = 'jco';
      checked = await checkedTool(use(runtime), runtime, this.folder);
      if (checked.ok) this.print('Running with jco instead.\n');
    }
    if (!checked.ok) {
      void reportToolProblem(checked, false);
      this.print(`${checked.message}\n`);
      return { exitCode: checked.problem === 'missing' ? 127 : 1 };
    }
    return { runtime, path: checked.path };
  }

  private async run(): Promise<void> {
    const folderPath = this.folder?.uri.fsPath ?? process.cwd();
    if (!this.task.program) return this.finish(1, 'This run task names no "program" (the component .wasm to run).\n');
    if (this.prepare) {
      const prepared = await this.prepare(this.task, (text) => this.print(text));
      if (typeof prepared === 'string') return this.finish(1, prepared);
      this.task = prepared;
    }
    // `${env:NAME}` (a variable passed from this machine, grants.ts) gets this machine's value.
    this.task = { ...this.task, env: expandEnvRefs(this.task.env, process.env) };
    // The program's path does not depend on the runtime: resolve it once to read its world.
    const program = makeRunPlan(this.task, { runtime: 'wasmtime', runtimePath: '', mode: 'cli', folder: folderPath }).program;
    const mode = await this.mode(program);
    if (typeof mode !== 'string') return this.finish(1, `${mode.error}\n`);
    const found = await this.runtime(mode);
    if ('exitCode' in found) return this.finish(found.exitCode);
    const { runtime } = found;
    const plan = makeRunPlan(this.task, { runtime, runtimePath: found.path, mode, folder: folderPath });
    if (runtime === 'jco' && plan.dirs.length > 0) plan.jcoSetupModule = await this.preopenSetup(found.path, plan.dirs);
    for (const note of jcoLimitations(plan)) this.print(`note: ${note}\n`);
    // Grants against what the component imports (a component that cannot be read is the runtime's to report).
    const report = await readFile(plan.program).then(
      (b) => capabilitiesOf(readComponent(b)),
      () => undefined,
    );
    const grants = report ? grantProblems(plan, report) : { warnings: [], notes: [] };
    for (const w of grants.warnings) this.print(`warning: ${w}\n`);
    for (const n of grants.notes) this.print(`note: ${n}\n`);
    const line = runCommandLine(plan);
    this.print(`> ${describeCommandLine(line)}\n`);
    if (this.stopped) return this.finish(130);
    this.process = startProcess(line, (text) => this.print(text));
    const code = await this.process.done;
    const signal = await this.process.signal;
    if (plan.jcoSetupModule) await rm(plan.jcoSetupModule, { force: true });
    // A runtime killed by a signal the user did not send crashed: say so, not just a number.
    if (signal && !this.stopped) return this.finish(code, `\n${runtime} was killed by ${signal} (exit code ${code}).\n`);
    this.finish(code, `\nThe component exited with code ${code}.\n`);
  }
}
