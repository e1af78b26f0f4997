// Differential test of the live WAC check: valid documents over the repo's component
// fixtures, mutated at random (seeded); for each mutant the diagnostics the server's check
// gives for the unsaved text (a temporary copy, deps/ by flag) agree with `wac compose` of the
// same text saved beside the document: the verdict, the line and column of the error, its
// message. WAC_DIFF_MUTANTS sets how many (default 200), WAC_DIFF_SEED the seed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { checkWac } from '../../server/src/wac/wacCheck';
import { parseWacErrors } from '../../server/src/wac/wacErrors';
import { live } from '../live';
import { fixtureWorkspace } from './wacLsp';

const run = promisify(execFile);

/** mulberry32: a small seeded generator, so a failing mutant can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
    case 3: {
      const lines = text.split('\n');
      lines.splice(Math.floor(rnd() * lines.length), 1);
      return lines.join('\n');
    }
    default: {
      const lines = text.split('\n');
      const i = Math.floor(rnd() * lines.length);
      lines.splice(i, 0, lines[Math.floor(rnd() * lines.length)]);
      return lines.join('\n');
    }
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
  const disagreements: string[] = [];
  let errors = 0;
  try {
    for (let i = 0; i < count; i++) {
      let text = SEEDS[i % SEEDS.length];
      for (let n = 1 + Math.floor(rnd() * 2); n > 0; n--) text = mutate(text, rnd);
      const ours = await checkWac(text, { wac: tools.wac, depsDir, cwd: dir });
      const file = path.join(dir, 'mutant.wac');
      fs.writeFileSync(file, text);
      let theirs: string;
      try {
        await run(tools.wac, ['compose', file, '-o', path.join(dir, 'mutant.wasm')], {
          cwd: dir,
          env: { ...process.env, RUST_BACKTRACE: '0' },
        });
        theirs = 'ok';
      } catch (e) {
        const [err] = parseWacErrors(String((e as { stderr?: string }).stderr));
        theirs = err ? `${err.line === undefined ? '-' : `${err.line + 1}:${(err.column ?? 0) + 1}`} ${err.message}` : 'error';
      }
      const p = ours.problems[0];
      // Where wac gives no location (a failed registry lookup), we point at the package; compare the verdict only.
      const oursText = !p
        ? 'ok'
        : theirs.startsWith('- ')
          ? theirs
          : `${p.start.line + 1}:${p.start.character + 1} ${p.message.split('\n')[0]}`;
      if (theirs !== 'ok') errors++;
      if (oursText !== theirs) disagreements.push(`mutant ${i} (seed ${seed}):\n${text}\n  ours:   ${oursText}\n  theirs: ${theirs}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const agreement = 1 - disagreements.length / count;
  console.log(`WAC differential: ${count} mutants (${errors} rejected by wac compose), agreement ${(agreement * 100).toFixed(1)} %`);
  assert.ok(errors > count / 3, 'the mutants exercise errors');
  assert.ok(agreement >= 0.95, disagreements.join('\n\n'));
  assert.deepEqual(disagreements, [], 'every mutant agrees (the check is wac itself)');
});
