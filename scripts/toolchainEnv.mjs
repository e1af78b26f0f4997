// The environment every test runner and `npm run setup` use: the one cache
// root (WIT_DEVKIT_CACHE, as scripts/cache-root.sh sets it) and its bin/ folder,
// where scripts/toolchain/install.sh links wasmtime, wasm-tools, wit-bindgen,
// wac, wkg, cargo-component, componentize-py and wit-bindgen-go, first on PATH.
// Importing this module sets both in process.env, so child processes inherit them.
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const cacheRoot = process.env.WIT_DEVKIT_CACHE || join(homedir(), '.cache/wit-devkit');
export const toolchainBin = join(cacheRoot, 'bin');
export const codeServerCache = join(cacheRoot, 'code-server');

process.env.WIT_DEVKIT_CACHE = cacheRoot;
if (!(process.env.PATH ?? '').split(delimiter).includes(toolchainBin)) {
  process.env.PATH = [toolchainBin, process.env.PATH].filter(Boolean).join(delimiter);
}
// Rust checks of generated bindings reuse the crates the installer fetched.
process.env.CARGO_HOME ??= join(cacheRoot, 'toolchain/cargo-home');
