// Folding: a package under deps/ drawn as one node. Edges to its interfaces and
// worlds go to the package instead (merged when several become the same), so the
// graph shows what the workspace's own packages reach, not every transitive detail.
import type { ViewEdge, ViewGraph, ViewNode } from '../../../client/src/graph/messages';

export function foldDependencies(graph: ViewGraph): ViewGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const foldedInto = new Map<string, string>();
  const hidden = new Map<string, number>();
  for (const n of graph.nodes) {
    const parent = n.parent ? byId.get(n.parent) : undefined;
    if (n.dependency && parent?.kind === 'package' && parent.dependency) {
      foldedInto.set(n.id, parent.id);
      hidden.set(parent.id, (hidden.get(parent.id) ?? 0) + 1);
    }
  }
  if (foldedInto.size === 0) return graph;
  const nodes: ViewNode[] = graph.nodes
    .filter((n) => !foldedInto.has(n.id))
    .map((n) => (hidden.has(n.id) ? { ...n, detail: `${hidden.get(n.id)} items folded (deps/)` } : n));
  const seen = new Set<string>();
  const edges: ViewEdge[] = [];
  for (const e of graph.edges) {
    const from = foldedInto.get(e.from) ?? e.from;
    const to = foldedInto.get(e.to) ?? e.to;
    const key = `${from}|${to}|${e.kind}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    edges.push({ ...e, from, to });
  }
  return { nodes, edges };
}

/**
 * Closing: the component graph with every instance drawn closed (what it is made
 * of hidden), so the composition itself reads at a glance.
 */
export function closeInstances(graph: ViewGraph): ViewGraph {
  const nested = new Set(graph.nodes.filter((n) => n.parent).map((n) => n.id));
  if (nested.size === 0) return graph;
  return {
    nodes: graph.nodes.filter((n) => !nested.has(n.id)),
    edges: graph.edges.filter((e) => !nested.has(e.from) && !nested.has(e.to)),
  };
}
