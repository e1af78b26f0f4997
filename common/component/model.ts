// What the reader makes of a component binary: its imports and exports with their
// types, the components and core modules nested in it, and every instance with the
// arguments (`with` wiring) it was instantiated with. Index numbers are those of the
// binary's index spaces, so a reader can check them against `wasm-tools print`.

/** The sorts of the component model (core sorts prefixed with `core `). */
export type Sort =
  | 'func'
  | 'value'
  | 'type'
  | 'component'
  | 'instance'
  | 'core func'
  | 'core table'
  | 'core memory'
  | 'core global'
  | 'core type'
  | 'core module'
  | 'core instance'
  | 'core tag';

/** A component-level type, resolved enough to print it as WIT and compare it structurally. */
export type ComponentType =
  | { kind: 'prim'; name: string }
  | { kind: 'list'; element: ComponentType; length?: number }
  | { kind: 'tuple'; types: ComponentType[] }
  | { kind: 'record'; fields: NamedType[] }
  | { kind: 'variant'; cases: { name: string; type?: ComponentType }[] }
  | { kind: 'enum'; names: string[] }
  | { kind: 'flags'; names: string[] }
  | { kind: 'option'; type: ComponentType }
  | { kind: 'result'; ok?: ComponentType; err?: ComponentType }
  | { kind: 'map'; key: ComponentType; value: ComponentType }
  | { kind: 'own' | 'borrow'; resource: ComponentType }
  | { kind: 'stream' | 'future'; type?: ComponentType }
  | { kind: 'resource'; name?: string }
  /** A type exported under a name (`type foo = ...` in WIT): printed by its name. */
  | { kind: 'named'; name: string; type: ComponentType }
  | { kind: 'func'; params: NamedType[]; result?: ComponentType; async: boolean }
  | { kind: 'instance'; exports: ExternItem[] }
  | { kind: 'component'; imports: ExternItem[]; exports: ExternItem[] }
  | { kind: 'core module'; imports: CoreImport[]; exports: CoreExport[] }
  | { kind: 'unknown'; why: string };

export interface NamedType {
  name: string;
  type: ComponentType;
}

/** An import or export as a type sees it: a name, a sort and the type of the item. */
export interface ExternItem {
  name: string;
  sort: Sort;
  type: ComponentType;
}

export interface CoreImport {
  module: string;
  name: string;
  kind: string;
}
export interface CoreExport {
  name: string;
  kind: string;
}

/** Where an item of an index space comes from. */
export interface ItemRef {
  sort: Sort;
  index: number;
}

export interface InstantiateArg {
  name: string;
  item: ItemRef;
}

export interface ComponentInstance {
  index: number;
  /** How it came to be: imported, instantiated from a component, built from exports, aliased, re-exported. */
  origin: 'import' | 'instantiate' | 'exports' | 'alias' | 'export';
  /** The name it was imported or exported under, or the export it aliases. */
  name?: string;
  /** For `instantiate`: the component index; its definition when nested here. */
  component?: number;
  /** For `instantiate`: the `with` arguments; for `exports`: the items it bundles. */
  args: InstantiateArg[];
  /** For `alias`: the instance whose export it is. */
  of?: number;
  type: ComponentType;
}

export interface CoreInstance {
  index: number;
  origin: 'instantiate' | 'exports' | 'alias';
  module?: number;
  /** For `alias`: the core instance whose export it is. */
  of?: number;
  args: InstantiateArg[];
  name?: string;
}

export interface CoreModuleInfo {
  index: number;
  /** From the name section, when the module has one. */
  name?: string;
  imports: CoreImport[];
  exports: CoreExport[];
  size: number;
}

/**
 * How an item of an index space came to be and the items it was made from: the
 * trail the graph follows from an export back to the module or import behind it.
 */
export interface ItemOrigin {
  how: 'import' | 'export' | 'instantiate' | 'exports' | 'alias' | 'outer' | 'lift' | 'lower' | 'canon' | 'define' | 'nested';
  /** Import/export name, aliased export name. */
  name?: string;
  deps: InstantiateArg[];
}

export interface ComponentExport {
  name: string;
  item: ItemRef;
  type: ComponentType;
}

export interface ComponentInfo {
  /** The index in the enclosing component's component space (undefined at the top). */
  index?: number;
  /** From the `component-name` custom section, when present. */
  name?: string;
  imports: ExternItem[];
  exports: ComponentExport[];
  /** Components defined inside this one, by their component index. */
  components: ComponentInfo[];
  modules: CoreModuleInfo[];
  instances: ComponentInstance[];
  coreInstances: CoreInstance[];
  /** Names from the `component-name` section, by sort and index (`$main` ...). */
  names: Partial<Record<Sort, Map<number, string>>>;
  /** The origin of every item, by sort and index. */
  items: Partial<Record<Sort, ItemOrigin[]>>;
  /** Sections the reader could not make sense of (kept going past them). */
  problems: string[];
  size: number;
}
