// `npm test`: every suite in order, with the toolchain first on PATH
// (scripts/toolchainEnv.mjs), each suite's time, one summary table at the end,
// and the live-test line `live: N ran, M skipped (tool: why)`. Under CI a
// skipped live test of a required tool (wasmtime, wit-bindgen, componentize-py)
// fails the run: those tools install on this machine, so a skip means a broken install.
//   node scripts/test-all.mjs [suite...]     (default: all; names as in the table)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheRoot, toolchainBin } from './toolchainEnv.mjs';

const REQUIRED = ['wasmtime', 'wit-bindgen', 'componentize-py'];
const suites = [
  ['typecheck', ['run', 'typecheck'], true],
  ['lint', ['run', 'lint'], true],
  ['build', ['run', 'build'], true],
  ['unit', ['run', 'test:unit']],
  ['live', ['run', 'test:live']],
  ['stress', ['run', 'test:stress']],
  ['grammar', ['run', 'test:grammar']],
  ['conformance', ['run', 'test:conformance']],
  ['fuzz', ['run', 'test:fuzz']],
  ['e2e', ['run', 'test:e2e']],
  ['e2e-untrusted', ['run', 'test:e2e:untrusted']],
  // A subset of the extension tests on the oldest VS Code engines.vscode allows.
  ['e2e-oldest', ['scripts/e2e/oldest.mjs'], false, 'node'],
  ['first-run', ['run', 'test:first-run']],
];
const only = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'wit-devkit-test-'));
process.env.WIT_DEVKIT_LIVE_REPORT = join(work, 'live.jsonl');
console.log(`tools from ${toolchainBin} (caches in ${cacheRoot})`);

const results = [];
for (const [name, args, essential, command = 'npm'] of suites) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const start = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - start) / 1000).toFixed(0);
  results.push({ name, ok: r.status === 0, seconds });
  console.log(`=== ${name}: ${r.status === 0 ? 'passed' : `FAILED (exit ${r.status ?? r.signal})`} in ${seconds} s`);
  if (r.status !== 0 && essential) break;
}

const records = existsSync(process.env.WIT_DEVKIT_LIVE_REPORT)
  ? readFileSync(process.env.WIT_DEVKIT_LIVE_REPORT, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
rmSync(work, { recursive: true, force: true });
const ran = records.filter((r) => r.ran).length;
const skipped = records.filter((r) => !r.ran);
const reasons = new Map();
for (const r of skipped) for (const m of r.missing ?? []) reasons.set(m.tool, m.why);
const why = [...reasons].map(([tool, w]) => `${tool}: ${w}`).join('; ');

console.log('\nsuite            result   seconds');
for (const r of results) console.log(`${r.name.padEnd(16)} ${(r.ok ? 'passed' : 'FAILED').padEnd(8)} ${r.seconds.padStart(7)}`);
console.log(`\nlive: ${ran} ran, ${skipped.length} skipped${why ? ` (${why})` : ''}`);

let failed = results.some((r) => !r.ok);
const requiredSkips = [...reasons.keys()].filter((t) => REQUIRED.includes(t));
if (process.env.CI && requiredSkips.length) {
  console.log(
    `FAILED: live tests of ${requiredSkips.join(', ')} were skipped; on CI these tools must be installed (scripts/toolchain/install.sh)`,
  );
  failed = true;
}
process.exit(failed ? 1 : 0);
