// Lays a view graph out with elkjs (layered, left to right): compound nodes hold
// their children, edges are routed orthogonally with their labels placed. Returns
// absolute coordinates so the renderer (and the bench, in Node) need not know ELK.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ViewEdge, ViewGraph, ViewNode } from '../../../client/src/graph/messages';

export interface Point {
  x: number;
  y: number;
}
export interface PlacedNode {
  node: ViewNode;
  x: number;
  y: number;
  width: number;
  height: number;
  compound: boolean;
  depth: number;
}
export interface PlacedEdge {
  edge: ViewEdge;
  points: Point[];
  label?: { x: number; y: number; width: number; height: number };
}
export interface Layout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

/** Text metrics without a DOM: 12px monospace is about 7.2px a character. */
export const CHAR_WIDTH = 7.2;
export const NODE_HEIGHT = 38;
const HEADER = 26;

export function nodeWidth(n: ViewNode): number {
  const kindTag = n.kind.length * 6 + 16;
  return Math.max(90, Math.ceil(n.label.length * CHAR_WIDTH) + kindTag + 20);
}

const elk = new ELK();

export async function layoutGraph(graph: ViewGraph): Promise<Layout> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const children = new Map<string | undefined, ViewNode[]>();
  for (const n of graph.nodes) {
    const parent = n.parent && ids.has(n.parent) ? n.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  const toElk = (n: ViewNode): ElkNode => {
    const kids = children.get(n.id);
    if (kids?.length) {
      return {
        id: n.id,
        layoutOptions: { 'elk.padding': `[top=${HEADER + 8},left=12,bottom=12,right=12]` },
        labels: [{ text: n.label, width: nodeWidth(n), height: HEADER }],
        children: kids.map(toElk),
      };
    }
    return { id: n.id, width: nodeWidth(n), height: NODE_HEIGHT };
  };
  const drawn = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const edges: ElkExtendedEdge[] = drawn.map((e, i) => ({
    id: `e${i}`,
    sources: [e.from],
    targets: [e.to],
    labels: e.label ? [{ text: e.label, width: Math.ceil(e.label.length * 6.2) + 8, height: 16 }] : [],
  }));
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '18',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // Cheaper crossing minimisation: the default effort costs several times more on
      // a WASI-sized graph for hardly fewer crossings (see test/bench/graph.ts).
      'elk.layered.thoroughness': '3',
      'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
      'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children: (children.get(undefined) ?? []).map(toElk),
    edges,
  };
  const laid = await elk.layout(root);
  return collect(laid, graph, drawn);
}

/** Absolute positions from ELK's nested ones; `drawn[i]` is the view edge of ELK edge `e${i}`. */
function collect(root: ElkNode, graph: ViewGraph, drawn: ViewEdge[]): Layout {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: PlacedNode[] = [];
  const absolute = new Map<string, Point>([['__root', { x: 0, y: 0 }]]);
  const walk = (n: ElkNode, origin: Point, depth: number) => {
    for (const c of n.children ?? []) {
      const at = { x: origin.x + (c.x ?? 0), y: origin.y + (c.y ?? 0) };
      absolute.set(c.id, at);
      const view = byId.get(c.id);
      if (view) nodes.push({ node: view, ...at, width: c.width ?? 0, height: c.height ?? 0, compound: !!c.children?.length, depth });
      walk(c, at, depth + 1);
    }
  };
  walk(root, { x: 0, y: 0 }, 0);
  // ELK gives each edge's points relative to the node it was placed in (its container).
  const placed: PlacedEdge[] = [];
  const collectEdges = (n: ElkNode) => {
    for (const e of (n.edges ?? []) as (ElkExtendedEdge & { container?: string })[]) {
      const origin = absolute.get(e.container ?? n.id) ?? { x: 0, y: 0 };
      const shift = (p: Point) => ({ x: p.x + origin.x, y: p.y + origin.y });
      const points: Point[] = [];
      for (const s of e.sections ?? []) points.push(shift(s.startPoint), ...(s.bendPoints ?? []).map(shift), shift(s.endPoint));
      const view = drawn[Number(e.id.slice(1))];
      const l = e.labels?.[0];
      placed.push({
        edge: view,
        points,
        label:
          l && l.x !== undefined ? { x: l.x + origin.x, y: (l.y ?? 0) + origin.y, width: l.width ?? 0, height: l.height ?? 0 } : undefined,
      });
    }
    for (const c of n.children ?? []) collectEdges(c);
  };
  collectEdges(root);
  return { nodes, edges: placed, width: root.width ?? 0, height: root.height ?? 0 };
}
