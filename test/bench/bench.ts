// `npm run bench`: the numbers the issues set, measured in one run and printed
// as a table with the machine's load; it exits non-zero when a budget is missed
// (a benchmark, not a timed test: `npm test` does not run it).
import { benchBigFile, benchEditBurst, benchWasiHttp, type Row } from './core';
import { benchFeatures } from './features';
import { benchBindings } from './bindings';
import { benchGraph } from './graph';
import { benchWorkspace } from './workspace';
import { benchActivation } from './activation';
import { benchLangStartup } from './langStartup';
import { benchDebug } from './debug';
import { benchWac } from './wac';

type Timed = { name: string; p50Ms: number; p95Ms: number; budgetMs?: number };

function fromTimed(list: Timed[]): Row[] {
  return list.map((t) => ({
    name: t.name,
    value: `p50 ${t.p50Ms.toFixed(1)} ms, p95 ${t.p95Ms.toFixed(1)} ms`,
    budget: t.budgetMs ? `p95 ≤ ${t.budgetMs} ms` : '',
    ok: t.budgetMs ? t.p95Ms <= t.budgetMs : true,
  }));
}

async function section(title: string, run: () => Promise<Row[]>): Promise<Row[]> {
  try {
    return await run();
  } catch (e) {
    return [{ name: `${title}: failed`, value: String((e as Error).message ?? e).slice(0, 80), budget: '', ok: false }];
  }
}

(async () => {
  const rows: Row[] = [
    ...(await section('core', () => benchBigFile())),
    ...(await section('wasi', () => benchWasiHttp())),
    ...(await section('burst', () => benchEditBurst())),
    ...(await section('workspace', () => benchWorkspace())),
    ...(await section('features', async () => fromTimed(await benchFeatures()))),
    ...(await section('bindings', async () => fromTimed(await benchBindings()))),
    ...(await section('graph', async () => fromTimed(await benchGraph()))),
    ...(await section('activation', () => benchActivation())),
    ...(await section('language components', () => benchLangStartup())),
    ...(await section('debugging', () => benchDebug())),
    ...(await section('wac', () => benchWac())),
  ];
  const w = Math.max(...rows.map((r) => r.name.length));
  const v = Math.max(...rows.map((r) => r.value.length));
  console.log(`${'measure'.padEnd(w)}  ${'value'.padEnd(v)}  budget`);
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.value.padEnd(v)}  ${r.budget}${r.budget ? (r.ok ? '  ok' : '  OVER') : ''}`);
  console.log(
    `machine: ${require('node:os').cpus().length} cores, load ${require('node:os')
      .loadavg()
      .map((x: number) => x.toFixed(1))
      .join(' ')}`,
  );
  // A missed budget is a failed bench (the numbers are the issues' own).
  const over = rows.filter((r) => r.budget && !r.ok);
  if (over.length) {
    console.log(`${over.length} budget(s) missed: ${over.map((r) => r.name).join('; ')}`);
    process.exitCode = 1;
  }
})();
