// Every process the extension starts to build or run a component, as a program
// and an argument LIST (never a shell string): a path with spaces, quotes, `;`
// or `$(...)` reaches the program as exactly one argument and runs nothing else.
// The flags follow each tool's documented CLI:
//   wasmtime run   [-D debug-info] [-O opt-level=0] [--dir H[::G]] [--env K=V] [-S opt] <component> <args...>
//   wasmtime serve --addr <ip:port> [-S cli] [--dir ...] [--env ...] [-S opt] <component>
//     (wasmtime stops reading its own options at the component: the rest go to the guest)
//   jco run <component> [--jco-import <setup.mjs>] -- <args...>   (`--` keeps guest args like `--jco-dir` from jco)
//   jco serve <component> --host <ip> --port <n> [--jco-import <setup.mjs>]
//   cargo component build [--release]
//   cargo build --target wasm32-wasip2 [--release]   (rustc links the component: no adapter, no cargo-component)
//   jco componentize <source> --wit <wit> [--world-name <w>] -o <out>
//     (npm's jco: node --import <preload> <jco.js> componentize ..., see jcoLayout.ts)
//   componentize-py -d <wit> [-w <world>] componentize <module> -o <out>
// No `vscode` import: unit tests pin these lists exactly.
import type { BuildTask, Runtime } from './taskDefinition';

export interface CommandLine {
  command: string;
  args: string[];
  cwd?: string;
  /** Variables added to the process environment (jco passes its env to the guest). */
  env?: Record<string, string>;
}

/** Resolved paths of the build tools (each defaults to its bare name). */
export interface BuildTools {
  cargo: string;
  jco: string;
  componentizePy: string;
  /** When set, `jco componentize` runs as `node --import <preload> <script> ...` (see jcoLayout.ts). */
  jcoNode?: { script: string; preload: string };
}

/** Everything a run needs, with defaults already filled in. */
export interface RunPlan {
  runtime: Runtime;
  /** Path of wasmtime or jco, as found. */
  runtimePath: string;
  mode: 'cli' | 'http';
  program: string;
  args: string[];
  addr: string;
  dirs: string[];
  env: Record<string, string>;
  wasi: string[];
  cwd?: string;
  /** jco only: a module `--jco-import` loads first (it sets the preopens, see jcoLayout.ts). */
  jcoSetupModule?: string;
}

/** The Rust target whose linker writes a WASI 0.2 component (Rust 1.82+). */
export const CARGO_TARGET = 'wasm32-wasip2';

/** The output a JS/Python build writes when the task names none. */
export function defaultOutput(source: string): string {
  const base = source.replace(/\.(m?[jt]s|py)$/, '');
  return `${base}.wasm`;
}

/** The build's command line, or a message saying what the task is missing. */
export function buildCommandLine(task: BuildTask, tools: BuildTools): CommandLine | string {
  const extra = task.args ?? [];
  const cwd = task.cwd;
  switch (task.builder) {
    case 'cargo-component':
      return { command: tools.cargo, args: ['component', 'build', ...(task.release ? ['--release'] : []), ...extra], cwd };
    case 'cargo':
      return { command: tools.cargo, args: ['build', '--target', CARGO_TARGET, ...(task.release ? ['--release'] : []), ...extra], cwd };
    case 'jco-componentize': {
      if (!task.source) return 'jco componentize needs "source": the JS/TS module to componentize';
      const args = ['componentize', task.source, '--wit', task.wit ?? 'wit'];
      if (task.world) args.push('--world-name', task.world);
      args.push('-o', task.output ?? defaultOutput(task.source), ...extra);
      if (tools.jcoNode) return { command: 'node', args: ['--import', tools.jcoNode.preload, tools.jcoNode.script, ...args], cwd };
      return { command: tools.jco, args, cwd };
    }
    case 'componentize-py': {
      if (!task.source) return 'componentize-py needs "source": the Python module of the app (e.g. "app")';
      const args = ['-d', task.wit ?? 'wit'];
      if (task.world) args.push('-w', task.world);
      args.push('componentize', task.source, '-o', task.output ?? defaultOutput(task.source), ...extra);
      return { command: tools.componentizePy, args, cwd };
    }
    case 'command': {
      const [command, ...rest] = task.command ?? [];
      if (!command) return 'builder "command" needs "command": ["program", "arg", ...]';
      return { command, args: [...rest, ...extra], cwd };
    }
    case 'go':
    case 'clang':
      return `builder "${task.builder}" runs in several steps (buildSteps.ts), not as one command line`;
  }
}

/** `wasmtime --dir/--env/-S` options, shared by run, serve and the debugger. */
function wasmtimeCapabilities(plan: RunPlan): string[] {
  const out: string[] = [];
  for (const dir of plan.dirs) out.push('--dir', dir);
  for (const [name, value] of Object.entries(plan.env)) out.push('--env', `${name}=${value}`);
  for (const option of plan.wasi) out.push('-S', option);
  return out;
}

/** wasmtime's flags that make a component debuggable from its DWARF. */
export const WASMTIME_DEBUG_FLAGS = ['-D', 'debug-info', '-O', 'opt-level=0'] as const;

/**
 * `wasmtime serve` links only the wasi:http/proxy world unless `-S cli` is
 * given, and http components built on a libc import more of WASI (the
 * componentize-py one imports wasi:cli/environment): without it they fail with "component imports instance `wasi:cli/environment@...`, but a
 * matching implementation was not found in the linker". So serve turns it on,
 * unless the task's "wasi" says otherwise (`cli=n`, or `common`, its old name).
 */
function serveCliOption(plan: RunPlan): string[] {
  return plan.wasi.some((o) => /^(cli|common)(=|$)/.test(o)) ? [] : ['-S', 'cli'];
}

/** The arguments after `wasmtime` for this plan; `debug` adds the DWARF flags. */
export function wasmtimeArgs(plan: RunPlan, debug = false): string[] {
  const debugFlags = debug ? [...WASMTIME_DEBUG_FLAGS] : [];
  if (plan.mode === 'http') {
    return ['serve', ...debugFlags, '--addr', plan.addr, ...serveCliOption(plan), ...wasmtimeCapabilities(plan), plan.program];
  }
  return ['run', ...debugFlags, ...wasmtimeCapabilities(plan), plan.program, ...plan.args];
}

/** Splits `host:port` (or `[v6]:port`) for jco serve's --host/--port. */
export function splitAddr(addr: string): { host: string; port: string } {
  const m = /^\[?([^\]]*?)\]?:(\d+)$/.exec(addr);
  if (m) return { host: m[1] || '127.0.0.1', port: m[2] };
  if (/^\d+$/.test(addr)) return { host: '127.0.0.1', port: addr };
  return { host: addr, port: '8080' };
}

/** The arguments after `jco` for this plan. */
export function jcoArgs(plan: RunPlan): string[] {
  const setup = plan.jcoSetupModule ? ['--jco-import', plan.jcoSetupModule] : [];
  if (plan.mode === 'http') {
    const { host, port } = splitAddr(plan.addr);
    return ['serve', plan.program, '--host', host, '--port', port, ...setup];
  }
  return ['run', plan.program, ...setup, '--', ...plan.args];
}

/**
 * The run's command line. wasmtime gets env vars as `--env` flags (it gives the
 * guest nothing by default); jco's shim hands the guest its own process
 * environment, so there they go into the process's env.
 */
export function runCommandLine(plan: RunPlan): CommandLine {
  if (plan.runtime === 'jco') {
    const env = Object.keys(plan.env).length > 0 ? { ...plan.env } : undefined;
    return { command: plan.runtimePath, args: jcoArgs(plan), cwd: plan.cwd, env };
  }
  return { command: plan.runtimePath, args: wasmtimeArgs(plan), cwd: plan.cwd };
}

/** What jco cannot honour of a plan, so the user is told instead of surprised. */
export function jcoLimitations(plan: RunPlan): string[] {
  const notes: string[] = [];
  if (plan.runtime !== 'jco') return notes;
  if (plan.dirs.length > 0 && !plan.jcoSetupModule)
    notes.push('"dirs" are not applied: jco\'s WASI shim could not be found to set the preopens, so the component sees no directories');
  if (plan.wasi.length > 0) notes.push('"wasi" (-S) options are wasmtime options and are not applied by jco');
  if (plan.mode === 'http' && plan.args.length > 0) notes.push('"args" are not passed to an HTTP component');
  return notes;
}

/** The command line as one readable string, for messages (never executed). */
export function describeCommandLine(line: CommandLine): string {
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return [line.command, ...line.args].map(quote).join(' ');
}
