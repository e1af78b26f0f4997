// Draws a laid-out graph as SVG: compound nodes as labelled frames, nodes as boxes
// with a kind tag, edges as bezier curves with arrowheads and labels. Colours
// come from classes styled with VS Code's theme variables (graph.css).
import type { Layout, PlacedEdge, PlacedNode } from './layout';
import { svg } from './svg';

export interface RenderedGraph {
  root: SVGSVGElement;
  viewport: SVGGElement;
  /** The focusable element of each node, by id. */
  nodeElements: Map<string, SVGGElement>;
}

const MARKERS = ['import', 'export', 'use', 'include', 'depends', 'with', 'satisfied', 'near-miss', 'missing'];

export function renderGraph(layout: Layout, title: string): RenderedGraph {
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'graph',
    role: 'group',
    'aria-label': title,
    viewBox: `0 0 ${Math.max(layout.width, 1)} ${Math.max(layout.height, 1)}`,
  });
  const defs = svg('defs');
  for (const kind of MARKERS) {
    defs.append(
      svg(
        'marker',
        {
          id: `arrow-${kind}`,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
          class: `marker edge-${kind}`,
        },
        svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }),
      ),
    );
  }
  root.append(defs);
  const viewport = svg('g', { class: 'viewport' });
  root.append(viewport);

  const nodeElements = new Map<string, SVGGElement>();
  // Edges under the frames (which are all but transparent): a curve that crosses
  // a frame's header then passes under its kind and label instead of through them.
  const edgeLayer = svg('g', { class: 'edges' });
  for (const e of layout.edges) edgeLayer.append(drawEdge(e));
  viewport.append(edgeLayer);
  const compounds = layout.nodes.filter((n) => n.compound).sort((a, b) => a.depth - b.depth);
  for (const n of compounds) viewport.append(drawCompound(n, nodeElements));
  for (const n of layout.nodes.filter((x) => !x.compound)) viewport.append(drawNode(n, nodeElements));
  return { root, viewport, nodeElements };
}

function classesOf(p: PlacedNode): string {
  const n = p.node;
  return ['node', `kind-${n.kind}`, n.open ? 'open' : '', n.dependency ? 'dependency' : '', n.status ? `status-${n.status}` : '']
    .filter(Boolean)
    .join(' ');
}

function accessibleName(p: PlacedNode): string {
  const n = p.node;
  const state = n.open ? ', unsatisfied import' : n.status ? `, ${n.status.replace('-', ' ')}` : '';
  return `${n.kind} ${n.label}${state}${n.detail ? `: ${n.detail}` : ''}`;
}

function drawCompound(p: PlacedNode, elements: Map<string, SVGGElement>): SVGGElement {
  const g = svg('g', {
    class: `${classesOf(p)} compound`,
    tabindex: 0,
    role: 'button',
    'data-id': p.node.id,
    'aria-label': accessibleName(p),
    transform: `translate(${p.x},${p.y})`,
  });
  g.append(
    svg('rect', { class: 'frame', width: p.width, height: p.height, rx: 6 }),
    svg('text', { class: 'frame-kind', x: 10, y: 17 }, p.node.kind),
    svg('text', { class: 'frame-label', x: 16 + p.node.kind.length * 6.5, y: 17 }, p.node.label),
    svg('title', {}, accessibleName(p)),
  );
  elements.set(p.node.id, g);
  return g;
}

function drawNode(p: PlacedNode, elements: Map<string, SVGGElement>): SVGGElement {
  const n = p.node;
  const g = svg('g', {
    class: classesOf(p),
    tabindex: 0,
    role: 'button',
    'data-id': n.id,
    'aria-label': accessibleName(p),
    transform: `translate(${p.x},${p.y})`,
  });
  const tagWidth = n.kind.length * 6 + 10;
  g.append(
    svg('rect', { class: 'box', width: p.width, height: p.height, rx: 4 }),
    svg('rect', { class: 'tag', x: 6, y: 11, width: tagWidth, height: 16, rx: 3 }),
    svg('text', { class: 'tag-text', x: 6 + tagWidth / 2, y: 23, 'text-anchor': 'middle' }, n.kind),
    svg('text', { class: 'label', x: 12 + tagWidth, y: 24 }, n.label),
    svg('title', {}, accessibleName(p)),
  );
  if (n.open) g.append(svg('text', { class: 'open-mark', x: p.width - 8, y: 12, 'text-anchor': 'end' }, 'open'));
  elements.set(n.id, g);
  return g;
}

function drawEdge(e: PlacedEdge): SVGGElement {
  const kind = e.edge.kind;
  const g = svg('g', { class: `edge edge-${kind}` });
  if (e.points.length >= 4) {
    g.append(svg('path', { d: edgePath(e), 'marker-end': `url(#arrow-${MARKERS.includes(kind) ? kind : 'import'})` }));
  }
  if (e.edge.label && e.label) {
    g.append(
      svg('rect', { class: 'edge-label-bg', x: e.label.x - 2, y: e.label.y, width: e.label.width, height: e.label.height, rx: 3 }),
      svg('text', { class: 'edge-label', x: e.label.x + 2, y: e.label.y + 12 }, e.edge.label),
    );
  }
  return g;
}

/**
 * The spline as one path: `M start C c1 c2 end …` through its pieces, then a
 * line on to the arrow tip, so the arrowhead (drawn at the path's end, turned
 * along its last segment) points into the target.
 */
function edgePath(e: PlacedEdge): string {
  const [start, ...pieces] = e.points;
  const at = (p: { x: number; y: number }) => `${p.x} ${p.y}`;
  const tip = e.arrowTip ? ` L ${at(e.arrowTip)}` : '';
  return `M ${at(start)} C ${pieces.map(at).join(' ')}${tip}`;
}
