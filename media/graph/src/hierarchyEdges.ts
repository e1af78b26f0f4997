// Edges between nodes in different compounds, cut where they cross a compound's
// border so that ELK can lay every compound out on its own.
//
// ELK's layered algorithm lays a nested graph out either as one big graph
// (INCLUDE_CHILDREN, which routes such edges itself) or compound by compound
// (SEPARATE_CHILDREN), where an edge that leaves its compound is not routed at
// all. One big graph cost 260–380 ms warm and 1.1–1.4 s cold for the WASI 0.3
// workspace (39 nodes, 115 edges); compound by compound costs about half. So
// each such edge becomes a chain of segments, each inside one compound: from
// its source out through a port on the border of each compound it leaves (east
// side), across the level where both ends meet, and in through a port on each
// compound it enters (west side). The segments' routes are joined again after
// the layout.

/** One piece of a view edge: between two nodes or ports of the same compound. */
export interface Segment {
  id: string;
  source: string;
  target: string;
  /** The view edge it is part of, and its place in that edge's chain. */
  edge: number;
  order: number;
  /** The piece where the two ends meet (the edge's label goes there). */
  middle: boolean;
}

export interface Port {
  id: string;
  side: 'EAST' | 'WEST';
}

export interface SplitEdges {
  segments: Segment[];
  /** The ports to put on each compound, by its id. */
  ports: Map<string, Port[]>;
}

/** The compounds around `id`, innermost first (the root is not one). */
function ancestors(id: string, parentOf: (id: string) => string | undefined): string[] {
  const out: string[] = [];
  for (let p = parentOf(id); p !== undefined; p = parentOf(p)) out.push(p);
  return out;
}

/**
 * The segments of `edges` (`from`, `to` node ids; `parentOf` gives a node's
 * compound, undefined at the top). An edge within one compound is one segment;
 * an edge from a compound to something inside it is left whole (ELK cannot route
 * it compound by compound either, and no graph of ours has one).
 */
export function splitAcrossCompounds(
  edges: readonly { from: string; to: string }[],
  parentOf: (id: string) => string | undefined,
): SplitEdges {
  const segments: Segment[] = [];
  const ports = new Map<string, Port[]>();
  const made = new Set<string>();
  const addPort = (node: string, port: Port) => {
    if (made.has(port.id)) return;
    made.add(port.id);
    const list = ports.get(node) ?? [];
    list.push(port);
    ports.set(node, list);
  };
  edges.forEach((e, i) => {
    const up = ancestors(e.from, parentOf);
    const down = ancestors(e.to, parentOf);
    if (up.includes(e.to) || down.includes(e.from) || parentOf(e.from) === parentOf(e.to)) {
      segments.push({ id: `e${i}`, source: e.from, target: e.to, edge: i, order: 0, middle: true });
      return;
    }
    // The innermost compound around both ends (undefined: the top level).
    const meet = up.find((c) => down.includes(c));
    const leaving = meet === undefined ? up : up.slice(0, up.indexOf(meet));
    const entering = meet === undefined ? down : down.slice(0, down.indexOf(meet));
    // Edges that leave a compound for the same place share its port (and enter
    // through one port from the same place): one bundle per pair, not a line each.
    const far = entering[entering.length - 1] ?? e.to;
    const near = leaving[leaving.length - 1] ?? e.from;
    const stops = [e.from];
    for (const c of leaving) {
      const id = `out:${c}>${far}`;
      addPort(c, { id, side: 'EAST' });
      stops.push(id);
    }
    const middleAt = stops.length - 1;
    for (const c of [...entering].reverse()) {
      const id = `in:${c}<${near}`;
      addPort(c, { id, side: 'WEST' });
      stops.push(id);
    }
    stops.push(e.to);
    for (let k = 0; k + 1 < stops.length; k++) {
      segments.push({ id: `e${i}.${k}`, source: stops[k], target: stops[k + 1], edge: i, order: k, middle: k === middleAt });
    }
  });
  return { segments, ports };
}

export interface Point {
  x: number;
  y: number;
}

/** One route from its segments' routes, in chain order (a joint point shared by two segments once). */
export function joinRoutes(routes: readonly Point[][]): Point[] {
  const out: Point[] = [];
  for (const route of routes) {
    for (const p of route) {
      const last = out[out.length - 1];
      if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
      out.push(p);
    }
  }
  return out;
}
