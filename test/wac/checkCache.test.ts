// The live WAC check's cache (server/src/wac/wacCheckCache.ts), with a stand-in for the wac
// run that counts its calls: the same text or the same tokens (whitespace, comments) are
// answered without a run and the error moves with its token; a change of spacing between
// tokens, of a doc comment or of a component in deps/ runs wac again; a timeout is not kept.
// (That the reused answers are the ones wac gives is the differential test's business.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WacCheckCache } from '../../server/src/wac/wacCheckCache';
import { positionAt, type WacCheckOptions, type WacCheckResult } from '../../server/src/wac/wacCheck';

/** A run that reports `unknown` at its first use as an error, as wac would (line, column). */
function fakeWac() {
  const runs: string[] = [];
  const run = async (text: string): Promise<WacCheckResult> => {
    runs.push(text);
    const at = text.indexOf('unknown');
    if (at < 0) return { problems: [], composed: new Uint8Array([0, 97, 115, 109]), code: 0, stderr: '' };
    const start = positionAt(text, at);
    const end = positionAt(text, at + 'unknown'.length);
    return { problems: [{ start, end, message: 'undefined name `unknown`', severity: 'error' }], code: 1, stderr: '' };
  };
  return { runs, run };
}

function workspace(): { options: WacCheckOptions; component: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-wac-cache-'));
  const component = path.join(dir, 'deps', 'a', 'b.wasm');
  fs.mkdirSync(path.dirname(component), { recursive: true });
  fs.writeFileSync(component, 'one');
  return { options: { wac: '/bin/wac', depsDir: path.join(dir, 'deps'), cwd: dir }, component };
}

const doc = 'package x:y;\nlet b = new a:b { ...unknown };\nexport b.f;\n';

test('the same text, or other whitespace and comments, is answered without running wac; the error moves with its token', async () => {
  const { runs, run } = fakeWac();
  const cache = new WacCheckCache(run);
  const { options } = workspace();
  const first = await cache.check(doc, options);
  assert.deepEqual(first.problems[0].start, { line: 1, character: 21 });
  await cache.check(doc, options);
  assert.equal(cache.lastSource, 'text');

  const spaced = '// a comment\npackage x:y;\n\n/* more */ let b =   new a:b {\n  ...unknown\n};\nexport b.f;   \n';
  const moved = await cache.check(spaced, options);
  assert.equal(cache.lastSource, 'tokens');
  assert.deepEqual(moved.problems[0].start, { line: 4, character: 5 });
  assert.deepEqual(moved.problems[0].end, { line: 4, character: 12 });
  assert.equal(spaced.split('\n')[4].slice(5, 12), 'unknown');
  assert.equal(runs.length, 1, 'wac ran once');

  // A composed component is reused as it is.
  const ok = 'package x:y;\nlet b = new a:b { };\nexport b.f;\n';
  const composed = await cache.check(ok, options);
  const again = await cache.check(ok.replace('\nexport', '\n\n// the export\nexport'), options);
  assert.equal(cache.lastSource, 'tokens');
  assert.equal(again.composed, composed.composed);
  assert.deepEqual(cache.counts, { wac: 2, text: 1, tokens: 2 });
});

test('spacing between tokens, a doc comment, another token or another component runs wac again', async () => {
  const { runs, run } = fakeWac();
  const cache = new WacCheckCache(run);
  const { options, component } = workspace();
  await cache.check(doc, options);
  // `a:b` is a package name, `a: b` is not: whether tokens touch is part of the key.
  await cache.check(doc.replace('a:b', 'a: b'), options);
  assert.equal(cache.lastSource, 'wac');
  // wac keeps doc comments.
  await cache.check(doc.replace('export', '/// the export\nexport'), options);
  assert.equal(cache.lastSource, 'wac');
  await cache.check(doc.replace('b.f', 'b.g'), options);
  assert.equal(cache.lastSource, 'wac');
  assert.equal(runs.length, 4);

  // The component's content changed (same name): a new answer; the same content again: the old one.
  fs.writeFileSync(component, 'two');
  await cache.check(doc, options);
  assert.equal(cache.lastSource, 'wac');
  fs.writeFileSync(component, 'one');
  await cache.check(doc, options);
  assert.equal(cache.lastSource, 'text', 'the answer for the first content is still known');
  assert.equal(runs.length, 5);
});

test('an error between tokens, other than at the end, is not moved: wac runs again', async () => {
  let runs = 0;
  const cache = new WacCheckCache(async (text) => {
    runs++;
    // An error in the middle of the blank after `{` (as for an unterminated comment, between tokens).
    const at = text.indexOf('{') + 2;
    return { problems: [{ start: positionAt(text, at), end: positionAt(text, at), message: 'x', severity: 'error' }], code: 1, stderr: '' };
  });
  const { options } = workspace();
  await cache.check('package x:y;\nlet b = new a:b {  };\n', options);
  await cache.check('package x:y;\nlet b = new a:b {   };\n', options);
  assert.equal(runs, 2);
});

test('a timed-out run is not kept', async () => {
  let runs = 0;
  const cache = new WacCheckCache(async () => {
    runs++;
    return {
      problems: [{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, message: 'slow', severity: 'warning' }],
      code: null,
      stderr: '',
    };
  });
  const { options } = workspace();
  await cache.check(doc, options);
  await cache.check(doc, options);
  assert.equal(runs, 2);
});
