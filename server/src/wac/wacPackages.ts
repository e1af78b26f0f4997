// The packages a WAC document instantiates, found where wac's file-system resolver finds
// them (wac-resolver's fs.rs): `ns:name` is `deps/ns/name.wasm` (or `.wat`, a `.wit` file or
// a `ns/name/` folder of WIT), `ns:name@1.2.3` is `deps/ns/name/1.2.3.wasm` (or a folder). A
// component binary is read (once per modification) for its imports and exports; the other
// forms are found; a folder of WIT is read for its interfaces and worlds (wacDefinitions.ts)
// and instantiates, as in wac, to an instance exporting them as types with no imports; a
// `.wat` or `.wit` file is not read, so the checker knows the package exists and nothing more.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ComponentInfo, ExternItem } from '../../../common/component/model';
import { readComponent } from '../../../common/component/reader';
import { componentDefinitions, witFolderDefinitions, type WacDefinitions, type WitParse } from './wacDefinitions';
import type { WacPackage } from './wacSemantics';

/** A component binary as read (once per modification): undefined parts when the reader could not read it. */
const read = new Map<string, { mtimeMs: number; world?: WacPackage['world']; definitions?: WacDefinitions }>();

function stat(file: string): { dir: boolean; mtimeMs: number } | undefined {
  try {
    const st = statSync(file);
    return { dir: st.isDirectory(), mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/** The package `name` (`ns:name`) at `version` in `depsDir`, or undefined when wac would not find it there. */
export function wacPackage(depsDir: string, name: string, version: string | undefined, parseWit?: WitParse): WacPackage | undefined {
  let base = path.join(depsDir, ...name.split(':'));
  if (version) base = path.join(base, version);
  if (stat(base)?.dir) {
    const definitions = witFolderDefinitions(base, parseWit);
    if (!definitions) return { file: base };
    const exports: ExternItem[] = [...definitions.keys()].map((n) => ({
      name: n,
      sort: 'type',
      type: { kind: 'unknown', why: 'a WIT definition' },
    }));
    return { file: base, definitions, world: { imports: [], exports } };
  }
  if (stat(`${base}.wat`)) return { file: `${base}.wat` };
  // (wac reads a `.wit` file only by `--dep`; taking one as found keeps a package it may know from being called unknown.)
  if (stat(`${base}.wit`)) return { file: `${base}.wit` };
  const file = `${base}.wasm`;
  const st = stat(file);
  if (!st || st.dir) return undefined;
  let kept = read.get(file);
  if (kept?.mtimeMs !== st.mtimeMs) {
    let info: ComponentInfo | undefined;
    try {
      info = readComponent(new Uint8Array(readFileSync(file)));
    } catch {
      // Not a component the reader understands: wac will say what is wrong with it.
      info = undefined;
    }
    kept = info
      ? {
          mtimeMs: st.mtimeMs,
          world: { imports: info.imports, exports: info.exports.map((e) => ({ name: e.name, sort: e.item.sort, type: e.type })) },
          definitions: componentDefinitions(info),
        }
      : { mtimeMs: st.mtimeMs };
    read.set(file, kept);
  }
  return { file, world: kept.world, definitions: kept.definitions };
}
