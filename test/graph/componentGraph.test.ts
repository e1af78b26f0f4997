// The component graph a user sees for the composed fixture: the adder instance
// feeds the calculator instance, the logger import is open, the export comes out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { componentGraph } from '../../common/component/componentGraph';
import { readFixture } from './fixtures';

test('composed: top-level wiring between the two instances, the open import and the export', () => {
  const g = componentGraph(readFixture('composed'));
  const top = g.nodes.filter((n) => !n.parent);
  assert.deepEqual(
    top.map((n) => `${n.kind} ${n.label}${n.open ? ' (open)' : ''}`),
    [
      'import docs:calc/logger@0.1.0 (open)',
      'instance component 1 (adder)',
      'instance component 0 (calculate)',
      'export docs:calc/calculate@0.1.0',
    ],
  );
  const label = (id: string) => g.nodes.find((n) => n.id === id)?.label;
  const topIds = new Set(top.map((n) => n.id));
  const topEdges = g.edges
    .filter((e) => topIds.has(e.from) && topIds.has(e.to))
    .map((e) => `${label(e.from)} -> ${label(e.to)} ${e.kind}${e.label ? ` "${e.label}"` : ''}`);
  assert.deepEqual(topEdges, [
    'component 1 (adder) -> component 0 (calculate) with "docs:calc/adder@0.1.0"',
    'docs:calc/logger@0.1.0 -> component 0 (calculate) with "docs:calc/logger@0.1.0"',
    'component 0 (calculate) -> docs:calc/calculate@0.1.0 export',
  ]);
});

test('inside an instance: the core modules of the nested component, wired to each other', () => {
  const g = componentGraph(readFixture('composed'));
  const calc = g.nodes.find((n) => n.label === 'component 0 (calculate)');
  assert.ok(calc);
  const inside = g.nodes.filter((n) => n.parent === calc.id);
  assert.deepEqual(
    inside
      .filter((n) => n.kind === 'module')
      .map((n) => n.label)
      .sort(),
    ['main', 'wit-component-fixup', 'wit-component-shim-module'],
  );
  assert.ok(
    inside.every((n) => n.kind !== 'import' && !n.open),
    'nested imports are the edges into the frame, satisfied by with-wiring',
  );
  const main = inside.find((n) => n.label === 'main')!;
  const shim = inside.find((n) => n.label === 'wit-component-shim-module')!;
  assert.ok(
    g.edges.some((e) => e.from === shim.id && e.to === main.id && e.label === 'docs:calc/logger@0.1.0'),
    'the logger reaches main through the shim module (an indirect call table)',
  );
});

test('depth 0: instances drawn closed, only the composition', () => {
  const g = componentGraph(readFixture('composed'), { depth: 0 });
  assert.deepEqual(g.nodes.map((n) => n.kind).sort(), ['export', 'import', 'instance', 'instance']);
});

test('a plain component: its modules between its imports and exports', () => {
  const g = componentGraph(readFixture('calculator'));
  const label = (id: string) => g.nodes.find((n) => n.id === id)?.label;
  const edges = g.edges.filter((e) => !g.nodes.find((n) => n.id === e.to)?.parent).map((e) => `${label(e.from)} -> ${label(e.to)}`);
  assert.ok(edges.includes('docs:calc/adder@0.1.0 -> main'), edges.join('\n'));
  assert.deepEqual(
    g.nodes.filter((n) => n.open).map((n) => n.label),
    ['docs:calc/adder@0.1.0', 'docs:calc/logger@0.1.0'],
  );
});
