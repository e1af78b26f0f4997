// Decides how a built component runs from its own world: a component that
// exports wasi:cli/run is a command (`wasmtime run`), one that exports
// wasi:http/incoming-handler is an HTTP proxy (`wasmtime serve`).
// The run task reads the exports with the extension's own binary reader
// (componentKindOfFile). The world can also be read from the .wasm with jco's
// `componentWit`, loaded lazily from the jco the user has; if that import
// fails, `jco wit <file>` as a child process (argument list) gives the same text.
// No `vscode` import.
import { execFile } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readComponent } from '../../../server/src/component/reader';

export type ComponentKind = 'cli' | 'http' | 'unknown';

/** The exported interfaces named in a world's WIT text (`export ns:pkg/iface@ver;`). */
export function exportedInterfaces(wit: string): string[] {
  const out: string[] = [];
  for (const m of wit.matchAll(/^\s*export\s+([\w-]+:[\w-]+\/[\w-]+(?:@[\w.+-]+)?)\s*;/gm)) out.push(m[1]);
  return out;
}

/** cli, http or unknown, from the names a component exports (`wasi:cli/run@0.2.3`, ...). */
export function classifyExports(names: string[]): ComponentKind {
  const exports = names.map((e) => e.replace(/@.*$/, ''));
  if (exports.includes('wasi:http/incoming-handler')) return 'http';
  if (exports.includes('wasi:cli/run')) return 'cli';
  return 'unknown';
}

/** cli, http or unknown, from the WIT text of a component's world. */
export function classifyWorld(wit: string): ComponentKind {
  return classifyExports(exportedInterfaces(wit));
}

/**
 * The component's kind read by the extension's own binary reader
 * (server/src/component/reader.ts): no jco or other tool needed, so a user
 * with wasmtime alone can run and serve with "mode": "auto".
 */
export async function componentKindOfFile(componentPath: string): Promise<{ kind: ComponentKind; error?: string }> {
  try {
    const info = readComponent(await readFile(componentPath));
    return { kind: classifyExports(info.exports.map((e) => e.name)) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { kind: 'unknown', error: message.split('\n')[0] };
  }
}

/** Reads a component's WIT text; injectable so tests can supply their own. */
export type WitReader = (componentPath: string) => Promise<string>;

type JcoApi = { componentWit(binary: Uint8Array): Promise<string> | string };
const apiCache = new Map<string, Promise<JcoApi>>();

/**
 * jco's in-process API, found beside the jco executable the user configured:
 * `<pkg>/dist/jco.js` is the bin, `<pkg>/dist/api.js` the API.
 */
async function loadJcoApi(jcoPath: string): Promise<JcoApi> {
  const bin = await realpath(jcoPath);
  const api = path.join(path.dirname(bin), 'api.js');
  let loading = apiCache.get(api);
  if (!loading) {
    // A real dynamic import (not rewritten to require by the bundler): jco is ESM.
    const importEsm = new Function('u', 'return import(u)') as (u: string) => Promise<JcoApi>;
    loading = importEsm(pathToFileURL(api).href);
    apiCache.set(api, loading);
    loading.catch(() => apiCache.delete(api));
  }
  return loading;
}

function jcoWitProcess(jcoPath: string, componentPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(jcoPath, ['wit', componentPath], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`jco wit failed: ${stderr || err.message}`));
      else resolve(stdout);
    });
  });
}

/** A WitReader backed by the jco at `jcoPath`. */
export function jcoWitReader(jcoPath: string): WitReader {
  return async (componentPath) => {
    let api: JcoApi;
    try {
      api = await loadJcoApi(jcoPath);
    } catch {
      return jcoWitProcess(jcoPath, componentPath); // a jco laid out differently
    }
    return api.componentWit(await readFile(componentPath));
  };
}

/** The component's kind; an unreadable file is `unknown`, with the reason. */
export async function componentKind(componentPath: string, readWit: WitReader): Promise<{ kind: ComponentKind; error?: string }> {
  try {
    return { kind: classifyWorld(await readWit(componentPath)) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { kind: 'unknown', error: message.split('\n')[0] };
  }
}
