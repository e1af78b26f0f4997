// Bindings timings for the bench table: warm in-process TypeScript generation
// for WASI 0.3 http (the whole request path: package snapshot + jco), p50/p95
// over 20 runs, beside one cold `jco types` CLI process for comparison, then
// every other language warm through its generator (bindingsExternal.ts).
// Run alone: node --import tsx test/bench/bindings.ts
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generateBindings } from '../../server/src/bindings/generateBindings';
import { diskSource } from '../bindings/diskSource';
import { repoRoot, wasi03Http } from '../bindings/paths';
import { benchExternalBindings } from './bindingsExternal';

export interface BindingsBench {
  name: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  /** The budget it is judged against, when it has one. */
  budgetMs?: number;
}

const WORLD = 'wasi:http/service@0.3.0';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function warmInProcess(language: 'typescript-host' | 'typescript-guest', runs: number): Promise<BindingsBench> {
  const req = { file: path.join(wasi03Http, 'worlds.wit'), language, world: WORLD, tools: {} } as const;
  // Two untimed runs: load jco-transpile and compile its WebAssembly.
  await generateBindings(diskSource(), req);
  await generateBindings(diskSource(), req);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const files = await generateBindings(diskSource(), req);
    times.push(performance.now() - start);
    if (!files.some((f) => f.path === 'service.d.ts')) throw new Error('service.d.ts was not generated');
  }
  times.sort((a, b) => a - b);
  return {
    name: `bindings ${language} ${WORLD}, warm in process`,
    runs,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    budgetMs: 150,
  };
}

/**
 * One cold `jco types` process. The CLI needs the same preopens fix as the
 * in-process path (its WASI shim starts with none), given here by a preload.
 */
async function coldCli(): Promise<BindingsBench> {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const transpile = require.resolve('@bytecodealliance/jco-transpile');
  const shim = pathToFileURL(createRequire(transpile).resolve('@bytecodealliance/preview2-shim/filesystem')).href;
  const preload = `data:text/javascript,import { _setPreopens } from '${shim}'; _setPreopens({ '/': '/' });`;
  // jco's package.json `bin`: the CLI users run as `jco`.
  const jco = path.join(repoRoot, 'node_modules', '@bytecodealliance', 'jco', 'dist', 'jco.js');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'jco-types-cli-'));
  try {
    const start = performance.now();
    await promisify(execFile)(process.execPath, ['--import', preload, jco, 'types', wasi03Http, '--world-name', WORLD, '-o', out]);
    const ms = performance.now() - start;
    if (!fs.readdirSync(out).some((f) => f.endsWith('.d.ts'))) throw new Error('jco types wrote no .d.ts');
    return { name: `jco types CLI ${WORLD}, cold process`, runs: 1, p50Ms: ms, p95Ms: ms };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

export async function benchBindings(runs = 20): Promise<BindingsBench[]> {
  return [
    await warmInProcess('typescript-host', runs),
    await warmInProcess('typescript-guest', runs),
    await coldCli(),
    ...(await benchExternalBindings()),
  ];
}

/** The bench's entry for the shared runner. */
export const bench = benchBindings;

if (require.main === module) {
  void benchBindings().then((rows) => {
    for (const r of rows) {
      const budget = r.budgetMs === undefined ? '' : `  (budget ${r.budgetMs} ms: ${r.p50Ms <= r.budgetMs ? 'ok' : 'OVER'})`;
      console.log(`${r.name}: p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, n=${r.runs}${budget}`);
    }
  });
}
