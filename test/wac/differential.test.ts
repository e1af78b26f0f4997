// Differential test of the live WAC check: valid documents over the repo's component
// fixtures, mutated at random (seeded); for each mutant the diagnostics the server's check
// gives for the unsaved text (a temporary copy, deps/ by flag) agree with `wac compose` of the
// same text saved beside the document: the verdict, the line and column of the error, its
// message. Two answers are compared: the merged one the server publishes once wac answered
// (our semantic errors merged with wac's: wac's error must lead it, never dropped), and the
// checker's own, published at every edit before wac runs (syntax errors from the tree, else
// wacSemantics.ts): its verdict, and its first error where wac reports one.
// WAC_DIFF_MUTANTS sets how many (default 200), WAC_DIFF_SEED the seed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { checkWac } from '../../server/src/wac/wacCheck';
import { mergeWacDiagnostics } from '../../server/src/wac/wacMerge';
import { live } from '../live';
import { fixtureWorkspace } from './wacLsp';
import { composeVerdict, described, firstError, grammar, ownDiagnostics, random, deleteLine, duplicateLine } from './wacDiffKit';

const SEEDS = [
  'package wit-devkit:greet-app;\n\nlet greeter = new wit-devkit:greeter {};\nlet app = new wit-devkit:app { ...greeter, ... };\n\nexport app["wasi:cli/run@0.2.12"];\n',
  'package docs:calculator-app@0.1.0;\n\nlet adder = new wit-devkit:adder {};\nlet calc = new wit-devkit:calculator {\n  "docs:calc/adder@0.1.0": adder["docs:calc/adder@0.1.0"],\n  ...\n};\n\nexport calc.calculate;\n',
  'package docs:calc-spread;\n\nlet adder = new wit-devkit:adder {};\nlet calc = new wit-devkit:calculator { ...adder, ... };\nexport calc...;\n',
  'package wit-devkit:greet-mismatch;\n\nlet greeter = new wit-devkit:greeter-mismatch {};\nlet app = new wit-devkit:app { ... };\nexport app["wasi:cli/run@0.2.12"] as run;\n',
];
const WORDS = [
  'greeter',
  'app',
  'adder',
  'calc',
  'wit-devkit:greeter',
  'wit-devkit:app',
  'wit-devkit:adder',
  'wit-devkit:greeter-mismatch',
  '...',
  'new',
  'let',
  'export',
  ';',
  '{',
  '}',
  ',',
  '.calculate',
  '["wasi:cli/run@0.2.12"]',
  'as',
  'x',
  '"docs:calc/adder@0.1.0"',
  ':',
];

/** One random edit: delete, duplicate or replace a token, swap two names, drop a line. */
function mutate(text: string, rnd: () => number): string {
  const tokens = [...text.matchAll(/"[^"]*"|\.\.\.|[%A-Za-z][A-Za-z0-9-]*(?::[A-Za-z][A-Za-z0-9-]*)*|\S/g)];
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const tok = pick(tokens);
  const at = tok.index ?? 0;
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return text.slice(0, at) + text.slice(at + tok[0].length);
    case 1:
      return text.slice(0, at) + tok[0] + ' ' + text.slice(at);
    case 2:
      return text.slice(0, at) + pick(WORDS) + text.slice(at + tok[0].length);
    case 3:
      return deleteLine(text, rnd);
    default:
      return duplicateLine(text, rnd);
  }
}

test('the live check agrees with wac compose on random mutants of valid documents', { timeout: 600_000 }, async (t) => {
  const tools = live(t, ['wac']);
  if (!tools) return;
  const count = Number(process.env.WAC_DIFF_MUTANTS) || 200;
  const seed = Number(process.env.WAC_DIFF_SEED) || 12;
  const rnd = random(seed);
  const dir = fixtureWorkspace();
  const depsDir = path.join(dir, 'deps');
  const g = await grammar();
  const disagreements: string[] = [];
  /** The checker's own answer: another verdict than wac's; the same verdict, its first error elsewhere or otherwise worded. */
  const ownVerdicts: string[] = [];
  const ownFirst: string[] = [];
  /** Of those, the mutants that parse: the semantic check's own disagreements (the syntax check has its own tester). */
  const ownSemantic: string[] = [];
  let semanticErrors = 0;
  let errors = 0;
  try {
    for (let i = 0; i < count; i++) {
      let text = SEEDS[i % SEEDS.length];
      for (let n = 1 + Math.floor(rnd() * 2); n > 0; n--) text = mutate(text, rnd);
      const ours = await checkWac(text, { wac: tools.wac, depsDir, cwd: dir });
      const theirs = await composeVerdict(tools.wac, dir, text);
      const own = ownDiagnostics(g, text, depsDir);
      const wacDiagnostics: Diagnostic[] = ours.problems.map((p) => ({
        range: { start: p.start, end: p.end },
        severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        message: p.message,
      }));
      // What the server publishes once wac answered: on a document that parses, ours merged with wac's.
      const merged = own.syntax ? wacDiagnostics : mergeWacDiagnostics(own.diagnostics, wacDiagnostics, ours.code === 0);
      // Where wac gives no location (a failed registry lookup), we point at the package; compare the verdict only.
      const oursText = described(firstError(merged), theirs);
      if (theirs !== 'ok') errors++;
      if (oursText !== theirs) disagreements.push(`mutant ${i} (seed ${seed}):\n${text}\n  ours:   ${oursText}\n  theirs: ${theirs}`);
      const mine = firstError(own.diagnostics);
      if (mine && !own.syntax) semanticErrors++;
      const mineText = described(mine, theirs);
      const replay = `mutant ${i} (seed ${seed}):\n${text}\n  own:    ${mineText}\n  theirs: ${theirs}`;
      if ((mineText === 'ok') !== (theirs === 'ok')) ownVerdicts.push(replay);
      else if (mineText !== theirs) ownFirst.push(replay);
      if (!own.syntax && mineText !== theirs) ownSemantic.push(replay);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const agreement = 1 - disagreements.length / count;
  const pct = (n: number) => `${((100 * (count - n)) / count).toFixed(1)} %`;
  console.log(`WAC differential: ${count} mutants (${errors} rejected by wac compose), agreement ${(agreement * 100).toFixed(1)} %`);
  console.log(
    `WAC differential, the checker alone (${semanticErrors} semantic errors found): verdict ${pct(ownVerdicts.length)}, first error ${pct(ownVerdicts.length + ownFirst.length)}`,
  );
  console.log(`of the mutants that parse, the semantic check disagrees on ${ownSemantic.length}`);
  if (ownSemantic.length) console.log(`the semantic check otherwise (first 5):\n${ownSemantic.slice(0, 5).join('\n')}`);
  assert.ok(errors > count / 3, 'the mutants exercise errors');
  assert.ok(agreement >= 0.95, disagreements.join('\n\n'));
  assert.deepEqual(disagreements, [], 'every mutant agrees (the check is wac itself)');
});
