// Finds the external tools (wasmtime, jco, lldb-dap, cargo, componentize-py):
// the path the user set, else the first of the tool's names found on PATH or in
// the extra folders given (e.g. the workspace's node_modules/.bin for jco).
// The file-system probe is injected so tests decide what "exists".
// No `vscode` import: the server's generators and the client's tasks share it.
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

export type ToolName =
  'wasmtime' | 'jco' | 'lldbDap' | 'cargo' | 'componentizePy' | 'go' | 'witBindgenGo' | 'clang' | 'witBindgen' | 'wasmTools';

/** The executable names each tool goes by, in the order they are tried. */
export const TOOL_EXECUTABLES: Record<ToolName, readonly string[]> = {
  wasmtime: ['wasmtime'],
  jco: ['jco'],
  // LLVM renamed lldb-vscode to lldb-dap in LLVM 18; Debian suffixes the version
  // (lldb-16 ships /usr/bin/lldb-vscode-16).
  lldbDap: ['lldb-dap', 'lldb-vscode', ...[20, 19, 18].map((v) => `lldb-dap-${v}`), ...[17, 16, 15, 14].map((v) => `lldb-vscode-${v}`)],
  cargo: ['cargo'],
  componentizePy: ['componentize-py'],
  // The go and clang builds (buildSteps.ts). Debian names its clang after the
  // LLVM version (clang-16 with wasi-libc); wasi-sdk's is `clang`.
  go: ['go'],
  witBindgenGo: ['wit-bindgen-go'],
  clang: ['clang', ...[22, 21, 20, 19, 18, 17, 16].map((v) => `clang-${v}`)],
  witBindgen: ['wit-bindgen'],
  wasmTools: ['wasm-tools'],
};

/** The setting that holds a tool's path (only some tools have one). */
export const TOOL_SETTINGS: Partial<Record<ToolName, string>> = {
  wasmtime: 'wit.tools.wasmtime',
  jco: 'wit.tools.jco',
  lldbDap: 'wit.tools.lldbDap',
  componentizePy: 'wit.tools.componentizePy',
  witBindgen: 'wit.tools.witBindgen',
};

export type IsExecutable = (file: string) => boolean;

export const isExecutableFile: IsExecutable = (file) => {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export interface LookupInput {
  tool: ToolName;
  /** The path from settings, if any (already trust-filtered by the caller). */
  configured?: string;
  /** The PATH variable to search. */
  pathEnv?: string;
  /** Folders searched before PATH (e.g. `<workspace>/node_modules/.bin`). */
  extraDirs?: string[];
  /** Folders searched after PATH (e.g. the extension's own node_modules/.bin). */
  fallbackDirs?: string[];
  isExecutable?: IsExecutable;
  platform?: NodeJS.Platform;
  /** Windows executable suffixes (PATHEXT). */
  pathExt?: string;
}

export type LookupResult = { found: true; path: string; source: 'setting' | 'search' } | { found: false; reason: string };

/** Where the tool is, or why it is not there (said in words for the user). */
export function lookupTool(input: LookupInput): LookupResult {
  const isExec = input.isExecutable ?? isExecutableFile;
  const win = (input.platform ?? process.platform) === 'win32';
  const names = TOOL_EXECUTABLES[input.tool];
  const setting = TOOL_SETTINGS[input.tool];
  if (input.configured) {
    if (isExec(input.configured)) return { found: true, path: input.configured, source: 'setting' };
    return { found: false, reason: `${setting ?? input.tool} is set to "${input.configured}", which is not an executable file` };
  }
  const dirs = [...(input.extraDirs ?? []), ...(input.pathEnv ?? '').split(win ? ';' : ':').filter(Boolean), ...(input.fallbackDirs ?? [])];
  const suffixes = win ? [...(input.pathExt ?? process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean), ''] : [''];
  const join = win ? path.win32.join : path.posix.join;
  for (const name of names) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, name + suffix);
        if (isExec(candidate)) return { found: true, path: candidate, source: 'search' };
      }
    }
  }
  const where = setting ? `on PATH or at ${setting}` : 'on PATH';
  return { found: false, reason: `${names[0]} was not found ${where}` };
}

/** The tool's path on PATH (no setting), or undefined. */
export function findOnPath(tool: ToolName, pathEnv = process.env.PATH ?? ''): string | undefined {
  const r = lookupTool({ tool, pathEnv });
  return r.found ? r.path : undefined;
}

/** How to get a missing tool, for the message that says it is missing. */
export const INSTALL_HINTS: Record<ToolName, string> = {
  wasmtime:
    'Install wasmtime: `curl https://wasmtime.dev/install.sh -sSf | bash` (https://docs.wasmtime.dev/cli-install.html), or set wit.tools.wasmtime. jco can run components too (set wit.runtime to "jco").',
  jco: 'Install jco: `npm install -D @bytecodealliance/jco` in the workspace, or set wit.tools.jco.',
  lldbDap:
    'Install LLDB with its DAP server (lldb-dap, formerly lldb-vscode; Debian: `apt-get install lldb-16` gives lldb-vscode-16), or set wit.tools.lldbDap.',
  cargo: 'Install Rust (https://rustup.rs) and cargo-component (`cargo install cargo-component`).',
  componentizePy: 'Install componentize-py: `pip install componentize-py`.',
  go: 'Install Go 1.24 or later (https://go.dev/dl/).',
  witBindgenGo: 'Install wit-bindgen-go: `go install go.bytecodealliance.org/cmd/wit-bindgen-go@latest`.',
  clang:
    "Install a clang that targets WASI: wasi-sdk (https://github.com/WebAssembly/wasi-sdk/releases, set WASI_SDK_PATH) or Debian's `apt-get install clang-16 lld-16 wasi-libc libclang-rt-16-dev-wasm32`.",
  witBindgen: 'Install wit-bindgen: `cargo install wit-bindgen-cli`, or set wit.tools.witBindgen.',
  wasmTools: 'Install wasm-tools: `cargo install wasm-tools` (https://github.com/bytecodealliance/wasm-tools).',
};
