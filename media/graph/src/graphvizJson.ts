// Reads graphviz's json output back into our Layout: node centres and cluster
// boxes, edge splines with their arrow ends, edge label centres. Graphviz's origin
// is bottom-left with y up, in points; ours is top-left with y down, in px (the
// same unit at 72 points an inch), with a margin around the drawing.
import type { DotEdge, DotGraph } from './dotSource';
import type { ViewNode } from '../../../client/src/graph/messages';
import type { Layout, PlacedEdge, PlacedNode, Point } from './layout';

/** Room around the whole drawing, in px. */
const MARGIN = 16;
/** How far graphviz stops a spline short of its arrow tip (arrowsize 1), and our arrowhead's length. */
const ARROW_LENGTH = 10;
/** The edge label text's advance at 10.5 px monospace, and the room around it (render.ts draws the box). */
const LABEL_CHAR_WIDTH = 6.4;
const LABEL_HEIGHT = 16;

/** The parts of graphviz's json (`-Tjson`) we read; its numbers are strings. */
export interface GraphvizJson {
  bb: string;
  objects?: { name: string; bb?: string; pos?: string }[];
  edges?: { id?: string; pos?: string; lp?: string }[];
}

/** A spline as graphviz writes it: `e,x,y` (arrow tip at the head), `s,x,y` (at the tail), then 1 + 3n bezier points. */
export function parseSpline(pos: string): { points: Point[]; start?: Point; end?: Point } {
  const out: { points: Point[]; start?: Point; end?: Point } = { points: [] };
  // Several splines (`;`) only come with concentrate=true, which we do not set.
  for (const token of pos.split(';')[0].trim().split(/\s+/)) {
    const parts = token.split(',');
    if (parts[0] === 'e' || parts[0] === 's') {
      const p = { x: Number(parts[1]), y: Number(parts[2]) };
      if (parts[0] === 'e') out.end = p;
      else out.start = p;
    } else if (parts.length === 2) {
      out.points.push({ x: Number(parts[0]), y: Number(parts[1]) });
    }
  }
  if (out.points.length % 3 !== 1) out.points = [];
  return out;
}

const numbers = (text: string) => text.split(',').map(Number);
const round = (v: number) => Math.round(v * 100) / 100;
const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
/** A bezier piece that is the straight line from the spline's last point to `to`. */
const lineTo = (points: Point[], to: Point) => {
  const from = points[points.length - 1];
  points.push(lerp(from, to, 1 / 3), lerp(from, to, 2 / 3), to);
};

export function readGraphviz(json: GraphvizJson, dot: DotGraph, size: (n: ViewNode) => { width: number; height: number }): Layout {
  const [llx, lly, urx, ury] = numbers(json.bb);
  const flip = (x: number, y: number): Point => ({ x: round(x - llx + MARGIN), y: round(ury - y + MARGIN) });
  const objects = new Map((json.objects ?? []).map((o) => [o.name, o]));

  const nodes: PlacedNode[] = [];
  const byName = new Map<string, PlacedNode>();
  for (const d of dot.nodes) {
    const o = objects.get(d.name);
    let box: { x: number; y: number; width: number; height: number } | undefined;
    if (d.compound && o?.bb) {
      const [x0, y0, x1, y1] = numbers(o.bb);
      box = { ...flip(x0, y1), width: round(x1 - x0), height: round(y1 - y0) };
    } else if (!d.compound && o?.pos) {
      // Our own size, not graphviz's rounded inches: the box is exactly what DOT asked for.
      const { width, height } = size(d.node);
      const [cx, cy] = numbers(o.pos);
      const centre = flip(cx, cy);
      box = { x: round(centre.x - width / 2), y: round(centre.y - height / 2), width, height };
    }
    if (!box) continue;
    const placed: PlacedNode = { node: d.node, ...box, compound: d.compound, depth: d.depth };
    nodes.push(placed);
    byName.set(d.name, placed);
  }

  const routes = new Map((json.edges ?? []).filter((e) => e.id).map((e) => [e.id!, e]));
  const edges = dot.edges.map((d): PlacedEdge => {
    const laid = routes.get(d.id);
    const placed: PlacedEdge = { edge: d.edge, points: [] };
    if (laid?.pos) {
      const spline = parseSpline(laid.pos);
      if (spline.points.length) {
        placed.points = spline.points.map((p) => flip(p.x, p.y));
        if (spline.start) placed.points.unshift(...straight(flip(spline.start.x, spline.start.y), placed.points[0]));
        if (spline.end) placed.arrowTip = flip(spline.end.x, spline.end.y);
        toFrameBorders(placed, d, byName);
        placed.points = placed.points.map((p) => ({ x: round(p.x), y: round(p.y) }));
      }
    }
    if (laid?.lp && d.edge.label) {
      const [cx, cy] = numbers(laid.lp);
      const centre = flip(cx, cy);
      const text = d.edge.label.length * LABEL_CHAR_WIDTH;
      // render.ts draws the box from x - 2 and the text from x + 2: centred on graphviz's label.
      placed.label = {
        x: round(centre.x - text / 2 - 2),
        y: round(centre.y - LABEL_HEIGHT / 2),
        width: Math.ceil(text) + 8,
        height: LABEL_HEIGHT,
      };
    }
    return placed;
  });
  return { nodes, edges, width: round(urx - llx + 2 * MARGIN), height: round(ury - lly + 2 * MARGIN) };
}

/** A straight bezier piece from `from` to `to`, without `to` itself (the spline it leads into starts there). */
function straight(from: Point, to: Point): Point[] {
  return [from, lerp(from, to, 1 / 3), lerp(from, to, 2 / 3)];
}

/**
 * An edge between a compound and something inside it ends at an anchor inside
 * the frame (dotSource.ts): carried straight out to the frame's left side (its
 * tail) or right side (its head), so it visibly leaves or meets the frame.
 */
function toFrameBorders(e: PlacedEdge, d: DotEdge, byName: Map<string, PlacedNode>): void {
  const tailFrame = d.tailInside && byName.get(d.tailInside.name);
  if (tailFrame) e.points.unshift(...straight({ x: tailFrame.x, y: e.points[0].y }, e.points[0]));
  const headFrame = d.headInside && byName.get(d.headInside.name);
  if (headFrame) {
    const anchor = e.arrowTip ?? e.points[e.points.length - 1];
    const border = headFrame.x + headFrame.width;
    if (e.arrowTip) lineTo(e.points, e.arrowTip);
    lineTo(e.points, { x: Math.max(anchor.x, border - ARROW_LENGTH), y: anchor.y });
    e.arrowTip = { x: border, y: anchor.y };
  }
}
