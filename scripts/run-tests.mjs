// Runs node's test runner (with tsx for TypeScript) over every *.test.ts below
// the folders given: `node scripts/run-tests.mjs test/core test/server`.
// Node 20's --test takes no globs, so the files are listed here.
//   --no-live  leave out live-tool tests (the fast unit suite)
//   --live     only live-tool tests: those under test/live/, those that use
//              test/live.ts (they start a real wasmtime, wit-bindgen, compiler ...)
//              and those named *live* (jco, npm, tsc runs)
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import './toolchainEnv.mjs';

const args = process.argv.slice(2);
const mode = args.includes('--live') ? 'live' : args.includes('--no-live') ? 'unit' : 'all';
const dirs = args.filter((a) => !a.startsWith('--'));
const isLive = (file) =>
  file.split(/[\\/]/).includes('live') || /live/i.test(file.split(/[\\/]/).pop()) ||
  /from '(\.\.\/)+live'/.test(readFileSync(file, 'utf8'));
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts') && (mode === 'all' || isLive(p) === (mode === 'live'))) files.push(p);
  }
};
for (const d of dirs) if (existsSync(d)) walk(d);
if (files.length === 0) {
  console.error(`no *.test.ts files under ${dirs.join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
