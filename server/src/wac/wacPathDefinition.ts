// Go to definition on a package path of a WAC document (`docs:iface/logger`,
// `wit-devkit:adder/...@0.1.0`, in an import, a `use`, an `include` or a world's item):
// into the WIT that defines it when the package is a folder of WIT in deps/ (the
// `interface` or `world` of that name in its files), to the component when it is a
// `.wasm` (which opens in the component viewer, with its WIT).
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver/node';
import { positionAt } from './wacCheck';
import { wacPackage } from './wacPackages';

const PATH = /%?[a-z][a-z0-9-]*:%?[a-z][a-z0-9-]*(?:\/%?[a-z][a-z0-9-]*)*(?:@[0-9A-Za-z.+-]+)?/gi;

/** The package path of `text` that holds `offset`, as its package, version and first item. */
export function packagePathAt(text: string, offset: number): { name: string; version?: string; item?: string } | undefined {
  // Only the line holds it: paths do not span lines.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  PATH.lastIndex = 0;
  for (let m = PATH.exec(line); m; m = PATH.exec(line)) {
    const start = lineStart + m.index;
    if (offset < start || offset > start + m[0].length) continue;
    const at = m[0].indexOf('@');
    const [pkg, ...items] = (at < 0 ? m[0] : m[0].slice(0, at)).split('/');
    return { name: pkg.replace(/%/g, ''), version: at < 0 ? undefined : m[0].slice(at + 1), item: items[0]?.replace(/^%/, '') };
  }
  return undefined;
}

/** Where the package path at `offset` is defined, or null. */
export function packagePathDefinition(text: string, offset: number, depsDir: string): Location | null {
  const ref = packagePathAt(text, offset);
  const found = ref && wacPackage(depsDir, ref.name, ref.version);
  if (!ref || !found) return null;
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (!found.file.endsWith('.wasm') && ref.item) {
    const at = definitionIn(found.file, ref.item);
    if (at) return at;
  }
  return { uri: pathToFileURL(found.file).href, range: top };
}

/** The `interface item` or `world item` of a folder's (or file's) WIT, at its name. */
function definitionIn(where: string, item: string): Location | undefined {
  let files: string[];
  try {
    files = where.endsWith('.wit')
      ? [where]
      : readdirSync(where)
          .filter((f) => f.endsWith('.wit'))
          .sort()
          .map((f) => path.join(where, f));
  } catch {
    return undefined;
  }
  const declaration = new RegExp(`^[ \\t]*(?:interface|world)[ \\t]+%?(${item.replace(/[-]/g, '\\-')})[ \\t]*\\{`, 'm');
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const m = declaration.exec(text);
    if (!m) continue;
    const start = m.index + m[0].lastIndexOf(m[1]);
    return { uri: pathToFileURL(file).href, range: { start: positionAt(text, start), end: positionAt(text, start + item.length) } };
  }
  return undefined;
}
