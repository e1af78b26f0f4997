// The worlds of a file's package, for pickers (bindings, graphs, the status item).
import type { Range } from 'vscode-languageserver-types';
import type { Analysis } from '../model';

export interface WorldSummary {
  /** Qualified, e.g. `wasi:http/service@0.3.0`. */
  name: string;
  package: string;
  uri: string;
  range: Range;
}

/** The worlds of the package that holds `uri` (the root package when no package claims it). */
export function listWorlds(analysis: Analysis, uri: string): WorldSummary[] {
  const packages = analysis.packages;
  const pkg = packages.find((p) => p.uris.includes(uri)) ?? packages.find((p) => !p.isDependency);
  if (!pkg) return [];
  return pkg.worlds.map((w) => ({
    name: w.qualified,
    package: pkg.name,
    uri: w.symbol?.uri ?? pkg.uris[0] ?? uri,
    range: w.symbol?.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  }));
}
