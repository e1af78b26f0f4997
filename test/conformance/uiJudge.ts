// A conformance judge that asks a real wasm-tools instead of trusting fixed
// expectations. ../shared/tools/conformance scores the server against the
// corpus's .wit.result files (file and line of wit-parser's error, as the corpus's
// wit-parser wrote them); that cannot tell what a given wasm-tools release says.
// Here every case of corpus/wit-parser-ui is run through `wasm-tools component wit
// --features active` (the suite's own Resolve::push_path with `active`), read in
// place, and compared with the diagnostics our core publishes for the case alone
// in a folder (as the conformance tool opens it): pass/fail, and for a failure
// the error's file:line:col against our first error in that file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createWitLanguageServiceFrom, WitGrammar } from '../../server/src/core/index';
import { pathToUri } from '../../server/src/core/workspace';
import { nodeHost } from '../../server/src/nodeHost';
import { witFilesUnder } from '../core/helpers';
import { runWasmTools, type Verdict, type WasmTools } from './wasmTools';
import { knownDifference } from './known';

const repo = path.resolve(__dirname, '..', '..');
/** Loaded once per run, before any case (the core parses nothing without it). */
let grammar: WitGrammar | undefined;
export const UI_CASES = path.resolve(repo, '..', 'shared', 'corpus', 'wit-parser-ui');

export interface UiCase {
  /** `name` or `parse-fail/name`, relative to the corpus folder. */
  name: string;
  from: string;
  /** The suite's expectation: under parse-fail/ the case must fail. */
  expectFail: boolean;
}

/**
 * Every case: passing ones at the top (files and folders), failing ones under
 * parse-fail/. .wat packages are left out, as the conformance tool leaves them:
 * the server checks .wit sources, a .wat is only read as a dependency.
 */
export function uiCases(root = UI_CASES): UiCase[] {
  const out: UiCase[] = [];
  const take = (dir: string, prefix: string, expectFail: boolean) => {
    for (const n of fs.readdirSync(dir).sort()) {
      const from = path.join(dir, n);
      if (n === 'parse-fail') continue;
      if (fs.statSync(from).isDirectory() || n.endsWith('.wit')) out.push({ name: prefix + n, from, expectFail });
    }
  };
  take(root, '', false);
  take(path.join(root, 'parse-fail'), 'parse-fail/', true);
  return out;
}

/** One error of ours: path relative to the case, 1-based line and column. */
interface OurError {
  file: string;
  line: number;
  col: number;
  message: string;
}

/**
 * Our errors for a case copied alone into `scratch` (the core reads a folder as
 * one package, so a single file cannot stay among the others of parse-fail/),
 * in the order the server publishes them: per file, the error that stops
 * wit-parser (a syntax error) comes before the ones found by reading further.
 */
function ourErrors(c: UiCase, scratch: string): OurError[] {
  const dir = path.join(scratch, c.name.replace(/[/.]/g, '_'));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (fs.statSync(c.from).isDirectory()) fs.cpSync(c.from, dir, { recursive: true });
  else fs.copyFileSync(c.from, path.join(dir, path.basename(c.from)));
  const files = witFilesUnder(dir);
  const root = files.find((f) => path.dirname(f) === dir) ?? files[0];
  const out: OurError[] = [];
  if (!root) return out;
  const service = createWitLanguageServiceFrom(grammar!, nodeHost);
  for (const [uri, diags] of service.diagnostics(pathToUri(root))) {
    const file = path.relative(dir, decodeURIComponent(uri.replace(/^file:\/\//, '')));
    for (const d of diags) {
      if (d.severity === 1)
        out.push({
          file,
          line: d.range.start.line + 1,
          col: d.range.start.character + 1,
          message: typeof d.message === 'string' ? d.message : d.message.value,
        });
    }
  }
  return out;
}

/**
 * How our answer relates to the tool's:
 * - agree: both pass, or both fail and our first error (publish order) in the tool's file is at its line:col
 * - column: our first error there is on its line, at another column
 * - elsewhere: we report an error on its line, but an earlier one comes first in that file
 * - wrong-line: none of our errors is on its line
 * - missed: the tool fails, we report nothing
 * - false-error: the tool passes, we report an error
 */
export type Grade = 'agree' | 'column' | 'elsewhere' | 'wrong-line' | 'missed' | 'false-error';

export interface CaseResult {
  case: UiCase;
  tool: Verdict & { where?: string };
  ours: OurError[];
  grade: Grade;
  /** Set when the disagreement is a listed difference of this wasm-tools version. */
  known?: string;
}

function firstOf(ours: OurError[]): string | undefined {
  return ours[0] && `${ours[0].file}:${ours[0].line}:${ours[0].col} ${ours[0].message}`;
}

function grade(v: Verdict & { where?: string }, ours: OurError[]): Grade {
  if (!v.error) return ours.length ? 'false-error' : 'agree';
  if (!ours.length) return 'missed';
  if (!v.where) return 'agree';
  const [file, line, col] = [v.where.replace(/:\d+:\d+$/, ''), v.line, v.col];
  const inFile = ours.filter((e) => e.file === file);
  const first = inFile[0];
  if (first && first.line === line) return first.col === col ? 'agree' : 'column';
  return inFile.some((e) => e.line === line) ? 'elsewhere' : 'wrong-line';
}

/** Runs every case through the tool and the core. Needs dist/ (the grammar). */
export async function judgeUiCases(tool: WasmTools, cases = uiCases()): Promise<CaseResult[]> {
  grammar = await WitGrammar.load(path.join(repo, 'dist'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-ui-judge-'));
  try {
    return cases.map((c) => {
      const v: Verdict & { where?: string } = runWasmTools(tool.path, c.from);
      // The tool names files by absolute path; compare relative to the case.
      const base = fs.statSync(c.from).isDirectory() ? c.from : path.dirname(c.from);
      if (v.file) v.where = `${path.relative(base, v.file)}:${v.line}:${v.col}`;
      const ours = ourErrors(c, scratch);
      const g = grade(v, ours);
      const known =
        g === 'agree'
          ? undefined
          : knownDifference(tool.version, {
              suite: 'ui',
              name: c.name.replace(/^parse-fail\//, ''),
              grade: g,
              message: v.detail ?? v.message,
              ours: firstOf(ours),
            });
      return { case: c, tool: v, ours, grade: g, known };
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** One line per disagreement: the case, the tool's verdict, ours. */
export function describe(r: CaseResult): string {
  const tool = r.tool.error ? `fails at ${r.tool.where ?? '(no location)'}: ${r.tool.message}` : 'passes';
  const first = r.ours[0];
  const ours = first
    ? `${first.file}:${first.line}:${first.col} ${first.message}${r.ours.length > 1 ? ` (+${r.ours.length - 1} more)` : ''}`
    : 'no error';
  return `${r.grade}${r.known ? ` (known: ${r.known})` : ''}: ${r.case.name}${r.case.expectFail ? '' : ' [passing case]'}\n    wasm-tools: ${tool}\n    ours:       ${ours}`;
}

export interface Tally {
  cases: number;
  agree: number;
  known: number;
  disagree: number;
  byGrade: Record<string, number>;
}

export function tally(results: readonly CaseResult[]): Tally {
  const byGrade: Record<string, number> = {};
  // Per grade, the disagreements that are not known differences.
  for (const r of results) if (r.grade === 'agree' || !r.known) byGrade[r.grade] = (byGrade[r.grade] ?? 0) + 1;
  const agree = byGrade.agree ?? 0;
  const known = results.filter((r) => r.known).length;
  return { cases: results.length, agree, known, disagree: results.length - agree - known, byGrade };
}
