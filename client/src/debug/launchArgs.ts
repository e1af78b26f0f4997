// Launch configurations of type `wasm-component`, and what each becomes:
//   runtime wasmtime -> a launch request for the user's lldb-dap (lldb-vscode),
//     debugging `wasmtime run -C cache=n -D debug-info -O opt-level=0 ... <component> <args>`
//     (or `wasmtime serve ...` with "mode": "http") so breakpoints in the
//     component's C/Rust source bind through its DWARF (lldbCommands.ts: how
//     they are bound before VS Code sets them);
//   runtime jco      -> a launch of VS Code's built-in Node debugger on a small
//     runner that transpiles with jco (the core module keeps its DWARF) and runs it.
// No `vscode` import: unit tests pin these objects exactly.
import { wasmtimeArgs, type RunPlan } from '../tasks/commandLines';
import { JIT_LOADER_ON, preloadCommands } from './lldbCommands';
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
  /** runtime wasmtime: `cli` (wasmtime run, the default) or `http` (wasmtime serve). */
  mode?: 'cli' | 'http';
  /** `wasmtime serve --addr` for mode http (default 127.0.0.1:8080). */
  addr?: string;
  /** lldb-dap's source map, [[built path prefix, local path prefix], ...]: for a component built elsewhere. */
  sourceMap?: Array<[string, string]>;
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
  if (out.mode !== undefined && out.mode !== 'cli' && out.mode !== 'http') {
    return `"mode" must be cli or http (got "${String(out.mode)}")`;
  }
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

/** The run plan a launch config describes (a wasi:cli command unless mode is http). */
export function planFromLaunch(config: ComponentLaunchConfig, runtimePath: string): RunPlan {
  return {
    runtime: config.runtime ?? 'wasmtime',
    runtimePath,
    mode: config.mode ?? 'cli',
    program: config.program ?? '',
    args: config.args ?? [],
    addr: config.addr ?? DEFAULT_SERVE_ADDR,
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
export const LLDB_INIT_COMMANDS = [JIT_LOADER_ON];

/**
 * wasmtime's flags for a debugged run: the DWARF flags, and no compilation
 * cache. Found by trying wasmtime 49 under lldb 16: code loaded from the cache
 * (any run after the first) stops at a breakpoint, but continuing or stepping
 * from it faults (SIGSEGV at the breakpoint's address + 1, its int3 still in
 * memory); freshly compiled code continues normally.
 */
export function debugWasmtimeArgs(plan: RunPlan): string[] {
  const [subcommand, ...rest] = wasmtimeArgs(plan, true);
  return [subcommand, '-C', 'cache=n', ...rest];
}

/**
 * Run when the debuggee exits: lldb prints `Process N exited with status = C`
 * in the Debug Console. lldb-dap's `exited` event carries the code, but
 * VS Code shows it nowhere, and the user looks for the exit code there.
 */
export const LLDB_EXIT_COMMANDS = ['process status'];

/** How long lldb-dap waits for wasmtime to compile the component (launchCommands' stop), in seconds. */
export const COMPILE_TIMEOUT_SECONDS = 120;

/** The launch request lldb-dap receives for runtime wasmtime. */
export function lldbDapLaunch(config: ComponentLaunchConfig, wasmtimePath: string): LaunchRequest {
  const plan = planFromLaunch(config, wasmtimePath);
  const args = debugWasmtimeArgs(plan);
  // Without launchCommands (an argument with a line break) breakpoints still
  // bind, when the JIT code is registered, just not in setBreakpoints' answer.
  const preload = preloadCommands(args, config.cwd) ?? { initCommands: LLDB_INIT_COMMANDS };
  return {
    type: DEBUG_TYPE,
    request: 'launch',
    name: config.name ?? 'Debug WebAssembly component',
    program: wasmtimePath,
    // Read by lldb-dap only without launchCommands; kept for readers either way.
    args,
    cwd: config.cwd,
    // The guest's variables travel as --env flags; wasmtime itself needs none.
    env: [],
    ...preload,
    exitCommands: LLDB_EXIT_COMMANDS,
    timeout: COMPILE_TIMEOUT_SECONDS,
    stopOnEntry: config.stopOnEntry === true,
    ...(config.sourceMap !== undefined ? { sourceMap: config.sourceMap } : {}),
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
export function missingToolMessage(
  tool: 'wasmtime' | 'jco' | 'lldbDap',
  reason: string,
  hint: string,
): { message: string; setting: string } {
  const setting = tool === 'lldbDap' ? 'wit.tools.lldbDap' : `wit.tools.${tool}`;
  return { message: `Cannot start debugging: ${reason}. ${hint}`, setting };
}
