// The WIT graph of a package root: packages (each drawn around its interfaces and
// worlds), and edges for what a world imports and exports (its elaborated items, as
// wit-parser resolves them), the interfaces an interface `use`s, the worlds a world
// includes and the packages a package depends on. Packages under deps/ are folded:
// only their items that something in the root reaches are shown.
import type { Range } from 'vscode-languageserver-types';
import type { Analysis, InterfaceModel, PackageModel, WitSymbol, WorldItemModel, WorldModel } from '../model';

export type GraphNodeKind = 'package' | 'world' | 'interface' | 'function' | 'type';
export type GraphEdgeKind = 'import' | 'export' | 'use' | 'include' | 'depends';
export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
  uri?: string;
  range?: Range;
  /** The package node that holds it (drawn around it); absent for packages. */
  parent?: string;
  /** Interfaces and worlds of packages under deps/. */
  dependency?: boolean;
}
export interface GraphEdge {
  from: string;
  to: string;
  kind: GraphEdgeKind;
}
export interface CompositionGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface CompositionGraphOptions {
  /** The file the graph is asked for: its package is "home" (its items get short labels). */
  uri: string;
  /** Only this world (name or qualified name) and what it reaches. */
  world?: string;
}

export const packageNodeId = (p: PackageModel) => `package:${p.name}`;
export const worldNodeId = (w: WorldModel) => `world:${w.qualified}`;
export function interfaceNodeId(i: InterfaceModel, world?: WorldModel, key?: string): string {
  return i.name === undefined && world ? `interface:${world.qualified}#${key ?? i.qualified}` : `interface:${i.qualified}`;
}

export function buildCompositionGraph(analysis: Analysis, options: CompositionGraphOptions): CompositionGraph {
  const roots = analysis.packages.filter((p) => !p.isDependency);
  const home = roots.find((p) => p.uris.includes(options.uri)) ?? roots[0];
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const edge = (from: string, to: string, kind: GraphEdgeKind) => {
    if (from !== to) edges.set(`${from}|${to}|${kind}`, { from, to, kind });
  };
  const where = (s?: WitSymbol) => (s ? { uri: s.uri, range: s.nameRange } : {});
  const label = (pkg: PackageModel, name: string, qualified: string) => (pkg === home ? name : qualified);

  const addPackage = (p: PackageModel): string => {
    const id = packageNodeId(p);
    if (!nodes.has(id)) {
      nodes.set(id, {
        id,
        kind: 'package',
        label: p.name,
        ...where(p.symbol),
        ...(p.symbol ? {} : { uri: p.uris[0] }),
        dependency: p.isDependency || undefined,
      });
    }
    return id;
  };

  const addInterface = (i: InterfaceModel, world?: WorldModel, key?: string): string => {
    const id = interfaceNodeId(i, world, key);
    if (nodes.has(id)) return id;
    nodes.set(id, {
      id,
      kind: 'interface',
      // An inline interface (`import x: interface { ... }`) is known by its key.
      label: i.name === undefined ? (key ?? i.qualified) : label(i.package, i.name, i.qualified),
      ...where(i.symbol),
      parent: addPackage(i.package),
      dependency: i.package.isDependency || undefined,
    });
    for (const used of i.uses) edge(id, addInterface(used), 'use');
    return id;
  };

  const addWorld = (w: WorldModel): string => {
    const id = worldNodeId(w);
    if (nodes.has(id)) return id;
    nodes.set(id, {
      id,
      kind: 'world',
      label: label(w.package, w.name, w.qualified),
      ...where(w.symbol),
      parent: addPackage(w.package),
      dependency: w.package.isDependency || undefined,
    });
    const item = (it: WorldItemModel, kind: 'import' | 'export') => edge(id, addItem(w, it), kind);
    for (const it of w.imports) item(it, 'import');
    for (const it of w.exports) item(it, 'export');
    for (const inc of w.includes) edge(id, addWorld(inc), 'include');
    return id;
  };

  const addItem = (w: WorldModel, it: WorldItemModel): string => {
    if (it.kind === 'interface' && it.interface) return addInterface(it.interface, w, it.key);
    const id = `${it.kind === 'function' ? 'function' : 'type'}:${w.qualified}#${it.key}`;
    if (!nodes.has(id)) {
      nodes.set(id, {
        id,
        kind: it.kind === 'function' ? 'function' : 'type',
        label: it.key,
        ...where(it.symbol),
        parent: packageNodeId(w.package),
        dependency: w.package.isDependency || undefined,
      });
    }
    return id;
  };

  const focus = options.world ? findWorld(analysis.packages, options.world, home) : undefined;
  if (focus) addWorld(focus);
  else {
    for (const p of roots) {
      addPackage(p);
      for (const i of p.interfaces) if (i.name !== undefined) addInterface(i);
      for (const w of p.worlds) addWorld(w);
    }
  }
  // Package dependencies, among the packages shown.
  for (const p of analysis.packages) {
    if (!nodes.has(packageNodeId(p))) continue;
    for (const d of p.dependencies) if (nodes.has(packageNodeId(d))) edge(packageNodeId(p), packageNodeId(d), 'depends');
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** A world by plain name (home package first) or by qualified name. */
export function findWorld(packages: PackageModel[], name: string, home?: PackageModel): WorldModel | undefined {
  const all = packages.flatMap((p) => p.worlds);
  return all.find((w) => w.qualified === name) ?? home?.worlds.find((w) => w.name === name) ?? all.find((w) => w.name === name);
}
