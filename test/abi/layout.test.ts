// Size, alignment and flat core values of every type of the corpus (and of a
// few edge cases the corpus lacks), checked against the canonical ABI's own
// Python definitions (specOracle.ts); and despecialization, which the oracle
// takes as given, checked on its own.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { live } from '../live';
import { alignment, size } from '../../server/src/core/abi/layout';
import { flattenType } from '../../server/src/core/abi/flatten';
import { enumeration, map, option, result, tuple, unknownIn, type AbiType } from '../../server/src/core/abi/types';
import { typeIndexOf } from '../../server/src/core/abi/typeIndex';
import { abiFunction } from '../../server/src/core/abi/functions';
import { interfaceFunctions } from '../../server/src/core/abi/module';
import type { Analysis } from '../../server/src/core/model';
import { corpusWorlds } from './corpusCases';
import { specLayouts } from './specOracle';

function findPython(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'python3');
    try {
      if (dir && fs.statSync(p).isFile()) {
        fs.accessSync(p, fs.constants.X_OK);
        return p;
      }
    } catch {
      /* not here */
    }
  }
  return undefined;
}

const u = (name: string): AbiType => ({ kind: 'primitive', name }) as AbiType;

/** Cases the corpus does not reach: wide discriminants, many flags, fixed lists, joins of every core type. */
const EDGES: AbiType[] = [
  enumeration(256),
  enumeration(257),
  enumeration(70000),
  { kind: 'flags', count: 8 },
  { kind: 'flags', count: 9 },
  { kind: 'flags', count: 17 },
  { kind: 'flags', count: 32 },
  { kind: 'list', element: u('u16'), length: 3 },
  { kind: 'list', element: tuple([u('u8'), u('f64')]), length: 2 },
  { kind: 'variant', cases: [u('f32'), u('u32'), u('f64'), u('s64'), undefined] },
  { kind: 'variant', cases: [tuple([u('f32'), u('f32')]), tuple([u('u8'), u('u64')])] },
  result(undefined, undefined),
  option(option(u('char'))),
  tuple([u('u8'), u('u64'), u('u8')]),
  map(u('string'), { kind: 'own', resource: 'r' }),
  { kind: 'future', element: u('string') },
  { kind: 'stream' },
  u('error-context'),
  tuple([u('bool'), u('s16'), { kind: 'borrow', resource: 'r' }]),
];

function corpusTypes(analyses: Analysis[]): AbiType[] {
  const out: AbiType[] = [];
  for (const analysis of analyses) {
    const index = typeIndexOf(analysis);
    for (const pkg of analysis.packages) {
      for (const iface of pkg.interfaces) {
        for (const s of iface.types) out.push(index.typeOfSymbol(s));
        for (const s of interfaceFunctions(index, iface)) {
          const f = abiFunction(index, s);
          if (f) out.push(...f.params, ...(f.result ? [f.result] : []));
        }
      }
    }
  }
  return out.filter((t) => !unknownIn(t) && !hasEmptyRecord(t));
}

/** The spec leaves empty records (`tuple<>`) out ("not permitted"): its code asserts on them. */
function hasEmptyRecord(t: AbiType | undefined): boolean {
  if (!t) return false;
  switch (t.kind) {
    case 'record':
      return t.fields.length === 0 || t.fields.some(hasEmptyRecord);
    case 'variant':
      return t.cases.some(hasEmptyRecord);
    case 'list':
      return hasEmptyRecord(t.element);
    default:
      return false;
  }
}

test("every corpus type: size, alignment and flattening as the canonical ABI's own code computes them", async (t) => {
  const python = findPython();
  if (!live(t, [], [() => (python ? undefined : { tool: 'python3', why: 'not on PATH' })])) return;
  const { worlds } = await corpusWorlds();
  const analyses = [...new Set(worlds.map((w) => w.analysis))];
  const seen = new Set<string>();
  const types = [...corpusTypes(analyses), ...EDGES].filter((x) => {
    const k = JSON.stringify(x);
    return !seen.has(k) && !!seen.add(k);
  });
  assert.ok(types.length > 200, `the corpus has its types (${types.length})`);
  const spec = specLayouts(python!, types);
  const wrong: string[] = [];
  types.forEach((x, i) => {
    const ours = { size: size(x), align: alignment(x), flat: flattenType(x) };
    if (JSON.stringify(ours) !== JSON.stringify(spec[i]))
      wrong.push(`${JSON.stringify(x)}: ours ${JSON.stringify(ours)}, spec ${JSON.stringify(spec[i])}`);
  });
  console.log(`canonical ABI layout vs CanonicalABI.md's definitions: ${types.length - wrong.length}/${types.length} distinct types agree`);
  assert.deepEqual(wrong.slice(0, 10), []);
});

test('despecialization: tuple, option, result, enum and map as CanonicalABI.md expands them', () => {
  assert.deepEqual(tuple([u('u8')]), { kind: 'record', fields: [u('u8')] });
  assert.deepEqual(option(u('u8')), { kind: 'variant', cases: [undefined, u('u8')] });
  assert.deepEqual(result(u('u8'), undefined), { kind: 'variant', cases: [u('u8'), undefined] });
  assert.deepEqual(enumeration(2), { kind: 'variant', cases: [undefined, undefined] });
  assert.deepEqual(map(u('u8'), u('string')), { kind: 'list', element: { kind: 'record', fields: [u('u8'), u('string')] } });
});
