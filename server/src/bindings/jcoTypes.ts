// TypeScript declarations through @bytecodealliance/jco-transpile, in process:
// the same code `jco types` / `jco guest-types` run, without a process per
// request. The module (and its WebAssembly) loads on first use only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { GeneratedFile } from '../protocol';

type Typegen = (witPath: string, opts: { worldName?: string; name?: string }) => Promise<Record<string, Uint8Array>>;
interface JcoTranspile { generateHostTypes: Typegen; generateGuestTypes: Typegen }

let loading: Promise<JcoTranspile> | undefined;

/** Loads jco-transpile once; later calls share the same instance. */
export function loadJcoTranspile(): Promise<JcoTranspile> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

async function load(): Promise<JcoTranspile> {
  const require = createRequire(__filename);
  const entry = require.resolve('@bytecodealliance/jco-transpile');
  // jco's Rust code runs on a WASI filesystem shim whose preopens start empty,
  // so every path fails with "No such file or directory". The fix has to reach
  // the shim instance jco-transpile itself resolves (it keeps a nested copy).
  const shim = createRequire(entry).resolve('@bytecodealliance/preview2-shim/filesystem');
  const filesystem = (await importFile(shim)) as { _setPreopens(p: Record<string, string>): void };
  filesystem._setPreopens({ '/': '/' });
  // Only the type generator: the package entry also loads transpile, which pulls
  // in oxc-minify (a native module) and wasm-tools, neither of which types need.
  const typegen = path.join(path.dirname(entry), 'typegen.js');
  return (await importFile(fs.existsSync(typegen) ? typegen : entry)) as JcoTranspile;
}

// A real `import()`: jco-transpile is an ES module, which require() cannot load
// on Node 20, and the bundle is CommonJS, where a bundler would turn a literal
// import() of an external into require().
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
function importFile(file: string): Promise<unknown> {
  return importModule(pathToFileURL(file).href);
}

export interface TypesRequest {
  witDir: string;
  /** Qualified world name; jco needs it when the package has several worlds. */
  world?: string;
  guest: boolean;
}

export async function generateTypeScript({ witDir, world, guest }: TypesRequest): Promise<GeneratedFile[]> {
  const jco = await loadJcoTranspile();
  const opts = { ...(world ? { worldName: world, name: plainWorldName(world) } : {}) };
  const files = await (guest ? jco.generateGuestTypes : jco.generateHostTypes)(witDir, opts);
  const decoder = new TextDecoder();
  return Object.entries(files)
    .map(([file, bytes]) => ({ path: file, text: decoder.decode(bytes) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** `wasi:http/service@0.3.0` -> `service`: the name of the world's own .d.ts. */
export function plainWorldName(world: string): string {
  const afterSlash = world.slice(world.lastIndexOf('/') + 1);
  const at = afterSlash.indexOf('@');
  return at < 0 ? afterSlash : afterSlash.slice(0, at);
}
