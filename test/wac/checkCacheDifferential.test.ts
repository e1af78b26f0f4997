// The live check's reused answers against the real wac: valid and broken documents over the
// repo's components, each respaced at random (seeded: every blank between tokens replaced by
// other whitespace, line comments and block comments, tokens never joined or split). What
// the cache answers for the respaced text without running wac (wacCheckCache.ts) must be
// what `wac compose` of that text says: the same problems at the same positions with the same
// messages, and the same composed component byte for byte.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWac } from '../../server/src/wac/wacCheck';
import { WacCheckCache } from '../../server/src/wac/wacCheckCache';
import { tokenizeWac } from '../../server/src/wac/wacScanner';
import { live } from '../live';
import { fixtureWorkspace } from './wacLsp';
import { repoRoot } from './wacTokenizer';
import { rng as random } from '../conformance/mutations';

// No tabs: miette draws a tab as spaces, so the underline in wac's report is off by them and
// its length is lost (wacErrors.ts reads one character); the moved answer keeps the length.
const BLANKS = [' ', '  ', '\n', '\n\n    ', ' // a comment\n', '/* block */', ' /* two\n lines */ ', '\r\n'];

/** `text` with each blank between its tokens replaced by another (at least one character). */
function respace(text: string, next: () => number): string {
  let out = '';
  let end = 0;
  for (const t of tokenizeWac(text)) {
    const gap = text.slice(end, t.start);
    out += gap === '' ? '' : BLANKS[Math.floor(next() * BLANKS.length)];
    out += t.text;
    end = t.end;
  }
  return out + '\n';
}

test('answers reused for respaced documents are what wac compose says of them', { timeout: 180_000 }, async (t) => {
  const tools = live(t, ['wac']);
  if (!tools) return;
  const dir = fixtureWorkspace();
  const five = path.join(dir, 'five');
  fs.cpSync(path.join(repoRoot, 'test/fixtures/wac-five'), five, { recursive: true, dereference: true });
  const greet = fs.readFileSync(path.join(dir, 'greet.wac'), 'utf8');
  const calculator = fs.readFileSync(path.join(dir, 'calculator.wac'), 'utf8');
  const fiveText = fs.readFileSync(path.join(five, 'five.wac'), 'utf8');
  const documents: Array<{ name: string; text: string; dir: string }> = [
    { name: 'greet', text: greet, dir },
    { name: 'greet, mismatched greeter', text: greet.replace('wit-devkit:greeter {}', 'wit-devkit:greeter-mismatch {}'), dir },
    { name: 'calculator', text: calculator, dir },
    { name: 'calculator, unknown export', text: calculator.replace('export calc.calculate', 'export calc.calculat'), dir },
    { name: 'five', text: fiveText, dir: five },
    { name: 'five, undefined name', text: fiveText.replace('...logger', '...loggr'), dir: five },
    { name: 'five, missing ;', text: fiveText.replace('{ ...greeter, ... };', '{ ...greeter, ... }'), dir: five },
    { name: 'five, unknown package', text: fiveText.replace('wit-devkit:logger', 'wit-devkit:lumberjack'), dir: five },
  ];
  const next = random(Number(process.env.WAC_CACHE_SEED ?? 7));
  let reused = 0;
  try {
    for (const doc of documents) {
      const options = { wac: tools.wac, depsDir: path.join(doc.dir, 'deps'), cwd: doc.dir };
      const cache = new WacCheckCache();
      await cache.check(doc.text, options);
      for (let i = 0; i < 4; i++) {
        const text = respace(doc.text, next);
        const ours = await cache.check(text, options);
        if (cache.lastSource === 'tokens') reused++;
        const theirs = await checkWac(text, options);
        const what = `${doc.name}, respaced #${i + 1}:\n${text}`;
        assert.deepEqual(ours.problems, theirs.problems, what);
        assert.equal(ours.code, theirs.code, what);
        assert.deepEqual(ours.composed && Buffer.from(ours.composed), theirs.composed && Buffer.from(theirs.composed), what);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Most are answered from the cache (an error between tokens, such as at a missing `;`, is not moved).
  assert.ok(reused >= 24, `${reused} of 32 reused`);
});
