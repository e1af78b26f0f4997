// The graph layout (media/graph/src/layout.ts, graphviz's dot): what a user sees
// must hold on real graphs (the WASI 0.3 http WIT graph, folded and unfolded, and
// a composed component's graph with labelled wiring) and on a small hand-made one
// with every awkward case: every edge drawn from its source's border to its
// target's (a frame's for a compound end), every node inside its frame, frames
// wide and tall enough for their header, no two boxes overlapping, every label
// placed, everything inside the drawing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { layoutGraph, type Layout, type PlacedEdge, type PlacedNode, type Point } from '../../media/graph/src/layout';
import { dotString } from '../../media/graph/src/dotSource';
import { foldDependencies } from '../../media/graph/src/fold';
import { componentViewGraph, toViewGraph } from '../../client/src/graph/viewGraphs';
import type { ViewGraph } from '../../client/src/graph/messages';
import { componentGraph } from '../../common/component/componentGraph';
import { readFixture } from './fixtures';
import { wasiWorkspaceGraph } from './wasiWorkspace';

/** How far (px) an edge end may be from the border it meets: graphviz clips at the shape, we round to 0.01. */
const NEAR = 2;

type Box = Pick<PlacedNode, 'x' | 'y' | 'width' | 'height'>;

const distanceToBorder = (p: Point, b: Box) => {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.width));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.height));
  const outside = Math.hypot(dx, dy);
  if (outside > 0) return outside;
  return Math.min(p.x - b.x, b.x + b.width - p.x, p.y - b.y, b.y + b.height - p.y);
};
const strictlyInside = (p: Point, b: Box) =>
  p.x > b.x + NEAR && p.x < b.x + b.width - NEAR && p.y > b.y + NEAR && p.y < b.y + b.height - NEAR;
const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const describe = (e: PlacedEdge) => `${e.edge.kind} ${e.edge.from} -> ${e.edge.to}`;
/** Points along the drawn curve (its control points may lie off it, even outside the drawing). */
function alongCurve(points: Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 3 < points.length; i += 3) {
    const [p0, c1, c2, p1] = points.slice(i, i + 4);
    for (const t of [0, 0.25, 0.5, 0.75, 1]) {
      const u = 1 - t;
      const at = (k: 'x' | 'y') => u * u * u * p0[k] + 3 * u * u * t * c1[k] + 3 * u * t * t * c2[k] + t * t * t * p1[k];
      out.push({ x: at('x'), y: at('y') });
    }
  }
  return out;
}

/** Everything a user relies on in a drawing of `graph`. */
function assertReadable(graph: ViewGraph, layout: Layout): void {
  const placed = new Map(layout.nodes.map((n) => [n.node.id, n]));
  assert.equal(layout.nodes.length, graph.nodes.length, 'every node is placed');
  const inDrawing = (p: Point, what: string) => {
    assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y), `${what}: not a finite point`);
    assert.ok(p.x >= 0 && p.y >= 0 && p.x <= layout.width && p.y <= layout.height, `${what}: ${JSON.stringify(p)} outside the drawing`);
  };

  for (const n of layout.nodes) {
    inDrawing({ x: n.x, y: n.y }, n.node.id);
    inDrawing({ x: n.x + n.width, y: n.y + n.height }, n.node.id);
    const parent = n.node.parent === undefined ? undefined : placed.get(n.node.parent);
    assert.equal(n.depth, parent ? parent.depth + 1 : 0, `${n.node.id}: depth`);
    if (parent) assert.ok(contains(parent, n), `${n.node.id} is outside its frame ${parent.node.id}`);
    assert.equal(
      n.compound,
      graph.nodes.some((c) => c.parent === n.node.id),
      `${n.node.id}: compound`,
    );
    if (n.compound) {
      // render.ts writes the kind at x 10 and the label after it, baseline 17 (12 px text).
      const header = 16 + n.node.kind.length * 6.5 + n.node.label.length * 7.2;
      assert.ok(n.width >= header, `${n.node.id}: frame ${n.width} px wide, its header needs ${header}`);
      for (const c of layout.nodes.filter((k) => k.node.parent === n.node.id)) {
        assert.ok(c.y >= n.y + 22, `${c.node.id} covers the header of ${n.node.id}`);
      }
    }
  }
  const leaves = layout.nodes.filter((n) => !n.compound);
  for (let i = 0; i < leaves.length; i++) {
    for (let j = i + 1; j < leaves.length; j++) {
      assert.ok(!overlap(leaves[i], leaves[j]), `${leaves[i].node.id} overlaps ${leaves[j].node.id}`);
    }
  }

  for (const e of layout.edges) {
    const what = describe(e);
    assert.ok(e.points.length >= 4 && (e.points.length - 1) % 3 === 0, `${what}: not a bezier spline (${e.points.length} points)`);
    assert.ok(e.arrowTip, `${what}: no arrow tip`);
    for (const p of [...alongCurve(e.points), e.arrowTip]) inDrawing(p, what);
    const from = placed.get(e.edge.from)!;
    const to = placed.get(e.edge.to)!;
    const start = e.points[0];
    const last = e.points[e.points.length - 1];
    assert.ok(distanceToBorder(start, from) <= NEAR, `${what}: starts at ${JSON.stringify(start)}, off its source's border`);
    assert.ok(
      distanceToBorder(e.arrowTip, to) <= NEAR,
      `${what}: its arrow ends at ${JSON.stringify(e.arrowTip)}, off its target's border`,
    );
    // The arrowhead is drawn from the spline's end to the tip: into the target, not out of it.
    if (!to.compound) assert.ok(!strictlyInside(last, to), `${what}: the arrowhead points out of its target`);
    if (e.edge.label) {
      assert.ok(e.label, `${what}: its label "${e.edge.label}" is not placed`);
      inDrawing({ x: e.label.x, y: e.label.y }, `${what} label`);
      inDrawing({ x: e.label.x + e.label.width, y: e.label.y + e.label.height }, `${what} label`);
      assert.ok(e.label.width >= e.edge.label.length * 6.3, `${what}: label box narrower than its text`);
      for (const n of leaves) assert.ok(!overlap(e.label, n), `${what}: its label covers ${n.node.id}`);
    }
  }
}

test('the WASI 0.3 http WIT graph, unfolded and folded: every edge drawn between its ends, boxes in their frames', async () => {
  const graph = toViewGraph(await wasiWorkspaceGraph('http'));
  for (const g of [graph, foldDependencies(graph)]) {
    const layout = await layoutGraph(g);
    assert.equal(layout.edges.length, g.edges.length, 'every edge is drawn');
    assertReadable(g, layout);
    // Edges at a package's frame (package depends on package) are drawn too.
    const atFrames = layout.edges.filter((e) => layout.nodes.find((n) => n.node.id === e.edge.from)?.compound);
    assert.ok(atFrames.length > 0, 'some edges start at a frame');
  }
});

test("a composed component's graph: the wiring labels are placed beside their edges", async () => {
  const g = componentViewGraph(componentGraph(readFixture('composed')));
  const layout = await layoutGraph(g);
  assert.equal(layout.edges.length, g.edges.length);
  assert.ok(
    g.edges.some((e) => e.label),
    'the fixture has labelled edges',
  );
  assertReadable(g, layout);
});

test('a hand-made graph: nested frames, edges at frames and inside them, odd ids and labels, left to right', async () => {
  const g: ViewGraph = {
    nodes: [
      { id: 'package:a:b@1.0.0', kind: 'package', label: 'a:b@1.0.0' },
      { id: 'world:a:b/"quoted"@1.0.0', kind: 'world', label: 'say "hi" \\N', parent: 'package:a:b@1.0.0' },
      { id: 'world:a:b/inner', kind: 'world', label: 'inner', parent: 'package:a:b@1.0.0' },
      { id: 'interface:a:b/x\\y', kind: 'interface', label: 'x\\y', parent: 'world:a:b/inner' },
      { id: 'interface:a:b/z', kind: 'interface', label: 'z\nnext line', parent: 'world:a:b/inner' },
      { id: 'interface:c:d/e', kind: 'interface', label: 'c:d/e' },
      { id: 'orphan', kind: 'interface', label: 'its parent is not drawn', parent: 'package:gone' },
    ],
    edges: [
      { from: 'world:a:b/"quoted"@1.0.0', to: 'interface:a:b/x\\y', kind: 'import', label: 'with "x" \\ y' },
      { from: 'interface:a:b/x\\y', to: 'interface:a:b/z', kind: 'use' },
      // A frame to a leaf outside, a leaf to a frame, a frame to a frame.
      { from: 'package:a:b@1.0.0', to: 'interface:c:d/e', kind: 'depends', label: 'depends' },
      { from: 'orphan', to: 'world:a:b/inner', kind: 'import' },
      { from: 'world:a:b/inner', to: 'package:a:b@1.0.0', kind: 'include' },
      // A frame to its own descendant, and back.
      { from: 'package:a:b@1.0.0', to: 'interface:a:b/z', kind: 'export' },
      { from: 'interface:a:b/x\\y', to: 'world:a:b/inner', kind: 'use' },
      { from: 'interface:c:d/e', to: 'interface:c:d/e', kind: 'use' },
      { from: 'interface:c:d/e', to: 'nowhere', kind: 'import' },
    ],
  };
  const layout = await layoutGraph(g);
  const drawable = g.edges.filter((e) => e.to !== 'nowhere');
  assert.deepEqual(
    layout.edges.map((e) => e.edge),
    drawable,
    'every edge between drawn nodes, in order; none to a node that is not there',
  );
  assertReadable(g, layout);
  const at = (id: string) => layout.nodes.find((n) => n.node.id === id)!;
  // Left to right: the import's source is left of its target.
  assert.ok(at('world:a:b/"quoted"@1.0.0').x + at('world:a:b/"quoted"@1.0.0').width <= at('interface:a:b/x\\y').x);
  // An edge from a frame to its own descendant leaves by the frame's left side; one from inside to the frame meets its right side.
  const edgeOf = (from: string, to: string) => layout.edges.find((e) => e.edge.from === from && e.edge.to === to)!;
  const pkg = at('package:a:b@1.0.0');
  assert.ok(Math.abs(edgeOf('package:a:b@1.0.0', 'interface:a:b/z').points[0].x - pkg.x) <= NEAR, 'leaves by the left side');
  const inner = at('world:a:b/inner');
  assert.ok(
    Math.abs(edgeOf('interface:a:b/x\\y', 'world:a:b/inner').arrowTip!.x - (inner.x + inner.width)) <= NEAR,
    'meets the right side',
  );
});

test('an empty graph is an empty drawing', async () => {
  const layout = await layoutGraph({ nodes: [], edges: [] });
  assert.deepEqual([layout.nodes, layout.edges], [[], []]);
  assert.ok(Number.isFinite(layout.width) && Number.isFinite(layout.height));
});

test('DOT strings: quotes and backslashes escaped, one line', () => {
  assert.equal(dotString('plain'), '"plain"');
  assert.equal(dotString('say "hi"'), '"say \\"hi\\""');
  assert.equal(dotString('a\\N b\\'), '"a\\\\N b\\\\"');
  assert.equal(dotString('two\nlines'), '"two lines"');
});
