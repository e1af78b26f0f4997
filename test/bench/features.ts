// Editor feature timings for the bench table: hover, definition and completion
// on a generated 5,000-line package file (budget: 20 ms p95 each), answered by
// the core as the server answers them (analysis cached until the next edit),
// plus one re-analysis after an edit for comparison.
// Run alone: node --import tsx test/bench/features.ts
import * as path from 'node:path';
import { createWitLanguageService } from '../../server/src/core/index';
import { pathToUri } from '../../server/src/core/workspace';
import { hover } from '../../server/src/core/features/hover';
import { definition } from '../../server/src/core/features/definition';
import { completion } from '../../server/src/core/features/completion';
import type { Position } from 'vscode-languageserver-types';

export interface FeaturesBench {
  name: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  budgetMs?: number;
}

const repoRoot = path.resolve(__dirname, '..', '..');

/** A package of `interfaces` interfaces of ~50 lines each, every one using the previous. */
export function generatePackage(lines: number): string {
  const out = ['package bench:big@1.0.0;', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(`interface iface${i} {`);
    if (i > 0) out.push(`    use iface${i - 1}.{point${i - 1}, color${i - 1}};`);
    out.push(
      `    /// A point in interface ${i}.`,
      `    record point${i} {`,
      '        x: u32,',
      '        y: u32,',
      `        label: option<string>,`,
      '    }',
      `    enum color${i} {`,
      '        red,',
      '        green,',
      '        blue,',
      '    }',
      `    variant shape${i} {`,
      `        dot(point${i}),`,
      `        line(tuple<point${i}, point${i}>),`,
      '        none,',
      '    }',
      `    type points${i} = list<point${i}>;`,
      `    resource canvas${i} {`,
      '        constructor();',
      `        draw: func(s: shape${i}, c: color${i}) -> result<_, string>;`,
      `        points: func() -> points${i};`,
      '    }',
      `    make: func(x: u32, y: u32) -> point${i};`,
    );
    if (i > 0) out.push(`    convert: func(p: point${i - 1}, c: color${i - 1}) -> point${i};`);
    out.push(`    paint: func(p: point${i}, c: color${i});`, '}', '');
  }
  return out.join('\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Times `f` (after an untimed `setup`, e.g. an edit) over `runs` runs. */
function time(
  name: string,
  runs: number,
  budgetMs: number | undefined,
  f: (i: number) => void,
  setup?: (i: number) => void,
): FeaturesBench {
  for (let i = 0; i < 3; i++) {
    setup?.(i);
    f(i);
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    setup?.(i);
    const start = performance.now();
    f(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, runs, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), ...(budgetMs ? { budgetMs } : {}) };
}

export async function benchFeatures(runs = 50): Promise<FeaturesBench[]> {
  const text = generatePackage(5000);
  const file = path.resolve('/bench/big.wit');
  const service = await createWitLanguageService(
    { readFile: (p) => (p === file ? text : undefined), readDirectory: () => [] },
    { wasmDir: path.join(repoRoot, 'dist') },
  );
  const uri = pathToUri(file);
  service.openDocument(uri, text, 1);
  const doc = service.document(uri)!;
  // Positions spread over the file: uses of `pointN` in `paint: func(p: pointN`.
  const targets: Position[] = [];
  for (let at = text.indexOf('paint: func(p: '); at >= 0; at = text.indexOf('paint: func(p: ', at + 1)) {
    targets.push(doc.positionAt(at + 'paint: func(p: '.length + 2));
  }
  const lines = text.split('\n').length;
  const pick = (i: number) => targets[(i * 7919) % targets.length];
  const results = [
    time(`hover (${lines}-line file)`, runs, 20, (i) => {
      if (!hover(service.analysis(uri), doc, pick(i))) throw new Error('no hover');
    }),
    time(`definition (${lines}-line file)`, runs, 20, (i) => {
      if (!definition(service.analysis(uri), doc, pick(i)).length) throw new Error('no definition');
    }),
    time(`completion in a type position (${lines}-line file)`, runs, 20, (i) => {
      if (!completion(service.analysis(uri), doc, pick(i)).length) throw new Error('no completion');
    }),
  ];
  // Completion right after an edit, as the server asks it (analysis only when needed).
  let edits = 1000;
  results.push(
    time(
      `completion right after an edit (${lines}-line file)`,
      runs,
      20,
      (i) => {
        if (!completion(() => service.analysis(uri), service.document(uri)!, pick(i)).length) throw new Error('no completion');
      },
      (i) => {
        const p = pick(i);
        service.changeDocument(uri, [{ range: { start: p, end: p }, text: '' }], ++edits);
      },
    ),
  );
  // One edit, then the first hover: the re-analysis users wait for after typing.
  let version = 5000;
  results.push(
    time(
      `hover after an edit (re-analysis, ${lines}-line file)`,
      Math.max(5, runs / 10),
      undefined,
      (i) => {
        hover(service.analysis(uri), service.document(uri)!, pick(i));
      },
      (i) => {
        const p = pick(i);
        service.changeDocument(uri, [{ range: { start: p, end: p }, text: '' }], ++version);
      },
    ),
  );
  return results;
}

if (require.main === module) {
  void benchFeatures().then((rows) => {
    for (const r of rows) {
      const verdict = r.budgetMs === undefined ? '' : r.p95Ms <= r.budgetMs ? ' ok' : ' OVER BUDGET';
      console.log(
        `${r.name}: p50 ${r.p50Ms.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms${r.budgetMs ? ` (budget ${r.budgetMs} ms)` : ''}${verdict}`,
      );
    }
  });
}
