// The outline of a core module nested in a component: its name (name section),
// imports and exports. Code and data are skipped; only the section framing is read.
import { ByteReader } from './bytes';
import type { CoreModuleInfo, CoreExport, CoreImport } from './model';
import { readCoreDesc } from './coreTypes';

const EXPORT_KINDS = ['func', 'table', 'memory', 'global', 'tag'];

export function readCoreModule(bytes: Uint8Array, start: number, end: number, index: number): CoreModuleInfo {
  const r = new ByteReader(bytes, start, end);
  const magic = r.bytesOf(8);
  if (magic[0] !== 0x00 || magic[1] !== 0x61 || magic[4] !== 0x01) throw new Error('not a core WebAssembly module');
  const imports: CoreImport[] = [];
  const exports: CoreExport[] = [];
  let name: string | undefined;
  while (!r.done) {
    const id = r.byte();
    const section = r.sub(r.u32());
    if (id === 2) section.vec((x) => imports.push({ module: x.name(), name: x.name(), kind: readCoreDesc(x) }));
    else if (id === 7) {
      section.vec((x) => {
        const exportName = x.name();
        const kind = EXPORT_KINDS[x.byte()] ?? 'unknown';
        x.u32();
        exports.push({ name: exportName, kind });
      });
    } else if (id === 0 && section.name() === 'name') name = moduleName(section);
  }
  return { index, name, imports, exports, size: end - start };
}

function moduleName(r: ByteReader): string | undefined {
  while (!r.done) {
    const id = r.byte();
    const sub = r.sub(r.u32());
    if (id === 0) return sub.name();
  }
  return undefined;
}
