// `npm run test:conformance`: the reference conformance tool (../shared/tools/conformance,
// wit-parser's own UI cases through our server over LSP) with progress. The tool
// prints nothing until it has judged every case (minutes); it copies each case
// into a folder of its own under a fresh temp folder before judging it, so this
// wrapper gives it a temp folder of ours (TMPDIR) and counts the case folders
// there: a progress line every PROGRESS_SECONDS, without touching the tool.
//   node scripts/conformance.mjs [tool options, e.g. --only pass]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROGRESS_SECONDS = 15;
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tool = resolve(repo, '../shared/tools/conformance');
const corpus = resolve(repo, '../shared/corpus/wit-parser-ui');
const toolArgs = process.argv.slice(2);

if (!existsSync(join(repo, 'dist/server.js'))) {
  console.error('dist/server.js missing: run `npm run build` first');
  process.exit(1);
}
const scratch = mkdtempSync(join(tmpdir(), 'wit-conformance-'));
// The number of cases, when the tool is run on all of them; with options (a sample, one kind) only a count.
const total = toolArgs.length === 0 ? countCases(corpus) : undefined;
const started = Date.now();
const child = spawn('python3', [tool, '--server', 'node dist/server.js --stdio', ...toolArgs], {
  cwd: repo,
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: scratch },
});
const ticker = setInterval(() => {
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`conformance: case ${casesStarted()}${total ? ` of ${total}` : ''} after ${seconds} s`);
}, PROGRESS_SECONDS * 1000);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  clearInterval(ticker);
  rmSync(scratch, { recursive: true, force: true });
  console.log(`conformance: done in ${Math.round((Date.now() - started) / 1000)} s`);
  process.exit(code ?? (signal ? 1 : 0));
});

/** Case folders the tool has made so far (it makes one per case in its `conformance-*` temp folder). */
function casesStarted() {
  let n = 0;
  for (const dir of readdirSync(scratch).filter((d) => d.startsWith('conformance-'))) {
    try {
      n += readdirSync(join(scratch, dir)).length;
    } catch {
      /* removed at the end */
    }
  }
  return n;
}

/** Cases in the corpus: each .wit file or folder of parse-fail/ and of the top level (a .result file is an expectation). */
function countCases(dir) {
  const isCase = (parent, name) => !name.endsWith('.result') && (name.endsWith('.wit') || statSync(join(parent, name)).isDirectory());
  const failDir = join(dir, 'parse-fail');
  const failing = readdirSync(failDir).filter((n) => isCase(failDir, n)).length;
  const passing = readdirSync(dir).filter((n) => n !== 'parse-fail' && isCase(dir, n)).length;
  return failing + passing;
}
