// The component graph of a built component: its imports (left), the instances it
// creates — each a box holding the component it instantiates — the core modules
// it runs, and its exports (right). An edge is `with` wiring: the item that
// satisfies an import of an instantiation, traced back through aliases, lowered
// and lifted functions to the import or instance it really comes from.
import type { ComponentInfo, InstantiateArg, ItemRef } from './model';

export type ComponentNodeKind = 'import' | 'export' | 'instance' | 'module';
export type ComponentEdgeKind = 'with' | 'export';

export interface ComponentGraphNode {
  id: string;
  kind: ComponentNodeKind;
  label: string;
  detail?: string;
  /** The compound node (an instance) this one is drawn inside. */
  parent?: string;
  /** A top-level import: nothing inside the component satisfies it. */
  open?: boolean;
}

export interface ComponentGraphEdge {
  from: string;
  to: string;
  kind: ComponentEdgeKind;
  label?: string;
}

export interface ComponentGraph {
  nodes: ComponentGraphNode[];
  edges: ComponentGraphEdge[];
}

export interface ComponentGraphOptions {
  /** How many levels of nested instances to open up (their modules and instances drawn inside). */
  depth?: number;
}

export function componentGraph(info: ComponentInfo, options: ComponentGraphOptions = {}): ComponentGraph {
  const graph: ComponentGraph = { nodes: [], edges: [] };
  addComponent(info, '', undefined, graph, options.depth ?? 1);
  return graph;
}

/** The last segment of `ns:pkg/iface@1.0.0` (`iface`), for short labels. */
export function shortName(name: string): string {
  const noVersion = name.replace(/@[^@/]*$/, '');
  return noVersion.slice(noVersion.lastIndexOf('/') + 1).replace(/^.*:/, '');
}

function addComponent(info: ComponentInfo, prefix: string, parent: string | undefined, graph: ComponentGraph, depth: number): void {
  const key = (r: ItemRef) => `${r.sort}#${r.index}`;
  const originOf = (r: ItemRef) => info.items[r.sort]?.[r.index];
  const nodeIds = new Map<string, string>();

  // The nodes: what a reader thinks of as the parts of the component.
  for (const [sort, origins] of Object.entries(info.items) as [ItemRef['sort'], typeof info.items.func][]) {
    origins?.forEach((origin, index) => {
      const ref: ItemRef = { sort, index };
      let id: string | undefined;
      // Inside an instance, its imports and exports are the edges into and out of its frame.
      if (parent !== undefined && (origin.how === 'import' || origin.how === 'export')) return;
      if (origin.how === 'import' && sort !== 'type' && sort !== 'core type') {
        id = `${prefix}import:${origin.name}`;
        graph.nodes.push({
          id,
          kind: 'import',
          label: origin.name ?? '?',
          detail: `imported ${sort}`,
          parent,
          open: true,
        });
      } else if (origin.how === 'export' && (sort === 'instance' || sort === 'func')) {
        id = `${prefix}export:${origin.name}`;
        graph.nodes.push({ id, kind: 'export', label: origin.name ?? '?', detail: `exported ${sort}`, parent });
      } else if (origin.how === 'instantiate' && sort === 'instance') {
        id = `${prefix}instance:${index}`;
        const componentIndex = origin.deps[0].item.index;
        const nested = info.components.find((c) => c.index === componentIndex);
        const name = info.names.instance?.get(index) ?? nested?.name;
        const exported = nested?.exports.map((e) => shortName(e.name)).join(', ');
        graph.nodes.push({
          id,
          kind: 'instance',
          parent,
          label: name ?? (exported ? `component ${componentIndex} (${exported})` : `component ${componentIndex}`),
          detail: `instance ${index} of component ${componentIndex}`,
        });
        if (nested && depth > 0) addComponent(nested, `${id}/`, id, graph, depth - 1);
      } else if (origin.how === 'instantiate' && sort === 'core instance') {
        id = `${prefix}core:${index}`;
        const moduleIndex = origin.deps[0].item.index;
        const module = info.modules.find((m) => m.index === moduleIndex);
        const name = info.names['core module']?.get(moduleIndex) ?? module?.name;
        graph.nodes.push({
          id,
          kind: 'module',
          parent,
          label: name ? name.replace(/^\$/, '') : `module ${moduleIndex}`,
          detail: module
            ? `core module ${moduleIndex}: ${module.imports.length} imports, ${module.exports.length} exports, ${module.size} bytes`
            : `core module ${moduleIndex}`,
        });
      }
      if (id) nodeIds.set(key(ref), id);
    });
  }

  // Which nodes an item comes from, following aliases, bundles, lifts and lowers.
  const memo = new Map<string, Set<string>>();
  const sources = (ref: ItemRef, seen = new Set<string>()): Set<string> => {
    const k = key(ref);
    const own = nodeIds.get(k);
    if (own) return new Set([own]);
    const cached = memo.get(k);
    if (cached) return cached;
    const out = new Set<string>();
    if (seen.has(k)) return out;
    seen.add(k);
    for (const dep of originOf(ref)?.deps ?? []) {
      if (dep.item.sort === 'component' || dep.item.sort === 'core module') continue;
      for (const s of sources(dep.item, seen)) out.add(s);
    }
    memo.set(k, out);
    return out;
  };
  const wire = (to: string, args: InstantiateArg[], kind: 'with' | 'export') => {
    const seen = new Set<string>();
    for (const arg of args) {
      if (arg.item.sort === 'component' || arg.item.sort === 'core module') continue;
      for (const from of sources(arg.item)) {
        const label = kind === 'with' ? arg.name : undefined;
        const k = `${from}>${label}`;
        if (from === to || seen.has(k)) continue;
        seen.add(k);
        graph.edges.push({ from, to, kind, label });
      }
    }
  };
  for (const [k, id] of nodeIds) {
    const [sort, index] = k.split('#');
    const origin = originOf({ sort: sort as ItemRef['sort'], index: Number(index) });
    if (!origin || origin.how === 'import') continue;
    wire(id, origin.deps, origin.how === 'export' ? 'export' : 'with');
  }
}
