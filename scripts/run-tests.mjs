// Runs node's test runner (with tsx for TypeScript) over every *.test.ts below
// the folders given: `node scripts/run-tests.mjs test/core test/server`.
// Node 20's --test takes no globs, so the files are listed here.
//   --unit    the fast suite: everything but the two below
//   --live    live-tool tests: those under test/live/, those that use
//             test/live.ts (a real wasmtime, wit-bindgen, compiler ...), those
//             named *live*, and files marked `// suite: live` (jco, tsc, vsce,
//             npm, a browser)
//   --stress  files marked `// suite: stress` (inputs 20,000 deep, cut corpora)
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import './toolchainEnv.mjs';

const args = process.argv.slice(2);
const mode = args.includes('--live')
  ? 'live'
  : args.includes('--stress')
    ? 'stress'
    : args.includes('--unit') || args.includes('--no-live')
      ? 'unit'
      : 'all';
const dirs = args.filter((a) => !a.startsWith('--'));
/** The suite a test file belongs to. */
const suiteOf = (file) => {
  const text = readFileSync(file, 'utf8');
  const marked = /^\/\/ suite: (live|stress)$/m.exec(text);
  if (marked) return marked[1];
  const parts = file.split(/[\\/]/);
  if (parts.includes('live') || /live/i.test(parts[parts.length - 1]) || /from '(\.\.\/)+live'/.test(text)) return 'live';
  return 'unit';
};
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts') && (mode === 'all' || suiteOf(p) === mode)) files.push(p);
  }
};
for (const d of dirs) if (existsSync(d)) walk(d);
if (files.length === 0) {
  console.error(`no *.test.ts files under ${dirs.join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
