// The resolver's working state: packages, interfaces, worlds and the names
// declared in them, linked to their AST and to the model/symbols they produce.
import type { Range } from 'vscode-languageserver-types';
import type * as A from '../syntax/ast';
import type { InterfaceModel, PackageModel, WitSymbol, WorldItemModel, WorldModel } from '../model';

export interface PackageEntity {
  /** `ns:name@version` (version only when declared). */
  key: string;
  /** `ns:name` without version. */
  baseName: string;
  version?: string;
  declUri?: string;
  declRange?: Range;
  isDependency: boolean;
  /** The folder or file it was read from (a second definition elsewhere is an error). */
  location?: string;
  /** Packages it refers to, with the first reference (for cycle reports). */
  refs: Map<PackageEntity, { uri: string; range: Range }>;
  /** An encoded package (.wasm/.wat): its interfaces are known by name only. */
  opaque: boolean;
  items: Map<string, InterfaceEntity | WorldEntity>;
  /** Items with their file, in source order. */
  units: Array<{ uri: string; items: A.PackageItemAst[] }>;
  model: PackageModel;
}

export interface InterfaceEntity {
  kind: 'interface';
  /** Undefined for inline interfaces of worlds. */
  name?: string;
  pkg: PackageEntity;
  uri: string;
  nameRange?: Range;
  gates: A.Gate[];
  members: A.InterfaceMemberAst[];
  ast?: A.InterfaceAst;
  /** Types and functions by name. */
  scope: Map<string, NameEntity>;
  /** Interfaces whose types this one uses, in order. */
  deps: InterfaceEntity[];
  excluded: boolean;
  opaque: boolean;
  /** Set once its names are declared; a `use` of an unresolved one (a cycle) is not checked. */
  resolved?: boolean;
  model: InterfaceModel;
  symbol?: WitSymbol;
  /** For inline interfaces: the world and import/export name. */
  world?: WorldEntity;
}

export interface TypeEntity {
  kind: 'type';
  name: string;
  owner: InterfaceEntity | WorldEntity;
  uri: string;
  nameRange: Range;
  /** The definition, for types declared here. */
  def?: A.TypeDefAst;
  /** For names brought in by `use`: the type they stand for. */
  target?: TypeEntity;
  excluded: boolean;
  symbol?: WitSymbol;
}

export interface FuncEntity {
  kind: 'func';
  name: string;
  owner: InterfaceEntity | WorldEntity;
  uri: string;
  nameRange: Range;
  symbol?: WitSymbol;
}

export type NameEntity = TypeEntity | FuncEntity;

export interface WorldItemEntry {
  model: WorldItemModel;
  /** Where it was declared (for conflict messages). */
  kind: 'func' | 'interface' | 'type';
  iface?: InterfaceEntity;
}

export interface WorldEntity {
  kind: 'world';
  name: string;
  pkg: PackageEntity;
  uri: string;
  nameRange: Range;
  gates: A.Gate[];
  ast: A.WorldAst;
  scope: Map<string, NameEntity>;
  excluded: boolean;
  model: WorldModel;
  symbol?: WitSymbol;
  imports: Map<string, WorldItemEntry>;
  exports: Map<string, WorldItemEntry>;
  /** Set once resolved (worlds are resolved after what they include). */
  resolved: boolean;
}

/** Follows `use` links to the type a name stands for. */
export function underlyingType(t: TypeEntity): TypeEntity {
  let cur = t;
  for (let i = 0; i < 10_000 && cur.target; i++) cur = cur.target;
  return cur;
}
