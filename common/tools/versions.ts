// Versions of the external tools: read from what each tool prints for its
// version (every tool has its own format, pinned with real outputs in
// test/tasks/toolVersions.test.ts) and compared as semver (a pre-release sorts
// before its release, so 21.0.0git is not taken for a newer 21.0.0).
// No `vscode` import: the client's tasks and the server's bindings share it.
import type { ToolId } from './minimums';

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release or build suffix as printed (`rc1`, `git`, `-dev`), if any. */
  pre?: string;
  /** The version as the user would recognise it (`19.0.2`, `go1.26.8` -> `1.26.8`, `16` for a name-only LLDB). */
  text: string;
}

const SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?([-+.]?[0-9A-Za-z][0-9A-Za-z.+-]*)?$/;

/** `19.0.0`, `v0.7.0`, `1.26`, `21.0.0git`, `1.24rc1`; undefined for anything else. */
export function parseVersion(text: string): Version | undefined {
  const m = SEMVER.exec(text.trim());
  if (!m) return undefined;
  const pre = m[4]?.replace(/^[-+.]/, '') || undefined;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), pre, text: text.trim().replace(/^v/, '') };
}

/** Negative when a < b. A version with a pre-release suffix is before the same version without one. */
export function compareVersions(a: Version, b: Version): number {
  const d = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (d !== 0) return d;
  if (!a.pre !== !b.pre) return a.pre ? -1 : 1;
  return 0;
}

/** The first match of `re` (group 1 = the version) in the tool's output, read as a version. */
function first(re: RegExp, output: string): Version | undefined {
  const m = re.exec(output);
  return m ? parseVersion(m[1]) : undefined;
}

/**
 * The version in a tool's version output (stdout and stderr together), or
 * undefined when the output does not say one in the tool's known format.
 * Each pattern is anchored on the tool's own name so that an unrelated number
 * (a date, a hash, a wrapper's banner) is never taken for the version.
 */
export function readVersion(tool: ToolId, output: string): Version | undefined {
  const v = String.raw`v?(\d+\.\d+(?:\.\d+)?[0-9A-Za-z.+-]*)`;
  switch (tool) {
    case 'wasmtime': // `wasmtime 48.0.8 (abc123 2025-..)`; before 14: `wasmtime-cli 13.0.0`
      return first(new RegExp(String.raw`^wasmtime(?:-cli)?\s+${v}`, 'm'), output);
    case 'jco': // `1.35.0` (commander prints the bare package version)
      return first(new RegExp(String.raw`^\s*${v}\s*$`, 'm'), output);
    case 'componentizePy': // `componentize-py 0.25.1`
      return first(new RegExp(String.raw`^componentize-py\s+${v}`, 'm'), output);
    case 'witBindgen': // `wit-bindgen-cli 0.63.0` (clap prints the crate's name)
      return first(new RegExp(String.raw`^wit-bindgen(?:-cli)?\s+${v}`, 'm'), output);
    case 'cargoComponent': // `cargo-component-component 0.21.1 (...)`, as `cargo component --version` prints it
      return first(new RegExp(String.raw`^cargo-component(?:-component)?\s+${v}`, 'm'), output);
    case 'wasmTools': // `wasm-tools 1.263.0 (...)`
      return first(new RegExp(String.raw`^wasm-tools\s+${v}`, 'm'), output);
    case 'wac': // `wac-cli 0.12.0`
      return first(new RegExp(String.raw`^wac(?:-cli)?\s+${v}`, 'm'), output);
    case 'wkg': // `wkg 0.16.1`
      return first(new RegExp(String.raw`^wkg\s+${v}`, 'm'), output);
    case 'witBindgenGo': // `wit-bindgen-go version v0.7.0`
      return first(new RegExp(String.raw`^wit-bindgen-go\s+version\s+${v}`, 'm'), output);
    case 'go': // `go version go1.26.8 linux/amd64`, `go version devel go1.27-abc ...`, `go1.24rc1`
      return first(/\bgo version (?:devel )?go(\d+(?:\.\d+){0,2}(?:rc\d+|beta\d+)?)/, output);
    case 'clang': // `Debian clang version 16.0.6 (15~deb12u1)`, `clang version 19.1.5 (wasi-sdk ...)`
      return first(/\bclang version (\d+\.\d+\.\d+)/, output);
    case 'lldbDap': // LLVM >= 21 `lldb-dap: LLVM (http://llvm.org/):\n  LLVM version 21.1.0`; lldb itself `lldb version 16.0.6`
      return first(/\b(?:LLVM|lldb) version (\d+\.\d+\.\d+[0-9A-Za-z.+-]*)/, output);
  }
}

/**
 * LLDB's DAP server printed no version before LLVM 21 (lldb-vscode-16 given
 * `--version` starts the adapter and ends at end of input, printing nothing);
 * Debian's and LLVM's own names carry the major version: lldb-vscode-16, lldb-dap-19.
 */
export function versionFromName(tool: ToolId, executable: string): Version | undefined {
  if (tool !== 'lldbDap') return undefined;
  const m = /lldb-(?:dap|vscode)-(\d+)(?:\.exe)?$/.exec(executable);
  return m ? { major: Number(m[1]), minor: 0, patch: 0, text: m[1] } : undefined;
}
