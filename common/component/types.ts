// Component-level types as the binary encodes them (type section, instance and
// component type declarators, extern descriptors), resolved through the index
// spaces in scope so that a function's signature can be printed and compared.
import type { ByteReader } from './bytes';
import type { ComponentType, ExternItem, NamedType, Sort } from './model';
import { readCoreType } from './coreTypes';

/** The index spaces a type may refer to; instance and component types open their own. */
export interface TypeScope {
  parent?: TypeScope;
  types: ComponentType[];
  coreTypes: ComponentType[];
}

const PRIMITIVES: Record<number, string> = {
  0x7f: 'bool',
  0x7e: 's8',
  0x7d: 'u8',
  0x7c: 's16',
  0x7b: 'u16',
  0x7a: 's32',
  0x79: 'u32',
  0x78: 's64',
  0x77: 'u64',
  0x76: 'f32',
  0x75: 'f64',
  0x74: 'char',
  0x73: 'string',
  0x64: 'error-context',
};

export function typeAt(scope: TypeScope, index: number): ComponentType {
  return scope.types[index] ?? { kind: 'unknown', why: `type index ${index} out of range` };
}

export function readValType(r: ByteReader, scope: TypeScope): ComponentType {
  const v = r.s33();
  if (v < 0) {
    const name = PRIMITIVES[v & 0x7f];
    return name ? { kind: 'prim', name } : { kind: 'unknown', why: `value type 0x${(v & 0x7f).toString(16)}` };
  }
  return typeAt(scope, v);
}

function optionalValType(r: ByteReader, scope: TypeScope): ComponentType | undefined {
  return r.byte() === 0x00 ? undefined : readValType(r, scope);
}

/** A `deftype` of a type section or declarator. */
export function readDefType(r: ByteReader, scope: TypeScope): ComponentType {
  const tag = r.byte();
  if (PRIMITIVES[tag]) return { kind: 'prim', name: PRIMITIVES[tag] };
  switch (tag) {
    case 0x72:
      return { kind: 'record', fields: r.vec((x) => ({ name: x.name(), type: readValType(x, scope) })) };
    case 0x71:
      return {
        kind: 'variant',
        cases: r.vec((x) => {
          const name = x.name();
          const type = optionalValType(x, scope);
          if (x.byte() !== 0x00) throw new Error('variant case refinement is not supported');
          return { name, type };
        }),
      };
    case 0x70:
      return { kind: 'list', element: readValType(r, scope) };
    case 0x67:
      return { kind: 'list', element: readValType(r, scope), length: r.u32() };
    case 0x6f:
      return { kind: 'tuple', types: r.vec((x) => readValType(x, scope)) };
    case 0x6e:
      return { kind: 'flags', names: r.vec((x) => x.name()) };
    case 0x6d:
      return { kind: 'enum', names: r.vec((x) => x.name()) };
    case 0x6b:
      return { kind: 'option', type: readValType(r, scope) };
    case 0x6a:
      return { kind: 'result', ok: optionalValType(r, scope), err: optionalValType(r, scope) };
    case 0x69:
      return { kind: 'own', resource: typeAt(scope, r.u32()) };
    case 0x68:
      return { kind: 'borrow', resource: typeAt(scope, r.u32()) };
    case 0x66:
      return { kind: 'stream', type: optionalValType(r, scope) };
    case 0x65:
      return { kind: 'future', type: optionalValType(r, scope) };
    case 0x63:
      return { kind: 'map', key: readValType(r, scope), value: readValType(r, scope) };
    case 0x40:
    case 0x43:
      return readFuncType(r, scope, tag === 0x43);
    case 0x41:
      return readComponentType(r, scope);
    case 0x42:
      return readInstanceType(r, scope);
    case 0x3f:
    case 0x3e: {
      if (r.byte() !== 0x7f) throw new Error('resource representation other than i32');
      if (r.byte() === 0x01) r.u32(); // destructor
      if (tag === 0x3e && r.byte() === 0x01) r.u32(); // async callback
      return { kind: 'resource' };
    }
    default:
      throw new Error(`unknown type 0x${tag.toString(16)} at offset ${r.pos - 1}`);
  }
}

function readFuncType(r: ByteReader, scope: TypeScope, async: boolean): ComponentType {
  const params: NamedType[] = r.vec((x) => ({ name: x.name(), type: readValType(x, scope) }));
  let result: ComponentType | undefined;
  if (r.byte() === 0x00) result = readValType(r, scope);
  else {
    // `0x01 0x00` today; older binaries had a list of named results here.
    const named = r.vec((x) => ({ name: x.name(), type: readValType(x, scope) }));
    if (named.length > 0) result = { kind: 'tuple', types: named.map((n) => n.type) };
  }
  return { kind: 'func', params, result, async };
}

/** `importname'`/`exportname'`: a name, possibly followed by a version suffix. */
export function readExternName(r: ByteReader): string {
  const form = r.byte();
  const name = r.name();
  if (form === 0x01) r.name();
  return name;
}

/** An `externdesc`: the sort of an imported or exported item and its type. */
export function readExternDesc(r: ByteReader, scope: TypeScope, name: string): ExternItem {
  const tag = r.byte();
  switch (tag) {
    case 0x00: {
      r.byte(); // 0x11: core module
      const type = scope.coreTypes[r.u32()] ?? { kind: 'unknown', why: 'core type out of range' };
      return { name, sort: 'core module', type };
    }
    case 0x01:
      return { name, sort: 'func', type: typeAt(scope, r.u32()) };
    case 0x02: {
      if (r.byte() === 0x00) return { name, sort: 'value', type: { kind: 'unknown', why: `value index ${r.u32()}` } };
      return { name, sort: 'value', type: readValType(r, scope) };
    }
    case 0x03: {
      const bound = r.byte();
      const type: ComponentType = bound === 0x00 ? { kind: 'named', name, type: typeAt(scope, r.u32()) } : { kind: 'resource', name };
      return { name, sort: 'type', type };
    }
    case 0x04:
      return { name, sort: 'component', type: typeAt(scope, r.u32()) };
    case 0x05:
      return { name, sort: 'instance', type: typeAt(scope, r.u32()) };
    default:
      throw new Error(`unknown extern descriptor 0x${tag.toString(16)}`);
  }
}

function readInstanceType(r: ByteReader, outer: TypeScope): ComponentType {
  const scope: TypeScope = { parent: outer, types: [], coreTypes: [] };
  const exports: ExternItem[] = [];
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const tag = r.byte();
    if (tag === 0x04) {
      const item = readExternDesc(r, scope, readExternName(r));
      exports.push(item);
      if (item.sort === 'type') scope.types.push(item.type);
    } else readDeclarator(r, scope, tag);
  }
  return { kind: 'instance', exports };
}

function readComponentType(r: ByteReader, outer: TypeScope): ComponentType {
  const scope: TypeScope = { parent: outer, types: [], coreTypes: [] };
  const imports: ExternItem[] = [];
  const exports: ExternItem[] = [];
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const tag = r.byte();
    if (tag === 0x03 || tag === 0x04) {
      const item = readExternDesc(r, scope, readExternName(r));
      (tag === 0x03 ? imports : exports).push(item);
      if (item.sort === 'type') scope.types.push(item.type);
    } else readDeclarator(r, scope, tag);
  }
  return { kind: 'component', imports, exports };
}

/** Core types, types and (outer) aliases inside an instance or component type. */
function readDeclarator(r: ByteReader, scope: TypeScope, tag: number): void {
  if (tag === 0x00) scope.coreTypes.push(readCoreType(r));
  else if (tag === 0x01) scope.types.push(readDefType(r, scope));
  else if (tag === 0x02) {
    const sort = readSort(r);
    const target = r.byte();
    if (target !== 0x02) throw new Error('only outer aliases are allowed in a type');
    const up = r.u32();
    const index = r.u32();
    let s: TypeScope | undefined = scope;
    for (let i = 0; i < up && s; i++) s = s.parent;
    if (sort === 'type') scope.types.push(s ? typeAt(s, index) : { kind: 'unknown', why: 'outer alias' });
    else if (sort === 'core type') scope.coreTypes.push(s?.coreTypes[index] ?? { kind: 'unknown', why: 'outer alias' });
  } else throw new Error(`unknown declarator 0x${tag.toString(16)}`);
}

const CORE_SORTS: Record<number, Sort> = {
  0x00: 'core func',
  0x01: 'core table',
  0x02: 'core memory',
  0x03: 'core global',
  0x04: 'core tag',
  0x10: 'core type',
  0x11: 'core module',
  0x12: 'core instance',
};
const SORTS: Record<number, Sort> = { 0x01: 'func', 0x02: 'value', 0x03: 'type', 0x04: 'component', 0x05: 'instance' };

export function readCoreSort(r: ByteReader): Sort {
  const b = r.byte();
  const sort = CORE_SORTS[b];
  if (!sort) throw new Error(`unknown core sort 0x${b.toString(16)}`);
  return sort;
}

export function readSort(r: ByteReader): Sort {
  const b = r.byte();
  if (b === 0x00) return readCoreSort(r);
  const sort = SORTS[b];
  if (!sort) throw new Error(`unknown sort 0x${b.toString(16)}`);
  return sort;
}
