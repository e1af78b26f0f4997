// State shared by the resolver's passes.
import type { Range } from 'vscode-languageserver-types';
import type { WitReference, WitSymbol } from '../model';
import type { DiagnosticSink } from './diagnostics';
import type { InterfaceEntity, PackageEntity, WorldEntity } from './entities';
import type { PackageTable } from './packages';

export interface ResolveContext {
  sink: DiagnosticSink;
  /** Active `@unstable` features. */
  features: ReadonlySet<string>;
  table: PackageTable;
  references: WitReference[];
  /** Per file: names brought in by top-level `use` (an interface, or undefined when it failed). */
  fileUses: Map<string, Map<string, InterfaceEntity | undefined>>;
  /** Every interface and world, in declaration order. */
  nodes: Array<InterfaceEntity | WorldEntity>;
  /** The package each file's items belong to (for local lookups). */
  packageOf: Map<string, PackageEntity>;
}

export function addReference(
  ctx: ResolveContext,
  uri: string,
  range: Range,
  target: WitSymbol | undefined,
  role: WitReference['role'],
): void {
  if (target) ctx.references.push({ uri, range, target, role });
}
