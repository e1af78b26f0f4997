// A world as a component, for plug fit against a world: jco embeds the world into
// a dummy core module and makes a component of it, whose imports and exports carry
// exactly the world's types — the component reader then reads them like any other.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';

interface JcoTools {
  componentEmbed(opts: { witPath: string; dummy: boolean; world: string }): Promise<Uint8Array>;
  componentNew(binary: Uint8Array): Promise<Uint8Array>;
}

// A real import(): jco is an ES module and this bundle is CommonJS.
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
let loaded: Promise<JcoTools> | undefined;

async function load(): Promise<JcoTools> {
  const entry = createRequire(__filename).resolve('@bytecodealliance/jco');
  // jco's Rust tools run on a WASI filesystem shim whose preopens start empty: open
  // the root on the copy jco-transpile itself uses, or every WIT path fails to read.
  const transpile = createRequire(entry).resolve('@bytecodealliance/jco-transpile');
  const shim = createRequire(transpile).resolve('@bytecodealliance/preview2-shim/filesystem');
  const filesystem = (await importModule(pathToFileURL(shim).href)) as { _setPreopens(p: Record<string, string>): void };
  filesystem._setPreopens({ '/': '/' });
  return (await importModule(pathToFileURL(entry).href)) as JcoTools;
}

/** The component of `world` (qualified name) of the WIT package in `witDir` (as saved on disk). */
export async function worldAsComponent(witDir: string, world: string): Promise<Uint8Array> {
  loaded ??= load().catch((e) => {
    loaded = undefined;
    throw e;
  });
  const jco = await loaded;
  const embedded = await jco.componentEmbed({ witPath: path.resolve(witDir), dummy: true, world });
  return jco.componentNew(embedded);
}
