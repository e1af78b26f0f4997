// The WIT of a built component, as `jco wit` prints it: jco's componentWit, loaded
// on first use only (it is large) from the extension's or the workspace's node_modules.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

type ComponentWit = (binary: Uint8Array) => Promise<string> | string;
let loaded: Promise<ComponentWit> | undefined;

// A real import(): jco is an ES module and the extension bundle is CommonJS, where a
// bundler would turn a literal import() into require().
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

async function load(searchFrom: string[]): Promise<ComponentWit> {
  const tried: string[] = [];
  for (const from of [__filename, ...searchFrom.map((d) => path.join(d, 'package.json'))]) {
    try {
      const entry = createRequire(from).resolve('@bytecodealliance/jco');
      const jco = (await importModule(pathToFileURL(entry).href)) as { componentWit?: ComponentWit };
      if (jco.componentWit) return jco.componentWit;
    } catch (e) {
      tried.push(`${from}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(`jco (@bytecodealliance/jco) was not found; install it with \`npm install -D @bytecodealliance/jco\`. Tried: ${tried.join('; ')}`);
}

export async function componentWitText(binary: Uint8Array, workspaceFolders: string[]): Promise<string> {
  loaded ??= load(workspaceFolders).catch((e) => {
    loaded = undefined;
    throw e;
  });
  return (await loaded)(binary);
}
