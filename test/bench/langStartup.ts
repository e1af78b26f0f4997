// Cold start of each language fixture's component (test/fixtures/langs): the
// whole process, wall time from spawn to exit, median of 5, of
//   wasmtime run <component> a b               wasmtime's compilation cache as it ships
//                                              (on: after the first run the compiled code is read from it)
//   wasmtime run -C cache=n <component> a b    compiled on every run (a first run, or a changed component)
//   jco run <component> -- a b                 transpiled on every run (jco keeps no cache)
// so the rows are what a user waits for a `wasm-component` run task: right
// after a build (no cache), and on later runs of the same component.
// The components are the ones the live build tests keep in
// $WIT_DEVKIT_CACHE/langs/<lang>.wasm; a missing one is built here with the
// same build task (componentize-py ~40 s, jco componentize ~40 s and more).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { findLiveTool, type LiveTool } from '../live';
import {
  BUILD_TOOLS,
  LANGS,
  RUN_WASI,
  buildWithTask,
  builtOutput,
  cacheRoot,
  copyFixture,
  removeCopy,
  repo,
  taskFor,
  type Lang,
} from '../live/langFixtures';
import type { Row } from './core';

const RUNS = 5;
const ARGS = ['a', 'b'];

/** The spawn-to-exit time of one process, and what it printed. */
function timeProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ ms: number; code: number; out: string }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (out += t));
    child.on('error', (e) => resolve({ ms: performance.now() - start, code: 127, out: e.message }));
    child.on('close', (code) => resolve({ ms: performance.now() - start, code: code ?? 1, out }));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The cached component, built now (through the build task) when missing. */
async function component(lang: Lang): Promise<string | { skip: string }> {
  const kept = path.join(cacheRoot, 'langs', `${lang}.wasm`);
  if (existsSync(kept)) return kept;
  const tools: Partial<Record<LiveTool, string>> = {};
  for (const tool of BUILD_TOOLS[lang]) {
    const found = findLiveTool(tool);
    if (!found) return { skip: `${tool} not found` };
    tools[tool] = found;
  }
  const cwd = copyFixture(lang);
  try {
    const build = await buildWithTask(taskFor(lang, 'hello.wasm'), cwd, tools);
    if (build.code !== 0) return { skip: `build failed: ${build.out.trim().split('\n').pop()}` };
    mkdirSync(path.dirname(kept), { recursive: true });
    copyFileSync(builtOutput(lang, cwd, 'hello.wasm'), kept);
    return kept;
  } finally {
    removeCopy(cwd, lang);
  }
}

async function measure(label: string, command: string, args: string[], expected: string, env?: Record<string, string>): Promise<Row> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await timeProcess(command, args, env);
    if (run.code !== 0 || !run.out.includes(expected)) {
      return { name: label, value: `failed (exit ${run.code}): ${run.out.trim().split('\n').pop()?.slice(0, 60)}`, budget: '', ok: false };
    }
    times.push(run.ms);
  }
  return {
    name: label,
    value: `median ${median(times).toFixed(0)} ms (${RUNS} runs, min ${Math.min(...times).toFixed(0)})`,
    budget: '',
    ok: true,
  };
}

export async function benchLangStartup(): Promise<Row[]> {
  const rows: Row[] = [];
  const wasmtime = findLiveTool('wasmtime');
  const jcoScript = path.join(repo, 'node_modules/@bytecodealliance/jco/dist/jco.js');
  for (const lang of LANGS) {
    const built = await component(lang);
    if (typeof built !== 'string') {
      rows.push({ name: `cold start ${lang}: not measured`, value: built.skip, budget: '', ok: true });
      continue;
    }
    const expected = `hello from ${lang} ${ARGS.join(' ')}`;
    const wasi = RUN_WASI[lang].flatMap((option) => ['-S', option]);
    if (wasmtime) {
      rows.push(await measure(`cold start ${lang}: wasmtime run (cache)`, wasmtime, ['run', ...wasi, built, ...ARGS], expected));
      rows.push(
        await measure(`cold start ${lang}: wasmtime run -C cache=n`, wasmtime, ['run', '-C', 'cache=n', ...wasi, built, ...ARGS], expected),
      );
    } else {
      rows.push({ name: `cold start ${lang}: wasmtime run`, value: 'wasmtime not on PATH', budget: '', ok: true });
    }
    // componentize-py's core modules use extended-const, which Node 20's V8
    // accepts only behind a flag; jco run passes JCO_RUN_ARGS to the node it starts.
    const env = Number(process.versions.node.split('.')[0]) < 21 ? { JCO_RUN_ARGS: '--experimental-wasm-extended-const' } : undefined;
    rows.push(await measure(`cold start ${lang}: jco run`, process.execPath, [jcoScript, 'run', built, '--', ...ARGS], expected, env));
  }
  return rows;
}
