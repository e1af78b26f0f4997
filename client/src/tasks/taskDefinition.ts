// The `wasm-component` task definition: what a tasks.json entry may say, read
// into typed values. package.json's `taskDefinitions` holds the same schema for
// the editor; this module is the one place the extension interprets it.
// No `vscode` import: everything here is plain data, tested without VS Code.
// The registry actions (publish, push, pull) are read in registryTask.ts.
import { parseRegistryTask, registryTaskLabel, REGISTRY_ACTIONS, type RegistryAction, type RegistryTask } from './registryTask';

export const TASK_TYPE = 'wasm-component';

export type Runtime = 'wasmtime' | 'jco';
export const RUNTIMES: readonly Runtime[] = ['wasmtime', 'jco'];

/**
 * How a component gets built, one builder per language's own toolchain:
 *   cargo-component   cargo component build
 *   cargo             cargo build --target wasm32-wasip2 (rustc links the component itself)
 *   go                wit-bindgen-go, go build (wasip1), wasm-tools component embed + new (buildSteps.ts)
 *   clang             wit-bindgen c, clang (wasm32-wasi), wasm-tools component new (buildSteps.ts)
 *   jco-componentize  jco componentize (JS/TS)
 *   componentize-py   componentize-py componentize (Python)
 *   command           a program the user names
 */
export type Builder = 'cargo-component' | 'cargo' | 'go' | 'clang' | 'jco-componentize' | 'componentize-py' | 'command';
export const BUILDERS: readonly Builder[] = ['cargo-component', 'cargo', 'go', 'clang', 'jco-componentize', 'componentize-py', 'command'];

/** How a built component runs: decided by its world unless the task says. */
export type RunMode = 'auto' | 'cli' | 'http';

export interface BuildTask {
  action: 'build';
  builder: Builder;
  /** Folder the build runs in (relative to the workspace folder). */
  cwd?: string;
  /** cargo-component / cargo: `--release`; go / clang: an optimized build without debug info. */
  release?: boolean;
  /** jco-componentize: the JS/TS entry; componentize-py: the Python app module. */
  source?: string;
  /** clang: the C files to compile (the generated bindings are added). */
  sources?: string[];
  /** jco-componentize / componentize-py / go / clang: the WIT folder or file. */
  wit?: string;
  /** jco-componentize / componentize-py / go / clang: the world to target. */
  world?: string;
  /** jco-componentize / componentize-py / go / clang: the component to write. */
  output?: string;
  /** go / clang: the folder the WIT bindings are generated into (default `gen`). */
  bindings?: string;
  /** go / clang: the wasi_snapshot_preview1 reactor adapter (default: the one jco ships). */
  adapter?: string;
  /** clang: the WASI sysroot (default: Debian's wasi-libc in /usr, none for wasi-sdk's clang). */
  sysroot?: string;
  /** builder `command`: program and arguments, one array element each. */
  command?: string[];
  /** Extra arguments appended to the builder's own. */
  args?: string[];
}

export interface RunTask {
  action: 'run';
  /** The component (.wasm) to run. */
  program?: string;
  /** Arguments handed to the component (wasi:cli args). */
  args?: string[];
  runtime?: Runtime;
  mode: RunMode;
  /** `wasmtime serve --addr` / `jco serve --host --port`. */
  addr?: string;
  /** Preopened directories: `HOST` or `HOST::GUEST`, as `wasmtime --dir` takes them. */
  dirs?: string[];
  /** Environment variables for the component. */
  env?: Record<string, string>;
  /** WASI options, each passed as `-S <option>` (e.g. `http`, `inherit-network`). */
  wasi?: string[];
  cwd?: string;
}

export type ComponentTask = BuildTask | RunTask | RegistryTask;

/** The default address wasmtime serve documents: 0.0.0.0:8080; we stay on loopback. */
export const DEFAULT_SERVE_ADDR = '127.0.0.1:8080';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const optString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const optStrings = (v: unknown): string[] | undefined => (isStringArray(v) ? [...v] : undefined);

function optEnv(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

/**
 * Reads a task definition as found in tasks.json. Returns an error string
 * (shown to the user) rather than guessing when the definition is unusable.
 */
export function parseTaskDefinition(raw: Record<string, unknown>): ComponentTask | string {
  const action = raw.action;
  if (action === 'build') {
    const builder = raw.builder === undefined && isStringArray(raw.command) ? 'command' : raw.builder;
    if (!BUILDERS.includes(builder as Builder)) {
      return `wasm-component build task: "builder" must be one of ${BUILDERS.join(', ')}`;
    }
    const command = optStrings(raw.command);
    if (builder === 'command' && (!command || command.length === 0)) {
      return 'wasm-component build task: builder "command" needs "command": ["program", "arg", ...]';
    }
    return {
      action,
      builder: builder as Builder,
      cwd: optString(raw.cwd),
      release: raw.release === true,
      source: optString(raw.source),
      sources: optStrings(raw.sources),
      wit: optString(raw.wit),
      world: optString(raw.world),
      output: optString(raw.output),
      bindings: optString(raw.bindings),
      adapter: optString(raw.adapter),
      sysroot: optString(raw.sysroot),
      command,
      args: optStrings(raw.args),
    };
  }
  if (action === 'run') {
    const runtime = raw.runtime;
    if (runtime !== undefined && !RUNTIMES.includes(runtime as Runtime)) {
      return `wasm-component run task: "runtime" must be one of ${RUNTIMES.join(', ')}`;
    }
    const mode = raw.mode ?? 'auto';
    if (mode !== 'auto' && mode !== 'cli' && mode !== 'http') {
      return 'wasm-component run task: "mode" must be auto, cli or http';
    }
    return {
      action,
      program: optString(raw.program),
      args: optStrings(raw.args),
      runtime: runtime as Runtime | undefined,
      mode,
      addr: optString(raw.addr),
      dirs: optStrings(raw.dirs),
      env: optEnv(raw.env),
      wasi: optStrings(raw.wasi),
      cwd: optString(raw.cwd),
    };
  }
  if (REGISTRY_ACTIONS.includes(action as RegistryAction)) return parseRegistryTask(raw);
  return 'wasm-component task: "action" must be "build", "run", "publish", "push" or "pull"';
}

/** A short label for the task list: what it does, to which component. */
export function taskLabel(task: ComponentTask): string {
  if (task.action === 'publish' || task.action === 'push' || task.action === 'pull') return registryTaskLabel(task);
  if (task.action === 'build') {
    if (task.builder === 'command') return `build: ${(task.command ?? []).join(' ')}`;
    return `build (${task.builder})`;
  }
  const name = task.program ? task.program.split(/[\\/]/).pop() : 'component';
  return task.mode === 'http' ? `serve ${name}` : `run ${name}`;
}
