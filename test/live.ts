// Live tests drive real tools (wasmtime, wit-bindgen, componentize-py, Go, wac,
// wkg, clang, cargo...). Each one asks for its tools here, first thing: when a
// tool is missing the test is skipped WITH the reason, and either way the
// outcome is appended to the live report ($WIT_DEVKIT_LIVE_REPORT, a JSON-lines
// file the test orchestrator sets), which scripts/test-all.mjs sums up as
// `live: N ran, M skipped (tool: why)` and fails CI on when a required tool
// (wasmtime, wit-bindgen, componentize-py) was skipped.
// Tools are looked up on PATH, which scripts/toolchainEnv.mjs starts with
// $WIT_DEVKIT_CACHE/bin (where scripts/toolchain/install.sh links them).
// No `vscode` import: node:test suites and the extension-host suites share it.
import { appendFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { isExecutableFile } from '../common/tools/toolLookup';

export type LiveTool =
  | 'wasmtime'
  | 'wasm-tools'
  | 'wit-bindgen'
  | 'wac'
  | 'wkg'
  | 'cargo-component'
  | 'componentize-py'
  | 'wit-bindgen-go'
  | 'go'
  | 'clang-16'
  | 'clang++-16'
  | 'cargo'
  | 'rustc'
  | 'jco'
  | 'lldb-dap'
  | 'node'
  // `registry`: the distribution OCI registry the registry live tests start on 127.0.0.1.
  | 'registry'
  | 'wit-deps';

/** The executables a tool may be found as (first found wins). */
const EXECUTABLES: Partial<Record<LiveTool, string[]>> = {
  'lldb-dap': ['lldb-dap', 'lldb-vscode-16', 'lldb-vscode'],
};

/** The tools whose skip fails CI: the product drives them and they install here. */
export const REQUIRED_LIVE_TOOLS: readonly LiveTool[] = ['wasmtime', 'wit-bindgen', 'componentize-py'];

// The first folder above holding a package.json: test/ when run from source,
// out/test/... when the extension-host suites run compiled.
function findRepoRoot(): string {
  let dir = path.resolve(__dirname, '..');
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const repoRoot = findRepoRoot();

/** Where a tool is: the repo's own jco, else the first match on PATH. */
export function findLiveTool(tool: LiveTool): string | undefined {
  if (tool === 'node') return process.execPath;
  if (tool === 'jco') {
    const local = path.join(repoRoot, 'node_modules/.bin/jco');
    return existsSync(local) ? local : undefined;
  }
  for (const name of EXECUTABLES[tool] ?? [tool]) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      if (dir && isExecutableFile(path.join(dir, name))) return path.join(dir, name);
    }
  }
  return undefined;
}

export interface LiveRecord {
  test: string;
  ran: boolean;
  /** For a skip: the tools missing and why, e.g. `wasmtime: not on PATH`. */
  missing?: Array<{ tool: string; why: string }>;
}

/** Appends one outcome to the live report (no-op when no report is being kept). */
export function recordLive(record: LiveRecord): void {
  const file = process.env.WIT_DEVKIT_LIVE_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(record)}\n`);
}

export type ToolPaths = Record<LiveTool, string>;

/**
 * Looks the tools up and records the outcome. Returns their paths, or a
 * reason (every missing tool, with why) when the test must skip.
 */
export function requireTools(
  test: string,
  tools: readonly LiveTool[],
  extraChecks: Array<() => { tool: string; why: string } | undefined> = [],
): { paths: ToolPaths } | { reason: string } {
  const paths = {} as ToolPaths;
  const missing: Array<{ tool: string; why: string }> = [];
  for (const tool of tools) {
    const found = findLiveTool(tool);
    if (found) paths[tool] = found;
    else
      missing.push({
        tool,
        why: tool === 'jco' ? 'node_modules/.bin/jco missing (npm ci)' : 'not on PATH (scripts/toolchain/install.sh installs it)',
      });
  }
  for (const check of extraChecks) {
    const problem = check();
    if (problem) missing.push(problem);
  }
  recordLive({ test, ran: missing.length === 0, missing: missing.length ? missing : undefined });
  if (missing.length) return { reason: missing.map((m) => `${m.tool}: ${m.why}`).join('; ') };
  return { paths };
}

/** For node:test: `const tools = live(t, ['wasmtime']); if (!tools) return;` */
export function live(
  t: { name: string; skip(message?: string): void },
  tools: readonly LiveTool[],
  extraChecks: Parameters<typeof requireTools>[2] = [],
): ToolPaths | undefined {
  const result = requireTools(t.name, tools, extraChecks);
  if ('reason' in result) {
    console.log(`skipped: ${t.name} (${result.reason})`);
    t.skip(result.reason);
    return undefined;
  }
  return result.paths;
}

/** For mocha (extension-host suites): call with the test's `this`; skips by throwing. */
export function liveMocha(ctx: { test?: { title: string }; skip(): never }, tools: readonly LiveTool[]): ToolPaths {
  const name = ctx.test?.title ?? 'e2e';
  const result = requireTools(name, tools);
  if ('reason' in result) {
    console.log(`skipped: ${name} (${result.reason})`);
    ctx.skip();
  }
  return (result as { paths: ToolPaths }).paths;
}
