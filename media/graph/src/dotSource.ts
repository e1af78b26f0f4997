// The DOT text graphviz lays a view graph out from: compound nodes become clusters
// (their label only reserves room for the frame's header, which render.ts draws),
// leaves fixed-size boxes without text, edges keep their labels. Every name in the
// DOT text is made here (n3, cluster_0, entry0, edge7), so no view id has to
// survive DOT's syntax; the only free text, labels, goes through dotString.
import type { ViewEdge, ViewGraph, ViewNode } from '../../../client/src/graph/messages';

/** Graphviz sizes nodes in inches and places them in points: at 72 a point, one point is one of our px. */
const PX_PER_INCH = 72;
/** The gap between nodes of one rank and between ranks (graphviz's nodesep, ranksep), in px. */
const NODE_GAP = 18;
const RANK_GAP = 56;
/** Room around a cluster's nodes, in px. */
const CLUSTER_MARGIN = 10;

export interface DotNode {
  node: ViewNode;
  /** Its name in the DOT text: a leaf's node name, a compound's cluster name. */
  name: string;
  compound: boolean;
  /** How many compounds it is inside. */
  depth: number;
}

export interface DotEdge {
  edge: ViewEdge;
  /** Its `id` attribute, which graphviz hands back with the route. */
  id: string;
  /**
   * An end at a compound that holds the other end: graphviz cannot clip such an
   * end at the frame (its other end is inside), so it runs to an anchor just
   * inside the frame's left side (tail) or right side (head), and the caller
   * carries it out to that border.
   */
  tailInside?: DotNode;
  headInside?: DotNode;
}

export interface DotGraph {
  dot: string;
  /** The drawn view nodes, parents before their children. */
  nodes: DotNode[];
  /** The drawn view edges: those whose two ends are drawn. */
  edges: DotEdge[];
}

/** A DOT quoted string: quotes and backslashes escaped (graphviz reads `\N`, `\G`… in labels), on one line. */
export function dotString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n\t\f\v]/g, ' ')}"`;
}

const inches = (px: number) => (px / PX_PER_INCH).toFixed(4);
type AnchorRole = 'entry' | 'exit';
const anchorName = (compound: DotNode, role: AnchorRole) => `${role}${compound.name.slice('cluster_'.length)}`;

/**
 * The DOT text for `graph`, left to right, each leaf `leafSize(node)` px (the
 * size readGraphviz places it at). A node whose parent is not in the graph is drawn at the top.
 */
export function toDot(graph: ViewGraph, leafSize: (n: ViewNode) => { width: number; height: number }): DotGraph {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const children = new Map<string | undefined, ViewNode[]>();
  for (const n of graph.nodes) {
    const parent = n.parent !== undefined && ids.has(n.parent) ? n.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  // Walked from the top, so a node is reached once and a parent cycle (never
  // made by our graphs) leaves its nodes out instead of looping.
  const nodes: DotNode[] = [];
  const placed = new Map<string, DotNode>();
  const parentOf = new Map<string, DotNode | undefined>();
  const walk = (list: ViewNode[], parent: DotNode | undefined, depth: number) => {
    for (const n of list) {
      const kids = children.get(n.id) ?? [];
      const d: DotNode = { node: n, name: kids.length ? `cluster_${nodes.length}` : `n${nodes.length}`, compound: kids.length > 0, depth };
      nodes.push(d);
      placed.set(n.id, d);
      parentOf.set(n.id, parent);
      walk(kids, d, depth + 1);
    }
  };
  walk(children.get(undefined) ?? [], undefined, 0);
  const inside = (id: string, compound: DotNode) => {
    for (let p = parentOf.get(id); p; p = parentOf.get(p.node.id)) if (p === compound) return true;
    return false;
  };

  // A compound's edges start and end at invisible anchors inside its cluster,
  // held by invisible edges of length 0 at or before everything in it (entry)
  // and at or after everything in it (exit). So an edge into a frame puts its
  // source left of the whole frame, an edge out of it puts its target right of
  // it (frame to frame: one after the other), without spending a rank on the
  // anchors. Edges to and from outside are cut at the frame's border (lhead,
  // ltail); an edge between a frame and its own descendant starts at its entry
  // or ends at its exit, and is carried out to the frame's side (DotEdge).
  const anchors = new Map<DotNode, Set<AnchorRole>>();
  const anchor = (compound: DotNode, role: AnchorRole) => {
    const roles = anchors.get(compound) ?? new Set();
    roles.add(role);
    anchors.set(compound, roles);
    return anchorName(compound, role);
  };
  const edges: DotEdge[] = [];
  const edgeLines: string[] = [];
  const linked = new Set<DotNode>();
  for (const edge of graph.edges) {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    if (!from || !to) continue;
    linked.add(from).add(to);
    const drawn: DotEdge = { edge, id: `edge${edges.length}` };
    const attrs = [`id=${drawn.id}`];
    let tail = from.name;
    let head = to.name;
    if (from.compound && inside(edge.to, from)) {
      tail = anchor(from, 'entry');
      drawn.tailInside = from;
    } else if (from.compound) {
      tail = anchor(from, 'exit');
      attrs.push(`ltail=${from.name}`);
    }
    if (to.compound && inside(edge.from, to)) {
      head = anchor(to, 'exit');
      drawn.headInside = to;
    } else if (to.compound) {
      head = anchor(to, 'entry');
      attrs.push(`lhead=${to.name}`);
    }
    if (edge.label) attrs.push(`label=${dotString(edge.label)}`);
    edges.push(drawn);
    edgeLines.push(`${tail} -> ${head} [${attrs.join(', ')}];`);
  }

  const lines = [
    'digraph {',
    // Courier: graphviz's text width estimate for it is 0.6 em, our CHAR_WIDTH at 12 px.
    // newrank: one ranking over the whole graph, so the packages an edge reaches
    // line up after its source instead of being stacked under it.
    `graph [rankdir=LR, newrank=true, compound=true, nodesep=${inches(NODE_GAP)}, ranksep=${inches(RANK_GAP)}, fontname=Courier, fontsize=12];`,
    'node [shape=box, fixedsize=true, label=""];',
    // The size the renderer draws edge labels at (graph.css .edge-label).
    'edge [fontname=Courier, fontsize=10.5];',
  ];
  /** Writes `d` (a cluster with everything in it); returns the names of the leaves in it. */
  const emit = (d: DotNode): string[] => {
    if (!d.compound) {
      const { width, height } = leafSize(d.node);
      lines.push(`${d.name} [width=${inches(width)}, height=${inches(height)}];`);
      return [d.name];
    }
    // Two spaces stand for the gap between the kind tag and the label in the header.
    const header = dotString(`${d.node.kind}  ${d.node.label}`);
    lines.push(`subgraph ${d.name} {`, `graph [label=${header}, labeljust=l, margin=${CLUSTER_MARGIN}];`);
    const members = (children.get(d.node.id) ?? []).map((k) => placed.get(k.id)!);
    const leaves = members.flatMap(emit);
    // With one ranking for the whole graph a leaf without edges would go to the
    // first rank, wherever its frame is: it goes in the column of a sibling that has some.
    const loose = members.filter((m) => !m.compound && !linked.has(m));
    const tied = members.find((m) => !m.compound && linked.has(m));
    if (tied && loose.length) lines.push(`{rank=same; ${[tied, ...loose].map((m) => m.name).join('; ')}}`);
    for (const role of anchors.get(d) ?? []) {
      const name = anchorName(d, role);
      lines.push(`${name} [shape=point, width=0.01, height=0.01, style=invis];`);
      // (Not rank=min or max: with newrank those would be the whole graph's first and last rank.)
      const hold = 'style=invis, minlen=0';
      for (const leaf of leaves) lines.push(role === 'entry' ? `${name} -> ${leaf} [${hold}];` : `${leaf} -> ${name} [${hold}];`);
    }
    lines.push('}');
    return leaves;
  };
  for (const d of nodes) if (d.depth === 0) emit(d);
  lines.push(...edgeLines, '}');
  return { dot: lines.join('\n'), nodes, edges };
}
