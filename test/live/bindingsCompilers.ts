// Each language's compiler run over generated bindings as a user would run it,
// returning the compiler's own verdict (exit status and output) for the test
// to assert on. Processes start from argument lists, never a shell string.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile, spawnSync } from 'node:child_process';
import { listTree } from './bindingsCases';

export interface Verdict {
  ok: boolean;
  command: string;
  output: string;
}

const cacheRoot = process.env.WIT_DEVKIT_CACHE ?? path.join(os.homedir(), '.cache/wit-devkit');
const toolchain = path.join(cacheRoot, 'toolchain');

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Shown instead of the arguments. */ label?: string;
}

export function run(file: string, args: string[], opts: RunOptions = {}): Promise<Verdict> {
  const command = opts.label ?? [path.basename(file), ...args].join(' ');
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: opts.cwd, env: opts.env ?? process.env, timeout: opts.timeoutMs ?? 600_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: !error, command, output: `${stdout}${stderr}`.trim() || String(error ?? '') }),
    );
  });
}

// ---- Rust ----------------------------------------------------------------

/**
 * The crate the toolchain installer prebuilt (wit-bindgen at the CLI's version,
 * checked for wasm32-wasip2): its manifest and lock are copied so that the
 * dependency resolves to the same build in its target folder, offline.
 */
export const rustCheckCrate = path.join(toolchain, 'rust-bindings-check');
export const RUST_TARGET = 'wasm32-wasip2';

export function rustCheckReady(): { tool: string; why: string } | undefined {
  const built = fs.existsSync(rustCheckCrate) && fs.readdirSync(rustCheckCrate).some((f) => f.startsWith('.built-'));
  return built
    ? undefined
    : { tool: 'rust-bindings-check', why: `${rustCheckCrate} not built yet (scripts/toolchain/install.sh builds it)` };
}

/** `cargo check --target wasm32-wasip2` of a library crate whose modules are the generated .rs files. */
export async function cargoCheck(cargo: string, bindingsDir: string): Promise<Verdict> {
  const crate = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-live-rust-'));
  try {
    const manifest = fs.readFileSync(path.join(rustCheckCrate, 'Cargo.toml'), 'utf8');
    fs.writeFileSync(path.join(crate, 'Cargo.toml'), manifest.replace(/^name = ".*"$/m, 'name = "live-bindings-check"'));
    fs.copyFileSync(path.join(rustCheckCrate, 'Cargo.lock'), path.join(crate, 'Cargo.lock'));
    fs.mkdirSync(path.join(crate, 'src'));
    const modules = listTree(bindingsDir).filter((f) => f.endsWith('.rs'));
    if (modules.length === 0) return { ok: false, command: 'cargo check', output: 'no .rs file was generated' };
    for (const f of modules) fs.copyFileSync(path.join(bindingsDir, f), path.join(crate, 'src', path.basename(f)));
    // As a user includes them: one `mod` per generated file, nothing silenced.
    fs.writeFileSync(path.join(crate, 'src/lib.rs'), modules.map((f) => `mod ${path.basename(f, '.rs')};\n`).join(''));
    const env = {
      ...process.env,
      CARGO_HOME: process.env.CARGO_HOME ?? path.join(toolchain, 'cargo-home'),
      CARGO_TARGET_DIR: path.join(rustCheckCrate, 'target'),
    };
    return await run(cargo, ['check', '--offline', '--message-format', 'short', '--target', RUST_TARGET], { cwd: crate, env });
  } finally {
    fs.rmSync(crate, { recursive: true, force: true });
  }
}

// ---- C and C++ -----------------------------------------------------------

/** C for the component target against wasi-libc (Debian's, in /usr). */
export function clangC(clang: string, bindingsDir: string): Promise<Verdict> {
  const sources = listTree(bindingsDir).filter((f) => f.endsWith('.c'));
  return run(clang, ['--target=wasm32-wasi', '--sysroot=/usr', '-fsyntax-only', '-Wall', ...sources], { cwd: bindingsDir });
}

/**
 * libc++ for wasm32-wasi (Debian: libc++-16-dev-wasm32). clang-16 does not add
 * it to the search path with --sysroot=/usr (it looks for /usr/include/c++/v1),
 * so it is given with -isystem.
 */
export const WASI_LIBCXX = '/usr/include/wasm32-wasi/c++/v1';

export function wasiLibcxxReady(): { tool: string; why: string } | undefined {
  return fs.existsSync(path.join(WASI_LIBCXX, 'expected'))
    ? undefined
    : {
        tool: 'libc++-16-dev-wasm32',
        why: `${WASI_LIBCXX} missing (apt-get install libc++-16-dev-wasm32 libc++abi-16-dev-wasm32; scripts/install.sh does)`,
      };
}

/**
 * C++ for the component target. wit-bindgen's C++ uses std::expected, so
 * C++23 (-std=c++2b) and a library that has it: libc++ 16 for wasm32-wasi does;
 * Debian's native pairing of clang-16 with libstdc++ 12 does not (its
 * <expected> wants __cpp_concepts >= 202002, clang 16 says 201907).
 */
export function clangCxx(clangxx: string, bindingsDir: string): Promise<Verdict> {
  const sources = listTree(bindingsDir).filter((f) => f.endsWith('.cpp'));
  return run(
    clangxx,
    ['--target=wasm32-wasi', '--sysroot=/usr', '-isystem', WASI_LIBCXX, '-std=c++2b', '-fsyntax-only', '-Wall', '-I', '.', ...sources],
    { cwd: bindingsDir },
  );
}

// ---- Python --------------------------------------------------------------

/**
 * componentize-py's bindings are Python 3.12+ (PEP 695 generics: the runtime
 * it embeds is 3.14). The newest interpreter found: on PATH by version name,
 * then pyenv's installed versions (whose shims run only the selected one).
 */
export function findPython(): string | undefined {
  const candidates: string[] = [];
  for (const name of ['python3.14', 'python3.13', 'python3.12', 'python3']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, name));
  }
  const pyenvVersions = path.join(process.env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv'), 'versions');
  if (fs.existsSync(pyenvVersions)) {
    const versions = fs.readdirSync(pyenvVersions).filter((v) => /^3\.\d+/.test(v));
    versions.sort((a, b) => Number(b.split('.')[1]) - Number(a.split('.')[1]));
    for (const v of versions) candidates.push(path.join(pyenvVersions, v, 'bin', 'python3'));
  }
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const r = spawnSync(file, ['-c', 'import sys; print(sys.version_info[1] if sys.version_info[0] == 3 else 0)'], { encoding: 'utf8' });
    if (r.status === 0 && Number(r.stdout.trim()) >= 12) return file;
  }
  return undefined;
}

export function pythonReady(): { tool: string; why: string } | undefined {
  return findPython()
    ? undefined
    : { tool: 'python>=3.12', why: 'no Python 3.12 or newer on PATH or in pyenv (componentize-py bindings use PEP 695)' };
}

// componentize_py_runtime is the native module componentize-py links into the
// component. Outside one, the declarations componentize-py writes for it
// (componentize_py_runtime.pyi) are loaded in its place, so every import
// resolves against exactly the names the runtime declares; then every
// generated module is imported and every runtime name the code calls is looked up.
const IMPORT_ALL = `
import importlib, importlib.machinery, importlib.util, json, os, re, sys
out, modules = sys.argv[1], sys.argv[2:]
sys.path.insert(0, out)
loader = importlib.machinery.SourceFileLoader('componentize_py_runtime', os.path.join(out, 'componentize_py_runtime.pyi'))
runtime = importlib.util.module_from_spec(importlib.util.spec_from_loader('componentize_py_runtime', loader))
loader.exec_module(runtime)
sys.modules['componentize_py_runtime'] = runtime
failed = {}
for name in modules:
    try:
        importlib.import_module(name)
    except BaseException as e:
        failed[name] = f'{type(e).__name__}: {e}'
for root, _, files in os.walk(out):
    for f in files:
        if f.endswith('.py'):
            text = open(os.path.join(root, f), encoding='utf-8').read()
            for called in sorted(set(re.findall(r'componentize_py_runtime\\.(\\w+)', text))):
                if not hasattr(runtime, called):
                    failed[f'{f}: componentize_py_runtime.{called}'] = 'not declared by the runtime'
if failed:
    print(json.dumps(failed, indent=1))
    sys.exit(1)
`;

/**
 * Module names of the generated .py files (`wit_world/imports/types.py` ->
 * `wit_world.imports.types`). poll_loop.py is componentize-py's event loop for
 * wasi:http 0.2, written for every world but importing that world's
 * interfaces, so it is imported only where the world has them.
 */
export function pythonModules(bindingsDir: string): string[] {
  const files = listTree(bindingsDir);
  const http02 = files.includes('wit_world/imports/outgoing_handler.py');
  return files
    .filter((f) => f.endsWith('.py') && (f !== 'poll_loop.py' || http02))
    .map((f) =>
      f
        .replace(/\.py$/, '')
        .replace(/\/__init__$/, '')
        .split('/')
        .join('.'),
    );
}

export function pythonImports(python: string, bindingsDir: string): Promise<Verdict> {
  const modules = pythonModules(bindingsDir);
  const label = `${path.basename(python)} (${python}): import ${modules.join(', ')}`;
  return run(python, ['-B', '-c', IMPORT_ALL, bindingsDir, ...modules], { cwd: os.tmpdir(), label });
}
