// Reads a component binary section by section, keeping the index spaces the
// component model defines (types, funcs, instances, components, core modules,
// core instances), so that every instantiation can name what it instantiates and
// which item satisfies each of its imports. Nested components are read the same
// way, with their enclosing component as the scope of outer aliases.
import { ByteReader } from './bytes';
import type {
  ComponentInfo,
  ComponentInstance,
  ComponentType,
  CoreInstance,
  ExternItem,
  InstantiateArg,
  ItemOrigin,
  ItemRef,
  Sort,
} from './model';
import { readCoreModule } from './coreModule';
import { readCoreType } from './coreTypes';
import { readCoreSort, readDefType, readExternDesc, readExternName, readSort, typeAt, type TypeScope } from './types';

/** The index spaces of one component while it is read. */
interface Scope extends TypeScope {
  parent?: Scope;
  funcs: ComponentType[];
  instances: ComponentType[];
  components: ComponentType[];
  coreModules: ComponentType[];
  /** Where every item of every space comes from (shared with the ComponentInfo). */
  origins: Partial<Record<Sort, ItemOrigin[]>>;
}

const SECTION_NAMES = [
  'custom',
  'core module',
  'core instance',
  'core type',
  'component',
  'instance',
  'alias',
  'type',
  'canon',
  'start',
  'import',
  'export',
  'value',
];

export class NotAComponentError extends Error {}

/** Reads a component binary (throws NotAComponentError for core modules and other files). */
export function readComponent(bytes: Uint8Array): ComponentInfo {
  return readAt(bytes, 0, bytes.length, undefined, undefined);
}

function readAt(bytes: Uint8Array, start: number, end: number, parent: Scope | undefined, index: number | undefined): ComponentInfo {
  const r = new ByteReader(bytes, start, end);
  if (end - start < 8 || bytes[start] !== 0x00 || bytes[start + 1] !== 0x61 || bytes[start + 2] !== 0x73 || bytes[start + 3] !== 0x6d) {
    throw new NotAComponentError('not a WebAssembly binary');
  }
  if (bytes[start + 6] !== 0x01 || bytes[start + 7] !== 0x00) {
    throw new NotAComponentError('a core WebAssembly module, not a component');
  }
  r.pos += 8;
  const scope: Scope = {
    parent,
    types: [],
    coreTypes: [],
    funcs: [],
    instances: [],
    components: [],
    coreModules: [],
    origins: {},
  };
  const info: ComponentInfo = {
    index,
    imports: [],
    exports: [],
    components: [],
    modules: [],
    instances: [],
    coreInstances: [],
    names: {},
    items: scope.origins,
    problems: [],
    size: end - start,
  };
  while (!r.done) {
    const id = r.byte();
    const length = r.u32();
    const sectionStart = r.pos;
    if (sectionStart + length > end) {
      info.problems.push(
        `${SECTION_NAMES[id] ?? `unknown (${id})`} section at offset ${sectionStart}: runs past the end (truncated file?)`,
      );
      break;
    }
    const section = r.sub(length);
    try {
      readSection(id, section, bytes, scope, info);
    } catch (e) {
      info.problems.push(`${SECTION_NAMES[id] ?? `unknown (${id})`} section at offset ${sectionStart}: ${(e as Error).message}`);
    }
  }
  return info;
}

function readSection(id: number, r: ByteReader, bytes: Uint8Array, scope: Scope, info: ComponentInfo): void {
  switch (id) {
    case 0:
      return readCustom(r, info);
    case 1: {
      const module = readCoreModule(bytes, r.pos, r.end, scope.coreModules.length);
      info.modules.push(module);
      add(scope, 'core module', { kind: 'core module', imports: module.imports, exports: module.exports }, { how: 'define', deps: [] });
      return;
    }
    case 2:
      return void r.vec((x) => info.coreInstances.push(readCoreInstance(x, scope)));
    case 3:
      return void r.vec((x) => add(scope, 'core type', readCoreType(x), { how: 'define', deps: [] }));
    case 4: {
      const nested = readAt(bytes, r.pos, r.end, scope, scope.components.length);
      info.components.push(nested);
      add(scope, 'component', componentTypeOf(nested), { how: 'nested', deps: [] });
      return;
    }
    case 5:
      return void r.vec((x) => info.instances.push(readInstance(x, scope)));
    case 6:
      return void r.vec((x) => readAlias(x, scope, info));
    case 7:
      return void r.vec((x) => add(scope, 'type', readDefType(x, scope), { how: 'define', deps: [] }));
    case 8:
      return void r.vec((x) => readCanon(x, scope));
    case 10:
      return void r.vec((x) => {
        const item = readExternDesc(x, scope, readExternName(x));
        info.imports.push(item);
        const added = add(scope, item.sort, item.type, { how: 'import', name: item.name, deps: [] });
        if (item.sort === 'instance') info.instances.push({ index: added, origin: 'import', name: item.name, args: [], type: item.type });
      });
    case 11:
      return void r.vec((x) => {
        const name = readExternName(x);
        const item = readSortIdx(x);
        const ascribed = x.byte() === 0x01 ? readExternDesc(x, scope, name).type : undefined;
        const type = ascribed ?? typeOfItem(scope, item);
        info.exports.push({ name, item, type });
        const added = add(scope, item.sort, type, { how: 'export', name, deps: [{ name, item }] });
        if (item.sort === 'instance') info.instances.push({ index: added, origin: 'export', name, args: [], of: item.index, type });
      });
    default:
      return; // start and value sections add nothing the graph shows
  }
}

function readSortIdx(r: ByteReader): ItemRef {
  const sort = readSort(r);
  return { sort, index: r.u32() };
}

function readCoreInstance(r: ByteReader, scope: Scope): CoreInstance {
  if (r.byte() === 0x00) {
    const module = r.u32();
    const args = r.vec((x): InstantiateArg => {
      const name = x.name();
      x.byte(); // 0x12: a core instance
      return { name, item: { sort: 'core instance', index: x.u32() } };
    });
    const deps = [{ name: '', item: { sort: 'core module', index: module } as ItemRef }, ...args];
    const index = add(scope, 'core instance', unknownType, { how: 'instantiate', deps });
    return { index, origin: 'instantiate', module, args };
  }
  const args = r.vec((x): InstantiateArg => ({ name: x.name(), item: { sort: readCoreSort(x), index: x.u32() } }));
  const index = add(scope, 'core instance', unknownType, { how: 'exports', deps: args });
  return { index, origin: 'exports', args };
}

function readInstance(r: ByteReader, scope: Scope): ComponentInstance {
  const index = scope.instances.length;
  let instance: ComponentInstance;
  let origin: ItemOrigin;
  if (r.byte() === 0x00) {
    const component = r.u32();
    const args = r.vec((x): InstantiateArg => ({ name: x.name(), item: readSortIdx(x) }));
    const type = scope.components[component];
    const exports = type?.kind === 'component' ? type.exports : [];
    instance = { index, origin: 'instantiate', component, args, type: { kind: 'instance', exports } };
    origin = { how: 'instantiate', deps: [{ name: '', item: { sort: 'component', index: component } }, ...args] };
  } else {
    const args = r.vec((x): InstantiateArg => ({ name: readExternName(x), item: readSortIdx(x) }));
    const exports = args.map((a): ExternItem => ({ name: a.name, sort: a.item.sort, type: typeOfItem(scope, a.item) }));
    instance = { index, origin: 'exports', args, type: { kind: 'instance', exports } };
    origin = { how: 'exports', deps: args };
  }
  add(scope, 'instance', instance.type, origin);
  return instance;
}

function readAlias(r: ByteReader, scope: Scope, info: ComponentInfo): void {
  const sort = readSort(r);
  const target = r.byte();
  if (target === 0x00) {
    const of = r.u32();
    const name = r.name();
    const owner = scope.instances[of];
    const found = owner?.kind === 'instance' ? owner.exports.find((e) => e.name === name) : undefined;
    const type: ComponentType = found?.type ?? { kind: 'unknown', why: `export ${name} of instance ${of}` };
    const index = add(scope, sort, type, { how: 'alias', name, deps: [{ name, item: { sort: 'instance', index: of } }] });
    if (sort === 'instance') info.instances.push({ index, origin: 'alias', name, of, args: [], type });
  } else if (target === 0x01) {
    const of = r.u32();
    const name = r.name();
    const index = add(scope, sort, unknownType, { how: 'alias', name, deps: [{ name, item: { sort: 'core instance', index: of } }] });
    if (sort === 'core instance') info.coreInstances.push({ index, origin: 'alias', name, args: [], of });
  } else if (target === 0x02) {
    const up = r.u32();
    const index = r.u32();
    let s: Scope | undefined = scope;
    for (let i = 0; i < up && s; i++) s = s.parent;
    add(scope, sort, s ? typeOfItem(s, { sort, index }) : unknownType, { how: 'outer', deps: [] });
  } else throw new Error(`unknown alias target 0x${target.toString(16)}`);
}

/** Canonical definitions: `lift` makes a component function; the rest make core functions. */
function readCanon(r: ByteReader, scope: Scope): void {
  const op = r.byte();
  if (op === 0x00) {
    r.byte();
    const core = r.u32();
    readCanonOpts(r);
    add(scope, 'func', typeAt(scope, r.u32()), { how: 'lift', deps: [{ name: '', item: { sort: 'core func', index: core } }] });
    return;
  }
  let deps: InstantiateArg[] = [];
  switch (op) {
    case 0x01:
      r.byte();
      deps = [{ name: '', item: { sort: 'func', index: r.u32() } }];
      readCanonOpts(r);
      break;
    case 0x02:
    case 0x03:
    case 0x04:
    case 0x07:
    case 0x0e:
    case 0x13:
    case 0x14:
    case 0x15:
    case 0x1a:
    case 0x1b:
    case 0x40:
      r.u32();
      break;
    case 0x05:
    case 0x08:
    case 0x0d:
    case 0x1e:
    case 0x1f:
    case 0x22:
    case 0x23:
    case 0x24:
    case 0x25:
    case 0x42:
      break;
    case 0x06:
    case 0x0c:
      r.byte();
      break;
    case 0x09:
      if (r.byte() === 0x00) r.s33();
      else r.byte();
      readCanonOpts(r);
      break;
    case 0x0a:
    case 0x0b:
      r.byte();
      r.u32();
      break;
    case 0x0f:
    case 0x10:
    case 0x16:
    case 0x17:
      r.u32();
      readCanonOpts(r);
      break;
    case 0x11:
    case 0x12:
    case 0x18:
    case 0x19:
      r.u32();
      r.byte();
      break;
    case 0x1c:
    case 0x1d:
      readCanonOpts(r);
      break;
    case 0x20:
    case 0x21:
      r.byte();
      r.u32();
      break;
    case 0x41:
      r.u32();
      r.u32();
      break;
    default:
      throw new Error(`unknown canonical definition 0x${op.toString(16)}`);
  }
  add(scope, 'core func', unknownType, { how: op === 0x01 ? 'lower' : 'canon', deps });
}

function readCanonOpts(r: ByteReader): void {
  r.vec((x) => {
    const opt = x.byte();
    if (opt === 0x03 || opt === 0x04 || opt === 0x05 || opt === 0x07 || opt === 0x08) x.u32();
  });
}

function readCustom(r: ByteReader, info: ComponentInfo): void {
  if (r.name() !== 'component-name') return;
  while (!r.done) {
    const id = r.byte();
    const sub = r.sub(r.u32());
    if (id === 0) info.name = sub.name();
    else if (id === 1) {
      // One subsection per sort: the sort, then a name map.
      const sort = readSort(sub);
      const names = (info.names[sort] ??= new Map());
      sub.vec((y) => names.set(y.u32(), y.name()));
    }
  }
}

const unknownType: ComponentType = { kind: 'unknown', why: 'not needed' };

/** Adds an item to the index space of its sort, with where it came from; returns its index. */
function add(scope: Scope, sort: Sort, type: ComponentType, origin: ItemOrigin): number {
  spaceOf(scope, sort)?.push(type);
  const origins = (scope.origins[sort] ??= []);
  return origins.push(origin) - 1;
}

function spaceOf(scope: Scope, sort: Sort): ComponentType[] | undefined {
  switch (sort) {
    case 'type':
      return scope.types;
    case 'func':
      return scope.funcs;
    case 'instance':
      return scope.instances;
    case 'component':
      return scope.components;
    case 'core module':
      return scope.coreModules;
    case 'core type':
      return scope.coreTypes;
    default:
      return undefined;
  }
}

function typeOfItem(scope: Scope, item: ItemRef): ComponentType {
  return spaceOf(scope, item.sort)?.[item.index] ?? { kind: 'unknown', why: `${item.sort} ${item.index}` };
}

/** The type a nested component presents to the one that instantiates it. */
export function componentTypeOf(info: ComponentInfo): ComponentType {
  return {
    kind: 'component',
    imports: info.imports,
    exports: info.exports.map((e) => ({ name: e.name, sort: e.item.sort, type: e.type })),
  };
}
