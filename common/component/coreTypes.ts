// Core WebAssembly types and import descriptors, read only as far as a component
// needs them: module types (imports and exports of an imported core module) and
// the kinds of a core module's imports.
import type { ByteReader } from './bytes';
import type { ComponentType, CoreExport, CoreImport } from './model';

function coreValType(r: ByteReader): void {
  const b = r.byte();
  if (b === 0x63 || b === 0x64) r.s33(); // (ref null? heaptype)
}

function limits(r: ByteReader): void {
  const flags = r.byte();
  r.skipLeb();
  if (flags & 0x01) r.skipLeb();
  if (flags & 0x08) r.skipLeb(); // custom page size
}

/** Reads an import or export descriptor and names its kind. */
export function readCoreDesc(r: ByteReader): string {
  const kind = r.byte();
  switch (kind) {
    case 0x00:
      r.u32();
      return 'func';
    case 0x01:
      coreValType(r);
      limits(r);
      return 'table';
    case 0x02:
      limits(r);
      return 'memory';
    case 0x03:
      coreValType(r);
      r.byte();
      return 'global';
    case 0x04:
      r.byte();
      r.u32();
      return 'tag';
    default:
      throw new Error(`unknown core import kind 0x${kind.toString(16)}`);
  }
}

export function readCoreType(r: ByteReader): ComponentType {
  const tag = r.byte();
  if (tag === 0x60) {
    r.vec(coreValType);
    r.vec(coreValType);
    return { kind: 'unknown', why: 'core function type' };
  }
  if (tag !== 0x50) throw new Error(`unknown core type 0x${tag.toString(16)}`);
  const imports: CoreImport[] = [];
  const exports: CoreExport[] = [];
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const decl = r.byte();
    if (decl === 0x00) imports.push({ module: r.name(), name: r.name(), kind: readCoreDesc(r) });
    else if (decl === 0x01) readCoreType(r);
    else if (decl === 0x02) {
      r.byte();
      r.byte();
      r.u32();
      r.u32();
    } // outer alias of a core type
    else if (decl === 0x03) exports.push({ name: r.name(), kind: readCoreDesc(r) });
    else throw new Error(`unknown module type declarator 0x${decl.toString(16)}`);
  }
  return { kind: 'core module', imports, exports };
}
