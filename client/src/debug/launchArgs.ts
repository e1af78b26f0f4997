// Launch configurations of type `wasm-component`, and what each becomes:
//   runtime wasmtime -> a launch request for the user's lldb-dap (lldb-vscode),
//     debugging `wasmtime run -D debug-info -O opt-level=0 ... <component> <args>`
//     so breakpoints in the component's C/Rust source bind through its DWARF;
//   runtime jco      -> a launch of VS Code's built-in Node debugger on a small
//     runner that transpiles with jco (the core module keeps its DWARF) and runs it.
// No `vscode` import: unit tests pin these objects exactly.
import { wasmtimeArgs, type RunPlan } from '../tasks/commandLines';
import { DEFAULT_SERVE_ADDR, RUNTIMES, type Runtime } from '../tasks/taskDefinition';

export const DEBUG_TYPE = 'wasm-component';

/** The attributes a `wasm-component` launch config may carry (package.json schema). */
export interface ComponentLaunchConfig {
  type?: string;
  request?: string;
  name?: string;
  /** The component (.wasm) to debug. */
  program?: string;
  args?: string[];
  runtime?: Runtime;
  cwd?: string;
  /** Preopened directories, `HOST` or `HOST::GUEST` (wasmtime --dir). */
  dirs?: string[];
  env?: Record<string, string>;
  /** WASI options for wasmtime, each passed as `-S <option>`. */
  wasi?: string[];
  preLaunchTask?: string;
  /** Path of lldb-dap / lldb-vscode (overrides wit.tools.lldbDap). */
  debuggerPath?: string;
  /** Path of wasmtime or jco (overrides wit.tools.wasmtime / wit.tools.jco). */
  runtimePath?: string;
  stopOnEntry?: boolean;
  [key: string]: unknown;
}

/** A launch request as VS Code hands it to a debug adapter. */
export interface LaunchRequest {
  type: string;
  request: string;
  name: string;
  [key: string]: unknown;
}

export interface FillContext {
  /** wit.runtime */
  defaultRuntime: Runtime;
  /** The component the workspace's build makes (built already or not), if known. */
  builtComponent?: string;
  /** The label of the workspace's build task, if one was detected. */
  buildTaskLabel?: string;
}

/**
 * Fills what a launch config leaves out: the whole config when F5 is pressed
 * with no launch.json, the runtime from wit.runtime, the built component as
 * `program` and the build task as `preLaunchTask` (only when we also chose the
 * program: a user-named program keeps the user's choice of task).
 * Returns an error message when there is nothing to debug.
 */
export function fillLaunchConfig(config: ComponentLaunchConfig, ctx: FillContext): ComponentLaunchConfig | string {
  const out: ComponentLaunchConfig = { ...config };
  out.type ??= DEBUG_TYPE;
  out.request ??= 'launch';
  out.name ??= 'Debug WebAssembly component';
  if (out.runtime !== undefined && !RUNTIMES.includes(out.runtime)) {
    return `"runtime" must be one of ${RUNTIMES.join(', ')} (got "${String(out.runtime)}")`;
  }
  out.runtime ??= ctx.defaultRuntime;
  if (!out.program) {
    if (!ctx.builtComponent) {
      return 'Set "program" to the component (.wasm) to debug: no built component or build task was found in the workspace.';
    }
    out.program = ctx.builtComponent;
    if (ctx.buildTaskLabel && out.preLaunchTask === undefined) out.preLaunchTask = ctx.buildTaskLabel;
  }
  out.args ??= [];
  return out;
}

/** The run plan a launch config describes (debugged as a wasi:cli command). */
export function planFromLaunch(config: ComponentLaunchConfig, runtimePath: string): RunPlan {
  return {
    runtime: config.runtime ?? 'wasmtime',
    runtimePath,
    mode: 'cli',
    program: config.program ?? '',
    args: config.args ?? [],
    addr: DEFAULT_SERVE_ADDR,
    dirs: config.dirs ?? [],
    env: config.env ?? {},
    wasi: config.wasi ?? [],
    cwd: config.cwd,
  };
}

/**
 * lldb reads JIT code's debug info through the GDB JIT interface that wasmtime
 * registers; wasmtime's docs ask for this setting where it is off by default.
 */
export const LLDB_INIT_COMMANDS = ['settings set plugin.jit-loader.gdb.enable on'];

/** The launch request lldb-dap receives for runtime wasmtime. */
export function lldbDapLaunch(config: ComponentLaunchConfig, wasmtimePath: string): LaunchRequest {
  const plan = planFromLaunch(config, wasmtimePath);
  return {
    type: DEBUG_TYPE,
    request: 'launch',
    name: config.name ?? 'Debug WebAssembly component',
    program: wasmtimePath,
    args: wasmtimeArgs(plan, true),
    cwd: config.cwd,
    // The guest's variables travel as --env flags; wasmtime itself needs none.
    env: [],
    initCommands: LLDB_INIT_COMMANDS,
    stopOnEntry: config.stopOnEntry === true,
    // Kept for the adapter factory and for anyone reading the resolved config.
    component: config.program,
    runtime: 'wasmtime',
    ...(config.preLaunchTask !== undefined ? { preLaunchTask: config.preLaunchTask } : {}),
    ...(config.debuggerPath !== undefined ? { debuggerPath: config.debuggerPath } : {}),
  };
}

/**
 * The launch VS Code's Node debugger receives for runtime jco: the runner
 * (jcoDebugPrep.ts) with its argument list. Returned from the first resolve
 * step, so the Node debugger's own resolution and variable substitution apply
 * and the preLaunchTask (the build) runs before the runner transpiles.
 */
export function nodeDebugLaunch(config: ComponentLaunchConfig, runner: string, runnerArgs: string[]): LaunchRequest {
  return {
    type: 'node',
    request: 'launch',
    name: config.name ?? 'Debug WebAssembly component',
    program: runner,
    args: runnerArgs,
    ...(config.cwd !== undefined ? { cwd: config.cwd } : {}),
    // jco's WASI shim hands the guest the process environment.
    env: config.env ?? {},
    // Output in the Debug Console, the exit code printed by the runner.
    console: 'internalConsole',
    outputCapture: 'std',
    stopOnEntry: config.stopOnEntry === true,
    skipFiles: ['<node_internals>/**'],
    ...(config.preLaunchTask !== undefined ? { preLaunchTask: config.preLaunchTask } : {}),
  };
}

/** What is missing for a launch, in words, with the setting that fixes it. */
export function missingToolMessage(tool: 'wasmtime' | 'jco' | 'lldbDap', reason: string, hint: string): { message: string; setting: string } {
  const setting = tool === 'lldbDap' ? 'wit.tools.lldbDap' : `wit.tools.${tool}`;
  return { message: `Cannot start debugging: ${reason}. ${hint}`, setting };
}
