// Lays a view graph out with elkjs (layered, left to right): compound nodes hold
// their children, edges are routed orthogonally with their labels placed. Returns
// absolute coordinates so the renderer (and the bench, in Node) need not know ELK.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ViewEdge, ViewGraph, ViewNode } from '../../../client/src/graph/messages';
import { joinRoutes, splitAcrossCompounds, type Segment } from './hierarchyEdges';

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
  const parentOf = new Map<string, string | undefined>();
  for (const n of graph.nodes) {
    const parent = n.parent && ids.has(n.parent) ? n.parent : undefined;
    parentOf.set(n.id, parent);
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  const drawn = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  // Each compound is laid out on its own (SEPARATE_CHILDREN): edges that cross a
  // compound's border go through ports on it (hierarchyEdges.ts).
  const split = splitAcrossCompounds(drawn, (id) => parentOf.get(id));
  const toElk = (n: ViewNode): ElkNode => {
    const kids = children.get(n.id);
    if (kids?.length) {
      const ports = split.ports.get(n.id) ?? [];
      return {
        id: n.id,
        layoutOptions: {
          'elk.padding': `[top=${HEADER + 8},left=12,bottom=12,right=12]`,
          ...(ports.length ? { 'elk.portConstraints': 'FIXED_SIDE' } : {}),
        },
        labels: [{ text: n.label, width: nodeWidth(n), height: HEADER }],
        ports: ports.map((p) => ({ id: p.id, width: 1, height: 1, layoutOptions: { 'elk.port.side': p.side } })),
        children: kids.map(toElk),
      };
    }
    return { id: n.id, width: nodeWidth(n), height: NODE_HEIGHT };
  };
  const edges: ElkExtendedEdge[] = split.segments.map((s) => {
    const label = s.middle ? drawn[s.edge].label : undefined;
    return {
      id: s.id,
      sources: [s.source],
      targets: [s.target],
      labels: label ? [{ text: label, width: Math.ceil(label.length * 6.2) + 8, height: 16 }] : [],
    };
  });
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
      // Every edge section relative to the root, wherever ELK placed the segment.
      'elk.json.edgeCoords': 'ROOT',
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
  return collect(laid, graph, drawn, split.segments);
}

/** Absolute positions from ELK's nested ones; each view edge joined again from its segments. */
function collect(root: ElkNode, graph: ViewGraph, drawn: ViewEdge[], segments: Segment[]): Layout {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: PlacedNode[] = [];
  const walk = (n: ElkNode, origin: Point, depth: number) => {
    for (const c of n.children ?? []) {
      const at = { x: origin.x + (c.x ?? 0), y: origin.y + (c.y ?? 0) };
      const view = byId.get(c.id);
      if (view) nodes.push({ node: view, ...at, width: c.width ?? 0, height: c.height ?? 0, compound: !!c.children?.length, depth });
      walk(c, at, depth + 1);
    }
  };
  walk(root, { x: 0, y: 0 }, 0);
  // Sections and labels are relative to the root ('elk.json.edgeCoords': 'ROOT').
  const laidOut = new Map<string, ElkExtendedEdge>();
  const gather = (n: ElkNode) => {
    for (const e of n.edges ?? []) laidOut.set(e.id, e);
    for (const c of n.children ?? []) gather(c);
  };
  gather(root);
  const routes = drawn.map(() => [] as Point[][]);
  const pieces = drawn.map(() => 0);
  for (const s of segments) pieces[s.edge]++;
  const labels: PlacedEdge['label'][] = drawn.map(() => undefined);
  for (const s of segments) {
    const e = laidOut.get(s.id);
    if (!e) continue;
    const points: Point[] = [];
    for (const sec of e.sections ?? []) points.push(sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint);
    routes[s.edge][s.order] = points;
    const l = e.labels?.[0];
    if (s.middle && l && l.x !== undefined) labels[s.edge] = { x: l.x, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0 };
  }
  const placed: PlacedEdge[] = drawn.map((edge, i) => ({
    edge,
    // A chain with a piece ELK could not route is not drawn at all (rather than half).
    points: routes[i].filter((r) => r?.length).length === pieces[i] ? joinRoutes(routes[i]).map((p) => ({ x: p.x, y: p.y })) : [],
    label: labels[i],
  }));
  return { nodes, edges: placed, width: root.width ?? 0, height: root.height ?? 0 };
}
