// Differential tester: mutates the WASI packages and wit-parser's passing cases
// one small edit at a time, asks wasm-tools (wit-parser) and our core, and
// prints where they disagree. wit-parser reports one error; we must report an
// error on its line (more are fine), and none when it reports none.
//
//   node --import tsx test/conformance/diff.ts [--count 600] [--seed 1] [--time 300]
//        [--only NAME] [--mutation KIND] [--verbose]
//
// Needs dist/ (npm run build) for the grammar. Disagreeing mutants are saved
// under /tmp/witdiff/out-<seed>/<n>/ with an info.txt.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { initParser } from '../../server/src/core/parser';
import { createWitLanguageService } from '../../server/src/core/index';
import { pathToUri } from '../../server/src/core/workspace';
import { nodeHost } from '../../server/src/nodeHost';
import { rng, pick, textMutations, semanticMutations, removeDep } from './mutations';
import { witFilesUnder } from '../core/helpers';

const allMutations = { ...textMutations, ...semanticMutations };

const repo = path.resolve(__dirname, '..', '..');
const shared = path.resolve(repo, '..', 'shared');
const wasmTools = path.join(shared, 'tools', 'wasm-tools');
// Per seed, so that runs with different seeds at once do not share files.
const seedArg = process.argv.includes('--seed') ? process.argv[process.argv.indexOf('--seed') + 1] : '1';
const work = `/tmp/witdiff/work-${seedArg}`;
const outDir = `/tmp/witdiff/out-${seedArg}`;

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const COUNT = Number(opt('count', '600'));
const SEED = Number(opt('seed', '1'));
const TIME = Number(opt('time', '300')) * 1000;
const ONLY = opt('only', '');
const KIND = opt('mutation', '');
const VERBOSE = args.includes('--verbose');

interface Case { name: string; from: string; isDir: boolean }

function cases(): Case[] {
  const out: Case[] = [];
  const wasi3 = path.join(shared, 'corpus', 'wasi-0.3');
  for (const n of fs.readdirSync(wasi3).sort()) out.push({ name: `wasi-0.3-${n}`, from: path.join(wasi3, n), isDir: true });
  out.push({ name: 'wasi-0.2-http', from: path.join(shared, 'corpus', 'wasi-0.2-http'), isDir: true });
  const ui = path.join(shared, 'corpus', 'wit-parser-ui');
  for (const n of fs.readdirSync(ui).sort()) {
    if (n === 'parse-fail' || n.endsWith('.json') || n.endsWith('.wat')) continue;
    out.push({ name: `ui-${n}`, from: path.join(ui, n), isDir: fs.statSync(path.join(ui, n)).isDirectory() });
  }
  return out.filter((c) => !ONLY || c.name.includes(ONLY));
}

/** A fresh copy of a case under work/: a folder as is, a single file alone in a folder. */
function materialize(c: Case): string {
  const dir = path.join(work, c.name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (c.isDir) fs.cpSync(c.from, dir, { recursive: true, filter: (src) => !src.endsWith('.print') });
  else fs.copyFileSync(c.from, path.join(dir, path.basename(c.from)));
  return dir;
}


interface Verdict { error: boolean; message: string; file?: string; line?: number }

function runWasmTools(dir: string): Verdict {
  try {
    execFileSync(wasmTools, ['component', 'wit', '--features', 'active', dir], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
    return { error: false, message: '' };
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '');
    const loc = /-->\s+(.+?):(\d+):(\d+)/.exec(stderr);
    const message = stderr.split('\n').filter((l) => l.trim() && !/^\s*(\||-->|\d+ \|)/.test(l)).slice(0, 3).join(' / ');
    return loc ? { error: true, message, file: path.resolve(loc[1]), line: Number(loc[2]) } : { error: true, message };
  }
}

/** Our errors, as `absolute path:line` plus a printable list. */
function runCore(dir: string): { at: Set<string>; list: string[] } {
  const service = createWitLanguageService(nodeHost);
  const files = witFilesUnder(dir);
  const root = files.find((f) => path.dirname(f) === dir) ?? files[0];
  const at = new Set<string>();
  const list: string[] = [];
  if (!root) return { at, list };
  for (const [uri, diags] of service.diagnostics(pathToUri(root))) {
    const file = decodeURIComponent(uri.replace(/^file:\/\//, ''));
    for (const d of diags) {
      if (d.severity !== 1) continue;
      at.add(`${file}:${d.range.start.line + 1}`);
      list.push(`${path.relative(dir, file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    }
  }
  return { at, list };
}

type Kind = 'missed' | 'wrong-line' | 'false-error' | 'known-1.239';

/**
 * Where wasm-tools 1.239 is older than the corpus's wit-parser and we follow the
 * corpus: a record field naming an excluded type is reported at the field
 * (corpus bad-gate-record-field), not at the record as 1.239 does.
 */
const KNOWN_OLDER = [/failed to update field/];

/**
 * wasm-tools 1.239 names an async function `[async]f` in a world, so `include w
 * with { f as g }` does not find it; the corpus's wit-parser names it `f`.
 */
const ASYNC_NAMES = /Note that an ID does not support renaming/;

function compare(v: Verdict, ours: { at: Set<string>; list: string[] }, what: string): Kind | undefined {
  if (!v.error) return ours.list.length ? 'false-error' : undefined;
  if (!ours.list.length) return what.startsWith('async-func') && ASYNC_NAMES.test(v.message) ? 'known-1.239' : 'missed';
  if (v.file && !ours.at.has(`${v.file}:${v.line}`)) return KNOWN_OLDER.some((r) => r.test(v.message)) ? 'known-1.239' : 'wrong-line';
  return undefined;
}

function mutate(dir: string, r: Rng2): string | undefined {
  const kinds = [...Object.keys(allMutations), 'remove-dep'].filter((k) => !KIND || k === KIND);
  for (let attempt = 0; attempt < 20; attempt++) {
    const kind = pick(r, kinds);
    if (kind === 'remove-dep') {
      const what = removeDep(dir, r);
      if (what) return `remove-dep: ${what}`;
      continue;
    }
    const files = witFilesUnder(dir);
    const own = files.filter((f) => path.dirname(f) === dir);
    const target = own.length && r() < 0.75 ? pick(r, own) : pick(r, files);
    const src = fs.readFileSync(target, 'utf8');
    const m = allMutations[kind](src, r);
    if (!m || m.text === src) continue;
    fs.writeFileSync(target, m.text);
    return `${kind}: ${path.relative(dir, target)}: ${m.what}`;
  }
  return undefined;
}
type Rng2 = ReturnType<typeof rng>;

async function main() {
  await initParser(path.join(repo, 'dist'));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const all = cases();
  // Cases wasm-tools 1.239 already rejects (newer syntax such as map<K,V>) say nothing about mutants.
  const usable = all.filter((c) => {
    const dir = materialize(c);
    const v = runWasmTools(dir);
    const ours = runCore(dir);
    if (v.error) console.log(`skip ${c.name}: wasm-tools 1.239 rejects it unmutated (${v.message})`);
    else if (ours.list.length) console.log(`baseline disagreement on ${c.name}: ${ours.list.join('; ')}`);
    return !v.error;
  });
  const r = rng(SEED);
  const started = Date.now();
  const byKind = new Map<string, string[]>();
  let total = 0, agree = 0, known = 0;
  for (let n = 0; n < COUNT && Date.now() - started < TIME; n++) {
    const c = usable[n % usable.length];
    const dir = materialize(c);
    const what = mutate(dir, r);
    if (!what) continue;
    total++;
    // The mutant under test, in case the core hangs or crashes on it.
    fs.writeFileSync(path.join(work, '..', `current-${seedArg}.txt`), `#${n} ${c.name}: ${what}\n`);
    const v = runWasmTools(dir);
    const ours = runCore(dir);
    const kind = compare(v, ours, what);
    if (!kind) { agree++; continue; }
    if (kind === 'known-1.239') known++;
    const saved = path.join(outDir, String(n));
    fs.cpSync(dir, saved, { recursive: true });
    const wt = v.error ? `${v.file ? `${path.relative(dir, v.file)}:${v.line}` : '(no location)'} ${v.message}` : 'ok';
    const info = `case: ${c.name}\nmutation: ${what}\nwasm-tools: ${wt}\nours:\n  ${ours.list.join('\n  ') || '(none)'}\n`;
    fs.writeFileSync(path.join(saved, 'info.txt'), info);
    const key = `${kind} / ${what.split(':')[0]}`;
    if (!byKind.has(key)) byKind.set(key, []);
    byKind.get(key)!.push(`#${n} ${c.name}: ${what}\n      wasm-tools: ${wt}\n      ours: ${ours.list.slice(0, 3).join(' | ') || '(none)'}`);
  }
  for (const [key, list] of [...byKind].sort()) {
    console.log(`\n== ${key} (${list.length})`);
    for (const l of VERBOSE ? list : list.slice(0, 5)) console.log(`  ${l}`);
  }
  const pct = total ? ((100 * agree) / total).toFixed(1) : '0';
  const disagree = total - agree - known;
  console.log(`\n${total} mutants, ${agree} agree (${pct}%), ${disagree} disagree, ${known} differ only where wasm-tools 1.239 is older than the corpus; seed ${SEED}; saved under ${outDir}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
