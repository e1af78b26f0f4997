// The graph layout (media/graph/src/layout.ts): ELK lays each compound out on
// its own, and an edge between compounds is cut at their borders and joined
// again (hierarchyEdges.ts). Every edge of the WASI 0.3 http graph must come
// back whole: from its source's border to its target's, leaving a package by
// its right side and entering the other's by its left.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { layoutGraph, type PlacedNode, type Point } from '../../media/graph/src/layout';
import { joinRoutes, splitAcrossCompounds } from '../../media/graph/src/hierarchyEdges';
import { toViewGraph } from '../../client/src/graph/viewGraphs';
import { wasiWorkspaceGraph } from './wasiWorkspace';

const onBorder = (p: Point, n: PlacedNode) =>
  p.x >= n.x - 1.5 &&
  p.x <= n.x + n.width + 1.5 &&
  p.y >= n.y - 1.5 &&
  p.y <= n.y + n.height + 1.5 &&
  (Math.abs(p.x - n.x) <= 1.5 ||
    Math.abs(p.x - n.x - n.width) <= 1.5 ||
    Math.abs(p.y - n.y) <= 1.5 ||
    Math.abs(p.y - n.y - n.height) <= 1.5);

test('every edge of the WASI 0.3 http graph is routed whole, across package borders by their sides', async () => {
  const graph = toViewGraph(await wasiWorkspaceGraph('http'));
  const layout = await layoutGraph(graph);
  const placed = new Map(layout.nodes.map((n) => [n.node.id, n]));
  const parentOf = (id: string) => graph.nodes.find((n) => n.id === id)?.parent;
  assert.equal(layout.edges.length, graph.edges.length);
  let crossing = 0;
  for (const e of layout.edges) {
    const what = `${e.edge.kind} ${e.edge.from} -> ${e.edge.to}`;
    assert.ok(e.points.length >= 2, `${what}: no route`);
    assert.ok(
      e.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
      what,
    );
    const from = placed.get(e.edge.from)!,
      to = placed.get(e.edge.to)!;
    assert.ok(onBorder(e.points[0], from), `${what}: starts at ${JSON.stringify(e.points[0])}, not on its source`);
    assert.ok(onBorder(e.points[e.points.length - 1], to), `${what}: ends off its target`);
    // Orthogonal: each step is horizontal or vertical.
    for (let i = 1; i < e.points.length; i++) {
      const a = e.points[i - 1],
        b = e.points[i];
      assert.ok(Math.abs(a.x - b.x) < 0.5 || Math.abs(a.y - b.y) < 0.5, `${what}: a slanted step`);
    }
    const outer = parentOf(e.edge.from),
      inner = parentOf(e.edge.to);
    if (outer && inner && outer !== inner) {
      crossing++;
      // The route reaches the right side of the source's package and the left side of the target's.
      const source = placed.get(outer)!,
        target = placed.get(inner)!;
      assert.ok(
        e.points.some((p) => Math.abs(p.x - (source.x + source.width)) <= 1.5),
        `${what}: does not leave by the right side`,
      );
      assert.ok(
        e.points.some((p) => Math.abs(p.x - target.x) <= 1.5),
        `${what}: does not enter by the left side`,
      );
    }
  }
  assert.ok(crossing >= 10, `${crossing} edges between packages`);
});

test('edges leaving a compound for the same place share one port; within one compound they stay whole', () => {
  const parent: Record<string, string | undefined> = { a1: 'A', a2: 'A', b1: 'B', b2: 'B', c: undefined, A: undefined, B: undefined };
  const split = splitAcrossCompounds(
    [
      { from: 'a1', to: 'b1' },
      { from: 'a2', to: 'b2' },
      { from: 'a1', to: 'a2' },
      { from: 'a1', to: 'c' },
    ],
    (id) => parent[id],
  );
  assert.deepEqual(
    split.segments.map((s) => `${s.edge}.${s.order} ${s.source} -> ${s.target}${s.middle ? ' (middle)' : ''}`),
    [
      '0.0 a1 -> out:A>B',
      '0.1 out:A>B -> in:B<A (middle)',
      '0.2 in:B<A -> b1',
      '1.0 a2 -> out:A>B',
      '1.1 out:A>B -> in:B<A (middle)',
      '1.2 in:B<A -> b2',
      '2.0 a1 -> a2 (middle)',
      '3.0 a1 -> out:A>c',
      '3.1 out:A>c -> c (middle)',
    ],
  );
  assert.deepEqual(split.ports.get('A'), [
    { id: 'out:A>B', side: 'EAST' },
    { id: 'out:A>c', side: 'EAST' },
  ]);
  assert.deepEqual(split.ports.get('B'), [{ id: 'in:B<A', side: 'WEST' }]);
  assert.deepEqual(
    joinRoutes([
      [
        { x: 0, y: 0 },
        { x: 5, y: 0 },
      ],
      [
        { x: 5, y: 0 },
        { x: 5, y: 9 },
      ],
    ]),
    [
      { x: 0, y: 0 },
      { x: 5, y: 0 },
      { x: 5, y: 9 },
    ],
  );
});
