// The wasm-tools a differential run judges against, and how its verdict is read.
// Two references matter: the shared wrapper (Debian's 1.239, the one the
// corpus notes were written against) and the newest release the toolchain
// installs ($WIT_DEVKIT_CACHE/bin/wasm-tools, what users have). Every runner
// takes `--wasm-tools PATH` or $WIT_WASM_TOOLS, so both can be asked.
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';

const shared = path.resolve(__dirname, '..', '..', '..', 'shared');

/** The shared wrapper around Debian's wasm-tools 1.239 (the historical default). */
export const SHARED_WASM_TOOLS = path.join(shared, 'tools', 'wasm-tools');

/** Where scripts/toolchain/install.sh links the pinned (newest) wasm-tools. */
export const TOOLCHAIN_WASM_TOOLS = path.join(
  process.env.WIT_DEVKIT_CACHE || path.join(homedir(), '.cache/wit-devkit'),
  'bin',
  'wasm-tools',
);

export interface WasmTools {
  path: string;
  /** `1.239.0`, from `wasm-tools --version`. */
  version: string;
}

/**
 * The wasm-tools chosen on the command line (`--wasm-tools PATH`, or `newest` for
 * the toolchain's), else $WIT_WASM_TOOLS, else the shared 1.239 wrapper.
 */
export function chooseWasmTools(argv: readonly string[] = process.argv.slice(2)): WasmTools {
  const i = argv.indexOf('--wasm-tools');
  let chosen = (i >= 0 ? argv[i + 1] : undefined) || process.env.WIT_WASM_TOOLS || SHARED_WASM_TOOLS;
  if (chosen === 'newest') chosen = TOOLCHAIN_WASM_TOOLS;
  if (chosen === 'shared' || chosen === '1.239') chosen = SHARED_WASM_TOOLS;
  if (!existsSync(chosen)) throw new Error(`wasm-tools not found at ${chosen}`);
  return { path: chosen, version: wasmToolsVersion(chosen) };
}

export function wasmToolsVersion(tool: string): string {
  const out = execFileSync(tool, ['--version'], { encoding: 'utf8', timeout: 120_000 });
  const m = /(\d+\.\d+\.\d+)/.exec(out);
  if (!m) throw new Error(`cannot read the version of ${tool}: ${out}`);
  return m[1];
}

export interface Verdict {
  error: boolean;
  /** The error's text without the source excerpt (its first lines). */
  message: string;
  /** All of it: the cause a deep chain ends with (a dependency's error) is past the first lines. */
  detail?: string;
  /** Absolute path, 1-based line and column of the error, when it has one. */
  file?: string;
  line?: number;
  col?: number;
}

/**
 * `wasm-tools component wit --features active TARGET`: what wit-parser's test
 * suite does (`Resolve::push_path` with the `active` feature) for a folder (with
 * its deps/), a single .wit file, or a .wat/.wasm package. The target is made
 * absolute so the `-->` location names an absolute path.
 */
export function runWasmTools(tool: string, target: string, features: readonly string[] = ['active']): Verdict {
  const args = ['component', 'wit', ...(features.length ? ['--features', features.join(',')] : []), path.resolve(target)];
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
    return { error: false, message: '' };
  } catch (e) {
    const err = e as { stderr?: Buffer; signal?: string };
    if (err.signal) throw new Error(`wasm-tools ${args.join(' ')} killed by ${err.signal}`);
    const stderr = String(err.stderr ?? '');
    const loc = /-->\s+(.+?):(\d+):(\d+)/.exec(stderr);
    const lines = stderr.split('\n').filter((l) => l.trim() && !/^\s*(\||-->|\d+ \|)/.test(l));
    const message = lines.slice(0, 3).join(' / ');
    const detail = lines.join(' / ');
    return loc
      ? { error: true, message, detail, file: path.resolve(loc[1]), line: Number(loc[2]), col: Number(loc[3]) }
      : { error: true, message, detail };
  }
}

/** Compares dotted versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number),
    pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
