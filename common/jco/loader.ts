// The one way WIT DevKit loads jco in process, for the client (a component's WIT,
// a world as a component) and the server (TypeScript declarations). Only
// @bytecodealliance/jco-transpile is loaded, and only the files a call needs:
// esbuild.mjs ships exactly those next to the bundles (dist/node_modules/...),
// so the installed extension finds them as the repository does. The full
// @bytecodealliance/jco package is not shipped (it pulls in componentize-js,
// binaryen and TypeScript, tens of MB) and not needed: its componentWit,
// componentEmbed and componentNew are jco-transpile's `wasm-tools` module.
// No `vscode` import: both processes use it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The files of jco-transpile a call site loads (relative to the package folder). */
export type JcoFile = 'dist/typegen.js' | 'dist/wasm-tools.js' | 'vendor/js-component-bindgen-component.js';

export interface JcoWasmTools {
  componentWit(binary: Uint8Array): Promise<string>;
  componentEmbed(opts: { witPath: string; dummy: boolean; world: string }): Promise<Uint8Array>;
  componentNew(binary: Uint8Array): Promise<Uint8Array>;
  /** wit-parser's view of a world: parse + resolve of the package (the bench's reference). */
  componentWitMetadataForWorld(source: { tag: 'path' | 'source'; val: string }, world: string): Promise<unknown>;
}

type Typegen = (witPath: string, opts: { worldName?: string; name?: string }) => Promise<Record<string, Uint8Array>>;
export interface JcoTypegen {
  generateHostTypes: Typegen;
  generateGuestTypes: Typegen;
}

/**
 * The generator component under typegen.js, called directly: typegen.js gives it only a
 * path, and WIT given as text (`{ tag: 'source' }`) is read with no file-system call.
 */
export interface JcoBindgen {
  $init: Promise<void>;
  generateTypes(name: string, opts: Record<string, unknown>): Array<[string, Uint8Array]>;
}

const PACKAGE = '@bytecodealliance/jco-transpile';
const loaded = new Map<JcoFile, Promise<unknown>>();
let preopened: Promise<void> | undefined;

/** jco-transpile's `wasm-tools` module: componentWit, componentEmbed, componentNew. */
export function jcoWasmTools(): Promise<JcoWasmTools> {
  return loadJcoFile('dist/wasm-tools.js') as Promise<JcoWasmTools>;
}

/** jco-transpile's type generator (what `jco types` / `jco guest-types` run). */
export function jcoTypegen(): Promise<JcoTypegen> {
  return loadJcoFile('dist/typegen.js') as Promise<JcoTypegen>;
}

/** jco-transpile's bindgen component (what typegen.js wraps). */
export function jcoBindgen(): Promise<JcoBindgen> {
  return loadJcoFile('vendor/js-component-bindgen-component.js') as Promise<JcoBindgen>;
}

/** Loads one file of jco-transpile once; a failed load is tried again on the next call. */
export function loadJcoFile(file: JcoFile): Promise<unknown> {
  let module = loaded.get(file);
  if (!module) {
    module = load(file).catch((e: unknown) => {
      loaded.delete(file);
      throw e;
    });
    loaded.set(file, module);
  }
  return module;
}

async function load(file: JcoFile): Promise<unknown> {
  const root = packageRoot();
  const target = path.join(root, file);
  if (!fs.existsSync(target)) {
    throw new Error(`${PACKAGE} in ${root} lacks ${file}: this installation of WIT DevKit was packaged without it (see esbuild.mjs)`);
  }
  preopened ??= openRoot(root).catch((e: unknown) => {
    preopened = undefined;
    throw e;
  });
  await preopened;
  return importFile(target);
}

/**
 * jco-transpile's folder: the copy shipped beside the bundle (dist/node_modules)
 * or, when running from the sources, the repository's node_modules. Found from
 * its main entry, as the package's `exports` hide the files we load.
 */
function packageRoot(): string {
  let entry: string;
  try {
    entry = createRequire(__filename).resolve(PACKAGE);
  } catch (e) {
    throw new Error(`${PACKAGE} is not installed beside ${__filename} (${(e as Error).message.split('\n')[0]})`);
  }
  let dir = path.dirname(entry);
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * jco's Rust code runs on a WASI filesystem shim whose preopens start empty, so
 * every path fails with "No such file or directory". The fix has to reach the
 * shim instance jco-transpile itself resolves (it keeps a nested copy).
 */
async function openRoot(root: string): Promise<void> {
  const shim = createRequire(path.join(root, 'package.json')).resolve('@bytecodealliance/preview2-shim/filesystem');
  const filesystem = (await importFile(shim)) as { _setPreopens(p: Record<string, string>): void };
  filesystem._setPreopens({ '/': '/' });
}

// A real `import()`: jco-transpile is an ES module, which require() cannot load
// on Node 20, and the bundles are CommonJS, where esbuild would turn a literal
// import() into require().
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
function importFile(file: string): Promise<unknown> {
  return importModule(pathToFileURL(file).href);
}
