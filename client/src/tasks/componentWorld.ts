// Decides how a built component runs from its own world: a component that
// exports wasi:cli/run is a command (`wasmtime run`), one that exports
// wasi:http/incoming-handler is an HTTP proxy (`wasmtime serve`).
// The run task reads the exports with the extension's own binary reader
// (componentKindOfFile). The world can also be read from the .wasm with jco's
// `componentWit`, through the one jco loader (common/jco/loader.ts).
// No `vscode` import.
import { readFile } from 'node:fs/promises';
import { readComponent } from '../../../common/component/reader';
import { jcoWasmTools } from '../../../common/jco/loader';

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
 * (common/component/reader.ts): no jco or other tool needed, so a user
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

/** A WitReader backed by the jco-transpile the extension ships (common/jco/loader.ts). */
export const jcoWitReader: WitReader = async (componentPath) => (await jcoWasmTools()).componentWit(await readFile(componentPath));

/** The component's kind; an unreadable file is `unknown`, with the reason. */
export async function componentKind(componentPath: string, readWit: WitReader): Promise<{ kind: ComponentKind; error?: string }> {
  try {
    return { kind: classifyWorld(await readWit(componentPath)) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { kind: 'unknown', error: message.split('\n')[0] };
  }
}
