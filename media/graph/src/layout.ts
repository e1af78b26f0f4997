// Lays a view graph out with Graphviz's dot (left to right, as wasm through
// @hpcc-js/wasm-graphviz): compound nodes are clusters around their children,
// edges are bezier splines with their labels placed. Returns absolute coordinates
// so the renderer (and the bench, in Node) need not know graphviz.
// The package is an ES module only; this file is also run as CommonJS (tsx, in the tests and the bench).
import type { Graphviz } from '@hpcc-js/wasm-graphviz' with { 'resolution-mode': 'import' };
import type { ViewEdge, ViewGraph, ViewNode } from '../../../client/src/graph/messages';
import { toDot } from './dotSource';
import { readGraphviz, type GraphvizJson } from './graphvizJson';

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
  /**
   * The route, a cubic bezier spline: its start (on the source's border), then
   * two control points and an end for each piece, so 1 + 3n points; empty when
   * the edge could not be routed.
   */
  points: Point[];
  /** The arrowhead's tip on the target's border: the spline stops short of it by the arrow's length. */
  arrowTip?: Point;
  /** The label's box (top left, size), when the edge has a label. */
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

export function nodeWidth(n: ViewNode): number {
  const kindTag = n.kind.length * 6 + 16;
  return Math.max(90, Math.ceil(n.label.length * CHAR_WIDTH) + kindTag + 20);
}

const leafSize = (n: ViewNode) => ({ width: nodeWidth(n), height: NODE_HEIGHT });

// Compiling graphviz's wasm is most of the first layout's time: once per page
// (or process), shared by every layout after it. Imported when first needed, so
// loading this module (the bench, the tests) does not compile it.
let graphviz: Promise<Graphviz> | undefined;
function loadGraphviz(): Promise<Graphviz> {
  if (!graphviz) {
    graphviz = import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
    // A failed load is tried again by the next layout rather than remembered.
    graphviz.catch(() => (graphviz = undefined));
  }
  return graphviz;
}

export async function layoutGraph(graph: ViewGraph): Promise<Layout> {
  const gv = await loadGraphviz();
  const dot = toDot(graph, leafSize);
  const json = JSON.parse(gv.layout(dot.dot, 'json', 'dot')) as GraphvizJson;
  return readGraphviz(json, dot, leafSize);
}
