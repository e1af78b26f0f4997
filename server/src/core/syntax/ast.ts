// The WIT abstract syntax tree: what the resolver works on. Lowered from the
// tree-sitter tree by lower.ts; every node keeps its range for diagnostics.
import type { Range } from 'vscode-languageserver-types';
import type { DiagnosticCode } from '../diagnosticCodes';

export interface Ident {
  /** The name without its `%` escape. */
  name: string;
  /** The text as written. */
  raw: string;
  range: Range;
}

/** The one field each gate takes (`@since(version = ...)`, `@unstable(feature = ...)`). */
export const GATE_KEY: Readonly<Record<string, string>> = { since: 'version', unstable: 'feature', deprecated: 'version' };

export interface Gate {
  /** `since`, `unstable`, `deprecated` (or anything else, reported by the checker). */
  kind: string;
  nameRange: Range;
  args: Array<{ key: Ident; value: { text: string; range: Range; isVersion: boolean } }>;
  range: Range;
  text: string;
}

export interface Version {
  text: string;
  range: Range;
}

export interface PackageNameAst {
  /** Every `a:b:c` segment before the `/` parts; the last is the package name. */
  segments: Ident[];
  /** `/x/y` segments (nested package names: unsupported by wit-parser, reported). */
  nested: Ident[];
  version?: Version;
  range: Range;
}

export type UsePathAst =
  { kind: 'local'; name: Ident; range: Range } | { kind: 'foreign'; segments: Ident[]; names: Ident[]; version?: Version; range: Range };

interface ItemBase {
  gates: Gate[];
  docs?: string;
  /** The whole item including gates. */
  range: Range;
}

export interface UseAst extends ItemBase {
  kind: 'use';
  path: UsePathAst;
  names: Array<{ name: Ident; alias?: Ident }>;
}

export interface ToplevelUseAst extends ItemBase {
  kind: 'toplevel-use';
  path: UsePathAst;
  alias?: Ident;
}

export type TypeAst =
  | { kind: 'primitive'; name: string; range: Range }
  | { kind: 'named'; name: Ident; range: Range }
  | { kind: 'list'; element: TypeAst; length?: { text: string; range: Range }; range: Range }
  | { kind: 'tuple'; types: TypeAst[]; range: Range }
  | { kind: 'option'; type: TypeAst; range: Range }
  | { kind: 'result'; ok?: TypeAst; err?: TypeAst; range: Range }
  | { kind: 'map'; key: TypeAst; value: TypeAst; range: Range }
  | { kind: 'future'; type?: TypeAst; range: Range }
  | { kind: 'stream'; type?: TypeAst; range: Range }
  | { kind: 'borrow'; resource: Ident; range: Range }
  | { kind: 'own'; resource: Ident; range: Range }
  /** A type that did not parse (the syntax error is reported separately). */
  | { kind: 'error'; range: Range };

export interface ParamAst {
  name: Ident;
  type: TypeAst;
}

export interface FuncTypeAst {
  async: boolean;
  params: ParamAst[];
  result?: TypeAst;
  range: Range;
}

export interface FuncAst extends ItemBase {
  kind: 'func';
  name: Ident;
  type: FuncTypeAst;
}

export interface ResourceFuncAst extends ItemBase {
  kind: 'constructor' | 'method' | 'static';
  /** The method name; for a constructor, the `constructor` keyword. */
  name: Ident;
  type: FuncTypeAst;
}

export interface NamedCase {
  name: Ident;
  docs?: string;
  type?: TypeAst;
  range: Range;
}

export type TypeDefAst = ItemBase & { name: Ident } & (
    | { kind: 'type'; type: TypeAst }
    | { kind: 'record'; fields: Array<NamedCase & { type: TypeAst }> }
    | { kind: 'variant'; cases: NamedCase[] }
    | { kind: 'enum'; cases: NamedCase[] }
    | { kind: 'flags'; flags: NamedCase[] }
    | { kind: 'resource'; funcs: ResourceFuncAst[]; hasBody: boolean }
  );

export type InterfaceMemberAst = UseAst | TypeDefAst | FuncAst;

export interface InterfaceAst extends ItemBase {
  kind: 'interface';
  name: Ident;
  members: InterfaceMemberAst[];
}

export type ExternTypeAst =
  | { kind: 'func'; func: FuncTypeAst }
  | { kind: 'interface'; members: InterfaceMemberAst[]; range: Range }
  | { kind: 'path'; path: UsePathAst };

export interface ImportExportAst extends ItemBase {
  kind: 'import' | 'export';
  /** `import name: ...`; absent for `import path;`. */
  name?: Ident;
  target: ExternTypeAst;
}

export interface IncludeAst extends ItemBase {
  kind: 'include';
  path: UsePathAst;
  with: Array<{ name: Ident; alias: Ident }>;
}

export type WorldMemberAst = ImportExportAst | IncludeAst | UseAst | TypeDefAst;

export interface WorldAst extends ItemBase {
  kind: 'world';
  name: Ident;
  members: WorldMemberAst[];
}

export interface PackageDeclAst {
  name: PackageNameAst;
  docs?: string;
  /** From the first comment before the header to the last: where wit-parser puts a docs error. */
  docsRange?: Range;
  range: Range;
}

export type PackageItemAst = ToplevelUseAst | InterfaceAst | WorldAst | NestedPackageAst;

export interface NestedPackageAst {
  kind: 'nested-package';
  name: PackageNameAst;
  docs?: string;
  items: PackageItemAst[];
  range: Range;
  /** Nesting depth: 1 for a block at the top of a file. */
  depth: number;
}

export interface FileAst {
  uri: string;
  /** `package a:b;` headers, in order (more than one is an error). */
  packageDecls: PackageDeclAst[];
  items: PackageItemAst[];
  /** Problems found while lowering (identifier rules, escapes, versions ...). */
  problems: SyntaxProblem[];
}

/** A mistake lowering finds, with its diagnostic code (diagnosticCodes.ts). */
export interface SyntaxProblem {
  range: Range;
  message: string;
  code: DiagnosticCode;
}
