// Finds the external tools (wasmtime, jco, lldb-dap, cargo, componentize-py):
// the path the user set, else the first of the tool's names found on PATH or in
// the extra folders given (e.g. the workspace's node_modules/.bin for jco).
// The file-system probe is injected so tests decide what "exists".
// No `vscode` import.
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

export type ToolName = 'wasmtime' | 'jco' | 'lldbDap' | 'cargo' | 'componentizePy';

/** The executable names each tool goes by, in the order they are tried. */
export const TOOL_EXECUTABLES: Record<ToolName, readonly string[]> = {
  wasmtime: ['wasmtime'],
  jco: ['jco'],
  // LLVM renamed lldb-vscode to lldb-dap in LLVM 18; Debian suffixes the version
  // (lldb-16 ships /usr/bin/lldb-vscode-16).
  lldbDap: ['lldb-dap', 'lldb-vscode', ...[20, 19, 18].map((v) => `lldb-dap-${v}`), ...[17, 16, 15, 14].map((v) => `lldb-vscode-${v}`)],
  cargo: ['cargo'],
  componentizePy: ['componentize-py'],
};

/** The setting that holds a tool's path (only some tools have one). */
export const TOOL_SETTINGS: Partial<Record<ToolName, string>> = {
  wasmtime: 'wit.tools.wasmtime',
  jco: 'wit.tools.jco',
  lldbDap: 'wit.tools.lldbDap',
  componentizePy: 'wit.tools.componentizePy',
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
}

export type LookupResult =
  | { found: true; path: string; source: 'setting' | 'search' }
  | { found: false; reason: string };

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
  const dirs = [
    ...(input.extraDirs ?? []),
    ...(input.pathEnv ?? '').split(win ? ';' : ':').filter(Boolean),
    ...(input.fallbackDirs ?? []),
  ];
  const suffixes = win ? ['.exe', '.cmd', ''] : [''];
  for (const name of names) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = path.join(dir, name + suffix);
        if (isExec(candidate)) return { found: true, path: candidate, source: 'search' };
      }
    }
  }
  const where = setting ? `on PATH or at ${setting}` : 'on PATH';
  return { found: false, reason: `${names[0]} was not found ${where}` };
}

/** How to get a missing tool, for the message that says it is missing. */
export const INSTALL_HINTS: Record<ToolName, string> = {
  wasmtime: 'Install wasmtime: `curl https://wasmtime.dev/install.sh -sSf | bash` (https://docs.wasmtime.dev/cli-install.html), or set wit.tools.wasmtime. jco can run components too (set wit.runtime to "jco").',
  jco: 'Install jco: `npm install -D @bytecodealliance/jco` in the workspace, or set wit.tools.jco.',
  lldbDap: 'Install LLDB with its DAP server (lldb-dap, formerly lldb-vscode; Debian: `apt-get install lldb-16` gives lldb-vscode-16), or set wit.tools.lldbDap.',
  cargo: 'Install Rust (https://rustup.rs) and cargo-component (`cargo install cargo-component`).',
  componentizePy: 'Install componentize-py: `pip install componentize-py`.',
};
