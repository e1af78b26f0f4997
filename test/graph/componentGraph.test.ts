// The component graph a user sees for the composed fixture: the adder instance
// feeds the calculator instance, the logger import is open, the export comes out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { componentGraph } from '../../server/src/component/componentGraph';
import { readFixture } from './fixtures';

test('composed: top-level wiring between the two instances, the open import and the export', () => {
  const g = componentGraph(readFixture('composed'));
  const top = g.nodes.filter((n) => !n.parent);
  assert.deepEqual(top.map((n) => `${n.kind} ${n.label}${n.open ? ' (open)' : ''}`), [
    'import docs:calc/logger@0.1.0 (open)',
    'instance component 1 (adder)',
    'instance component 0 (calculate)',
    'export docs:calc/calculate@0.1.0',
  ]);
  const label = (id: string) => g.nodes.find((n) => n.id === id)?.label;
  const topIds = new Set(top.map((n) => n.id));
  const topEdges = g.edges.filter((e) => topIds.has(e.from) && topIds.has(e.to))
    .map((e) => `${label(e.from)} -> ${label(e.to)} ${e.kind}${e.label ? ` "${e.label}"` : ''}`);
  assert.deepEqual(topEdges, [
    'component 1 (adder) -> component 0 (calculate) with "docs:calc/adder@0.1.0"',
    'docs:calc/logger@0.1.0 -> component 0 (calculate) with "docs:calc/logger@0.1.0"',
    'component 0 (calculate) -> docs:calc/calculate@0.1.0 export',
  ]);
});

test('inside an instance: the core module `main` fed by the nested component\'s imports', () => {
  const g = componentGraph(readFixture('composed'));
  const calc = g.nodes.find((n) => n.label === 'component 0 (calculate)');
  assert.ok(calc);
  const inside = g.nodes.filter((n) => n.parent === calc.id);
  const main = inside.find((n) => n.kind === 'module' && n.label === 'main');
  assert.ok(main, 'the core module main is drawn inside the calculator');
  const into = g.edges.filter((e) => e.to === main.id).map((e) => g.nodes.find((n) => n.id === e.from)?.label).sort();
  assert.ok(into.includes('docs:calc/adder@0.1.0'));
  assert.ok(inside.every((n) => !n.open), 'nested imports are satisfied by with-wiring, not open');
});
