// The five language fixtures (test/fixtures/langs/<lang>, one shared WIT world
// in langs/wit) and how a test builds one: the `wasm-component` build task a
// user would write, read by parseTaskDefinition and built by the extension's
// own code (buildCommandLine + startProcess for one-process builders,
// buildSteps + runBuild for go and clang), with the real tools found on PATH.
// Each build runs on a copy of the fixture (and of the WIT beside it) in a
// temp folder, so generated bindings and __pycache__ stay out of the tree.
// Go and cargo keep their downloads and build caches under $WIT_DEVKIT_CACHE
// (GOMODCACHE, GOCACHE, CARGO_HOME, a shared CARGO_TARGET_DIR), so a second
// run is offline and quick.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSteps, type StepTools } from '../../client/src/tasks/buildSteps';
import { buildCommandLine, runCommandLine, type BuildTools, type RunPlan } from '../../client/src/tasks/commandLines';
import { prepareComponentizeBuild, preview1Adapter } from '../../client/src/tasks/jcoLayout';
import { startProcess } from '../../client/src/tasks/processRunner';
import { runBuild } from '../../client/src/tasks/stepRunner';
import { parseTaskDefinition, type BuildTask } from '../../client/src/tasks/taskDefinition';
import type { LiveTool, ToolPaths } from '../live';

export const repo = path.resolve(__dirname, '../..');
export const cacheRoot = process.env.WIT_DEVKIT_CACHE ?? path.join(homedir(), '.cache/wit-devkit');

export type Lang = 'c' | 'go' | 'rust' | 'python' | 'js';
export const LANGS: readonly Lang[] = ['c', 'go', 'rust', 'python', 'js'];

export const langsDir = path.join(repo, 'test/fixtures/langs');

/** The tools a language's build and run need (besides wasmtime, which runs it). */
export const BUILD_TOOLS: Record<Lang, LiveTool[]> = {
  c: ['wit-bindgen', 'clang-16', 'wasm-tools', 'jco'],
  go: ['wit-bindgen-go', 'go', 'wasm-tools', 'jco'],
  rust: ['cargo'],
  python: ['componentize-py'],
  js: ['jco'],
};

/**
 * The task definition each fixture is built with, as tasks.json would say it
 * (the WIT is the shared ../wit). `output` is where the component goes,
 * relative to the fixture folder (cargo's is in its target folder).
 */
export function taskFor(lang: Lang, output: string, wit = '../wit'): Record<string, unknown> {
  const common = { type: 'wasm-component', action: 'build', wit, world: 'hello' };
  switch (lang) {
    case 'c':
      return { ...common, builder: 'clang', sources: ['hello.c'], output };
    case 'go':
      return { ...common, builder: 'go', output };
    case 'rust':
      return { type: 'wasm-component', action: 'build', builder: 'cargo' };
    case 'python':
      return { ...common, builder: 'componentize-py', source: 'app', output };
    case 'js':
      return { ...common, builder: 'jco-componentize', source: 'app.js', output };
  }
}

/**
 * The WASI options (`-S`) a fixture's run needs: componentize-js's engine
 * (StarlingMonkey) imports wasi:http/types for fetch even in a command (jco
 * 1.35's `--disable http` leaves the import in), and `wasmtime run` links
 * wasi:http only with -S http.
 */
export const RUN_WASI: Record<Lang, string[]> = { c: [], go: [], rust: [], python: [], js: ['http'] };

/** Caches for Go and cargo under the one cache root (the brief's layout). */
export function buildEnv(): Record<string, string> {
  const go = path.join(cacheRoot, 'toolchain/go');
  return {
    GOPATH: go,
    GOMODCACHE: path.join(go, 'mod'),
    GOCACHE: path.join(go, 'cache'),
    CARGO_HOME: process.env.CARGO_HOME ?? path.join(cacheRoot, 'toolchain/cargo-home'),
    // Shared by the working and the broken crate: wit-bindgen is compiled once.
    CARGO_TARGET_DIR: path.join(cacheRoot, 'langs/cargo-target'),
  };
}

/** Where a cargo build of the fixture crate leaves its component. */
export function cargoComponent(crate: string, release = false): string {
  return path.join(buildEnv().CARGO_TARGET_DIR, 'wasm32-wasip2', release ? 'release' : 'debug', `${crate.replace(/-/g, '_')}.wasm`);
}

/**
 * Copies `langs/wit` and the fixture folder `relative` (e.g. `go`, `broken/go`)
 * into a temp folder, keeping the layout (the fixture's `../wit` or
 * `../../wit` is still the WIT); returns the fixture's copy.
 */
export function copyFixture(relative: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wit-langs-'));
  cpSync(path.join(langsDir, 'wit'), path.join(root, 'wit'), { recursive: true });
  const dest = path.join(root, relative);
  mkdirSync(path.dirname(dest), { recursive: true });
  cpSync(path.join(langsDir, relative), dest, { recursive: true });
  return dest;
}

/** Removes the temp copy made by copyFixture(relative) that `dir` is in. */
export function removeCopy(dir: string, relative: string): void {
  rmSync(path.resolve(dir, ...relative.split('/').map(() => '..')), { recursive: true, force: true });
}

/** The WIT folder as a fixture at `relative` names it. */
export const witFrom = (relative: string): string => `${'../'.repeat(relative.split('/').length)}wit`;

export interface BuildResult {
  code: number;
  /** Everything the build printed, in order (what the task's terminal shows). */
  out: string;
}

/** Builds `task` in `cwd` through the extension's code, with the tools found for the test. */
export async function buildWithTask(raw: Record<string, unknown>, cwd: string, tools: Partial<ToolPaths>): Promise<BuildResult> {
  const task = parseTaskDefinition(raw);
  if (typeof task === 'string' || task.action !== 'build') throw new Error(`not a build task: ${String(task)}`);
  let out = '';
  const print = (text: string) => (out += text);
  const env = buildEnv();
  if (task.builder === 'go' || task.builder === 'clang') {
    const stepTools: StepTools = {
      go: tools.go,
      witBindgenGo: tools['wit-bindgen-go'],
      clang: tools['clang-16'],
      witBindgen: tools['wit-bindgen'],
      wasmTools: tools['wasm-tools'],
      adapter: tools.jco ? preview1Adapter(tools.jco) : undefined,
      clangSysroot: '/usr',
    };
    const code = await runBuild(cwd, (paths) => buildSteps(task as BuildTask, stepTools, paths), print, env).done;
    return { code, out };
  }
  const jco = tools.jco ?? 'jco';
  const buildTools: BuildTools = {
    cargo: tools.cargo ?? 'cargo',
    jco,
    componentizePy: tools['componentize-py'] ?? 'componentize-py',
    jcoNode: task.builder === 'jco-componentize' ? prepareComponentizeBuild(jco, path.join(tmpdir(), 'wit-devkit-build')) : undefined,
  };
  const line = buildCommandLine(task, buildTools);
  if (typeof line === 'string') throw new Error(line);
  const code = await startProcess({ ...line, cwd: path.resolve(cwd, line.cwd ?? '.'), env: { ...line.env, ...env } }, print).done;
  return { code, out };
}

/** The component a fixture build wrote (cargo: the crate named in its Cargo.toml, in the shared target folder). */
export function builtOutput(lang: Lang, cwd: string, output: string): string {
  if (lang !== 'rust') return path.resolve(cwd, output);
  const name = /^name = "([^"]+)"/m.exec(readFileSync(path.join(cwd, 'Cargo.toml'), 'utf8'))?.[1];
  if (!name) throw new Error(`no package name in ${cwd}/Cargo.toml`);
  return cargoComponent(name);
}

/** Runs a built component as the run task does (runCommandLine + startProcess) to its end. */
export async function runComponent(runtimePath: string, over: Partial<RunPlan> & Pick<RunPlan, 'program'>): Promise<BuildResult> {
  const plan: RunPlan = {
    runtime: 'wasmtime',
    runtimePath,
    mode: 'cli',
    args: [],
    addr: '127.0.0.1:0',
    dirs: [],
    env: {},
    wasi: [],
    ...over,
  };
  let out = '';
  const code = await startProcess(runCommandLine(plan), (text) => (out += text)).done;
  return { code, out };
}
