// The differential run behind diff.ts (and the live test of the newest
// wasm-tools): mutates the WASI packages and wit-parser's passing cases one
// small edit at a time, asks a wasm-tools and our core, and collects where they
// disagree. wit-parser reports one error; we must report an error on its line
// (more are fine), and none when it reports none. Needs dist/ for the grammar.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWitLanguageServiceFrom, WitGrammar } from '../../server/src/core/index';
import { pathToUri } from '../../server/src/core/workspace';
import { nodeHost } from '../../server/src/nodeHost';
import { rng, pick, textMutations, semanticMutations, removeDep, type Rng } from './mutations';
import { witFilesUnder } from '../core/helpers';
import { runWasmTools, type Verdict, type WasmTools } from './wasmTools';
import { knownDifference } from './known';

const allMutations = { ...textMutations, ...semanticMutations };

const repo = path.resolve(__dirname, '..', '..');
/** Loaded once per run, before any case (the core parses nothing without it). */
let grammar: WitGrammar | undefined;
const shared = path.resolve(repo, '..', 'shared');

export interface DiffOptions {
  tool: WasmTools;
  count: number;
  seed: number;
  /** Stop after this many milliseconds even when fewer mutants were tried. */
  timeMs: number;
  /** Only cases whose name contains this. */
  only?: string;
  /** Only this mutation kind. */
  mutation?: string;
  /** Where mutants are made, and where disagreeing ones are saved (with an info.txt). */
  workDir: string;
  outDir: string;
  log?: (line: string) => void;
}

export interface Disagreement {
  n: number;
  case: string;
  mutation: string;
  /** missed, wrong-line, false-error, or `known-<version>` for a listed difference. */
  kind: string;
  known?: string;
  tool: string;
  ours: string[];
}

export interface DiffResult {
  tool: WasmTools;
  seed: number;
  total: number;
  agree: number;
  known: number;
  disagree: number;
  usable: number;
  cases: number;
  skipped: string[];
  disagreements: Disagreement[];
}

interface Case {
  name: string;
  from: string;
  isDir: boolean;
}

function cases(only: string | undefined): Case[] {
  const out: Case[] = [];
  const wasi3 = path.join(shared, 'corpus', 'wasi-0.3');
  for (const n of fs.readdirSync(wasi3).sort()) out.push({ name: `wasi-0.3-${n}`, from: path.join(wasi3, n), isDir: true });
  out.push({ name: 'wasi-0.2-http', from: path.join(shared, 'corpus', 'wasi-0.2-http'), isDir: true });
  const ui = path.join(shared, 'corpus', 'wit-parser-ui');
  for (const n of fs.readdirSync(ui).sort()) {
    if (n === 'parse-fail' || n.endsWith('.json') || n.endsWith('.wat')) continue;
    out.push({ name: `ui-${n}`, from: path.join(ui, n), isDir: fs.statSync(path.join(ui, n)).isDirectory() });
  }
  return out.filter((c) => !only || c.name.includes(only));
}

/** A fresh copy of a case under work/: a folder as is, a single file alone in a folder. */
function materialize(c: Case, work: string): string {
  const dir = path.join(work, c.name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (c.isDir) fs.cpSync(c.from, dir, { recursive: true, filter: (src) => !src.endsWith('.print') });
  else fs.copyFileSync(c.from, path.join(dir, path.basename(c.from)));
  return dir;
}

/** Our errors, as `absolute path:line` plus a printable list. */
function runCore(dir: string): { at: Set<string>; list: string[] } {
  const service = createWitLanguageServiceFrom(grammar!, nodeHost);
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

type Kind = 'missed' | 'wrong-line' | 'false-error';

/** How we disagree with the tool, if we do (any error of ours on its line will do). */
function compare(v: Verdict, ours: { at: Set<string>; list: string[] }): Kind | undefined {
  if (!v.error) return ours.list.length ? 'false-error' : undefined;
  if (!ours.list.length) return 'missed';
  if (v.file && !ours.at.has(`${v.file}:${v.line}`)) return 'wrong-line';
  return undefined;
}

function mutate(dir: string, r: Rng, only: string | undefined): string | undefined {
  const kinds = [...Object.keys(allMutations), 'remove-dep'].filter((k) => !only || k === only);
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

export async function runDifferential(o: DiffOptions): Promise<DiffResult> {
  const log = o.log ?? (() => {});
  const { tool, workDir: work, outDir } = o;
  grammar = await WitGrammar.load(path.join(repo, 'dist'));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const all = cases(o.only);
  const skipped: string[] = [];
  // Cases the tool already rejects (for 1.239, newer syntax such as map<K,V>) say nothing about mutants.
  const usable = all.filter((c) => {
    const dir = materialize(c, work);
    const v = runWasmTools(tool.path, dir);
    const ours = runCore(dir);
    if (v.error) {
      skipped.push(c.name);
      log(`skip ${c.name}: wasm-tools ${tool.version} rejects it unmutated (${v.message})`);
    } else if (ours.list.length) log(`baseline disagreement on ${c.name}: ${ours.list.join('; ')}`);
    return !v.error;
  });
  const r = rng(o.seed);
  const started = Date.now();
  const disagreements: Disagreement[] = [];
  let total = 0,
    agree = 0,
    known = 0;
  for (let n = 0; n < o.count && usable.length && Date.now() - started < o.timeMs; n++) {
    const c = usable[n % usable.length];
    const dir = materialize(c, work);
    const what = mutate(dir, r, o.mutation);
    if (!what) continue;
    total++;
    // The mutant under test, in case the core hangs or crashes on it.
    fs.writeFileSync(path.join(work, '..', `current-${path.basename(work)}.txt`), `#${n} ${c.name}: ${what}\n`);
    const v = runWasmTools(tool.path, dir);
    const ours = runCore(dir);
    const differs = compare(v, ours);
    if (!differs) {
      agree++;
      continue;
    }
    const label = knownDifference(tool.version, {
      suite: 'diff',
      name: what,
      grade: differs,
      message: v.detail ?? v.message,
      ours: ours.list[0],
    });
    if (label) known++;
    const saved = path.join(outDir, String(n));
    fs.cpSync(dir, saved, { recursive: true });
    const wt = v.error ? `${v.file ? `${path.relative(dir, v.file)}:${v.line}` : '(no location)'} ${v.message}` : 'ok';
    const info = `case: ${c.name}\nmutation: ${what}\nwasm-tools ${tool.version}: ${wt}${label ? `\nknown difference: ${label}` : ''}\nours:\n  ${ours.list.join('\n  ') || '(none)'}\n`;
    fs.writeFileSync(path.join(saved, 'info.txt'), info);
    disagreements.push({
      n,
      case: c.name,
      mutation: what,
      kind: label ? label.replace(/:.*/, '') : differs,
      known: label,
      tool: wt,
      ours: ours.list,
    });
  }
  return {
    tool,
    seed: o.seed,
    total,
    agree,
    known,
    disagree: total - agree - known,
    usable: usable.length,
    cases: all.length,
    skipped,
    disagreements,
  };
}
