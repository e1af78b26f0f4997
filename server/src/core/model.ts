// What analysis produces and every feature reads: declarations (symbols), every
// name reference resolved to its declaration, and diagnostics per file.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { FileAst } from './syntax/ast';

export type SymbolKind =
  | 'package'
  | 'interface'
  | 'world'
  | 'type'
  | 'record'
  | 'variant'
  | 'enum'
  | 'flags'
  | 'resource'
  | 'func'
  | 'constructor'
  | 'method'
  | 'static'
  | 'field'
  | 'case'
  | 'flag'
  | 'param'
  | 'import'
  | 'export';

export interface WitSymbol {
  kind: SymbolKind;
  /** The name as declared, without a `%` escape. */
  name: string;
  uri: string;
  /** The name token. */
  nameRange: Range;
  /** The whole declaration, gates and doc comment excluded. */
  range: Range;
  /** Enclosing symbol (interface for a type, record for a field, package for an interface ...). */
  container?: WitSymbol;
  children: WitSymbol[];
  /** Doc comment text (from `///` or block doc comments), markers stripped. */
  docs?: string;
  /** Gate attributes as written, e.g. `@since(version = 0.2.0)`. */
  gates: string[];
  deprecated: boolean;
  /** The declaration as it reads in WIT (signature for functions, `record foo` ...). */
  detail: string;
  /** Qualified package name `ns:pkg@ver` of the package that declares it. */
  packageName?: string;
  /** For type aliases: the resolved type behind the alias, as WIT text. */
  resolvedType?: string;
}

export interface WitReference {
  uri: string;
  /** The range of the name as written at the use site. */
  range: Range;
  target: WitSymbol;
  /** How the name is used: a type in a type position, a path in use/include/import ... */
  role: 'type' | 'use' | 'include' | 'import' | 'export' | 'with' | 'package';
}

export interface Analysis {
  /** Every declared symbol, by file. Top-level symbols only; children hang below. */
  symbolsByUri: Map<string, WitSymbol[]>;
  references: WitReference[];
  diagnostics: Map<string, Diagnostic[]>;
  /** The packages of the root (the root package first, then deps/). */
  packages: PackageModel[];
  /** Each file's AST, by uri: the type structure the canonical ABI (abi/) reads. */
  files?: Map<string, FileAst>;
  /** The `@unstable` features the analysis ran with (which resource methods exist). */
  features?: ReadonlySet<string>;
}

// ---- the resolved package graph (what wit-parser's Resolve holds) ----------

export interface PackageModel {
  /** `ns:pkg@1.2.3` (version only when declared). */
  name: string;
  /** Files that declare it (several for a directory package). */
  uris: string[];
  symbol?: WitSymbol;
  interfaces: InterfaceModel[];
  worlds: WorldModel[];
  /** Packages it refers to (by `use`, `import`, `include` ...). */
  dependencies: PackageModel[];
  /** True for packages found under a `deps/` folder. */
  isDependency: boolean;
}

export interface InterfaceModel {
  /** Undefined for an inline interface in a world (`import x: interface { ... }`). */
  name?: string;
  /** `ns:pkg/name@1.2.3`, or `world.import-name` for inline ones. */
  qualified: string;
  package: PackageModel;
  symbol?: WitSymbol;
  /** Interfaces whose types this one `use`s. */
  uses: InterfaceModel[];
  functions: WitSymbol[];
  types: WitSymbol[];
}

export interface WorldItemModel {
  /** The key wit-parser gives the item: a plain name, or the qualified interface name. */
  key: string;
  kind: 'interface' | 'function' | 'type';
  interface?: InterfaceModel;
  symbol?: WitSymbol;
  /** False when wit-parser added it while elaborating the world (a transitive import). */
  explicit: boolean;
}

export interface WorldModel {
  name: string;
  qualified: string;
  package: PackageModel;
  symbol?: WitSymbol;
  /** Elaborated: includes merged, transitive interface imports added (as wit-parser resolves). */
  imports: WorldItemModel[];
  exports: WorldItemModel[];
  includes: WorldModel[];
}
