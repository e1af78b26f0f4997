// What the evolution engine works on and answers with. A package's surface is
// every item a component can depend on, keyed by its path inside the package
// (`iface`, `iface/item`, `iface/resource.method`, `world`, `world/item`),
// each with a canonical shape: two items with the same shape mean the same to
// both sides of the contract.
import type { Range } from 'vscode-languageserver-types';

export type ItemKind = 'interface' | 'world' | 'type' | 'function' | 'world-item';

export interface Gates {
  since?: string;
  unstable?: string;
  deprecated?: string;
}

export interface SurfaceItem {
  path: string;
  kind: ItemKind;
  /** Canonical text of what the item is, gates apart (names of types are qualified, versions dropped). */
  shape: string;
  /** Named parts (fields, cases, flags, params, result, import/export direction) for explanations. */
  parts: Array<[string, string]>;
  gates: Gates;
  /** For world items: which way it crosses the world's boundary. */
  direction?: 'import' | 'export';
  /** Where it is declared (absent for an import wit-parser adds while elaborating a world). */
  uri?: string;
  /** The name's range. */
  range?: Range;
  /** The whole declaration, gates included (what the editor shows of the base). */
  declRange?: Range;
  /** The path of the item it belongs to (a type's interface, a method's resource ...). */
  parent?: string;
}

export interface PackageSurface {
  /** `ns:pkg` */
  name: string;
  version?: string;
  /** Some item of the package has `@since`: additions must carry one too. */
  usesGates: boolean;
  items: Map<string, SurfaceItem>;
  /** The `package` declaration's name. */
  location?: { uri: string; range: Range };
}

export type Side = 'breaking' | 'compatible';

export interface Change {
  path: string;
  change: 'added' | 'removed' | 'changed';
  importers: Side;
  exporters: Side;
  kind: ItemKind;
  /** Why it is classified so, and what changed (fields, params, gates ...). */
  reasons: string[];
  old?: SurfaceItem;
  new?: SurfaceItem;
}

export interface Verdict {
  ok: boolean;
  /** The bump the changes need: `major` (or `minor` below 1.0), `minor`, `patch` or `none`. */
  required: 'major' | 'minor' | 'patch' | 'none';
  from?: string;
  to?: string;
  errors: string[];
  warnings: string[];
  /** Added items whose `@since` is missing or names another version (the editor offers a fix). */
  gateProblems: Array<{ path: string; expected: string; found?: string }>;
}

export interface EvolutionReport {
  oldPackage: string;
  newPackage: string;
  /** Where the new side declares its package (for what has no place of its own any more). */
  newLocation?: { uri: string; range: Range };
  /** Every item of the new side (where a removed item's surviving container is). */
  newItems: Map<string, SurfaceItem>;
  changes: Change[];
  verdict: Verdict;
}
