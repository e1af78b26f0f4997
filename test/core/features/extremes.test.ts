// Hostile sizes answer in time linear in the input: a type nested 20,000 deep
// (formatting took 28 s when each token asked tree-sitter for its parent), an
// interface of 20,000 types (their name order took 91 s), an unclosed nesting.
// The bound is loose on purpose (a loaded 2-core CI machine): what it catches
// is a quadratic pass, which takes tens of seconds at these sizes.
// suite: stress
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture } from '../helpers';
import type { WitDocument } from '../../../server/src/core/document';
import type { Analysis } from '../../../server/src/core/model';
import { hover } from '../../../server/src/core/features/hover';
import { definition } from '../../../server/src/core/features/definition';
import { references } from '../../../server/src/core/features/references';
import { completion } from '../../../server/src/core/features/completion';
import { documentSymbols } from '../../../server/src/core/features/documentSymbols';
import { semanticTokens } from '../../../server/src/core/features/semanticTokens';
import { foldingRanges } from '../../../server/src/core/features/folding';
import { selectionRanges } from '../../../server/src/core/features/selectionRanges';
import { formatDocument, formatText } from '../../../server/src/core/features/formatting';
import { codeActions } from '../../../server/src/core/features/codeActions';
import { inlayHints } from '../../../server/src/core/features/inlayHints';
import { printSyntaxTree } from '../../../server/src/core/features/syntaxTree';

const BOUND_MS = 5000;
const N = 20_000;

function timed(what: string, fn: () => unknown): void {
  const start = performance.now();
  fn();
  const ms = performance.now() - start;
  assert.ok(ms < BOUND_MS, `${what}: ${ms.toFixed(0)} ms`);
}

function everyFeature(name: string, analysis: Analysis, doc: WitDocument, offset: number): void {
  const pos = doc.positionAt(offset);
  const whole = doc.rangeOf(0, doc.text.length);
  const t = (what: string, fn: () => unknown) => timed(`${name}: ${what}`, fn);
  t('symbols', () => documentSymbols(analysis, doc.uri));
  t('semantic tokens', () => semanticTokens(doc, analysis));
  t('folding', () => foldingRanges(doc));
  t('formatting', () => formatDocument(doc));
  t('inlay hints', () => inlayHints(analysis, doc, whole));
  t('definition', () => definition(analysis, doc, pos));
  t('references', () => references([analysis], doc, pos, () => doc, true));
  t('completion', () => completion(analysis, doc, pos));
  t('code actions', () => codeActions(analysis, doc, { start: pos, end: pos }, analysis.diagnostics.get(doc.uri) ?? []));
  t('selection ranges', () => selectionRanges(doc, [pos]));
  t('syntax tree', () => printSyntaxTree(doc));
}

async function check(name: string, text: string, at: number): Promise<WitDocument> {
  const { doc, analysis } = await analysed(name, text);
  everyFeature(name, analysis, doc, at);
  return doc;
}

async function analysed(name: string, text: string): Promise<{ doc: WitDocument; analysis: Analysis }> {
  const f = await fixture({ 'a.wit': text });
  const doc = f.doc('a.wit');
  let analysis: Analysis | undefined;
  timed(`${name}: analysis`, () => {
    analysis = f.service.analysis(doc.uri);
  });
  return { doc, analysis: analysis! };
}

test('a type nested 20,000 deep: every feature in linear time, formatting keeps it', async () => {
  const text = `package a:b;\n\ninterface i {\n    type t = ${'list<'.repeat(N)}u32${'>'.repeat(N)};\n}\n`;
  const doc = await check('list<', text, text.indexOf('u32'));
  assert.equal(formatText(doc), text);
  const tuples = `package a:b;\n\ninterface i {\n    f: func(x: ${'tuple<u8, '.repeat(N)}u32${'>'.repeat(N)});\n}\n`;
  await check('tuple<', tuples, tuples.indexOf('u32'));
});

test('an unclosed nesting 20,000 deep', async () => {
  const text = `package a:b;\ninterface i {\n  type t = ${'list<'.repeat(N)}\n}\n`;
  await check('unclosed', text, text.length - 3);
});

test('an interface of 20,000 types, each naming the next', async () => {
  const lines = Array.from({ length: N }, (_, k) => `    type t${k} = list<t${k + 1}>;`);
  const text = `package a:b;\n\ninterface i {\n${lines.join('\n')}\n    type t${N} = u32;\n}\n`;
  const doc = await check('types', text, text.indexOf(`t${N / 2}`));
  assert.equal(formatText(doc), text);
});

// Hover shows the canonical ABI (core/abi/), which follows a chain of named
// types with an explicit stack (it once recursed per type and overflowed).
test('hover over a chain of 20,000 types', async () => {
  const lines = Array.from({ length: N }, (_, k) => `    type t${k} = list<t${k + 1}>;`);
  const text = `package a:b;\n\ninterface i {\n${lines.join('\n')}\n    type t${N} = u32;\n}\n`;
  const { doc, analysis } = await analysed('types', text);
  timed('types: hover', () => hover(analysis, doc, doc.positionAt(text.indexOf('t0'))));
});

test('hover inside a type nested 20,000 deep', async () => {
  const text = `package a:b;\n\ninterface i {\n    type t = ${'list<'.repeat(N)}u32${'>'.repeat(N)};\n}\n`;
  const { doc, analysis } = await analysed('list<', text);
  timed('list<: hover', () => hover(analysis, doc, doc.positionAt(text.indexOf('u32'))));
});

// tree-sitter's error recovery on thousands of unclosed brackets inside a broken
// gate took 8 s for one fuzz mutant: the parse is given up after its budget and
// the file is checked as empty, saying so; the next edit parses afresh.
test('a file too complex to parse within the budget: given up, said so, and the next edit is parsed', async () => {
  const text = `package a:b;\n\n@since(version = 0.3.0${'tuple<u8, '.repeat(19_000)})\ninterface i {\n    type t = u64;\n}\n`;
  const f = await fixture({ 'a.wit': 'package a:b;\n' });
  const uri = f.uri('a.wit');
  const start = performance.now();
  f.service.openDocument(uri, text, 2);
  const messages = (f.service.diagnostics(uri).get(uri) ?? []).map((d) => String(d.message));
  const ms = performance.now() - start;
  assert.ok(ms < 5000, `open took ${ms.toFixed(0)} ms`);
  assert.ok(
    messages.some((m) => m.startsWith('this file is too complex to parse within 1000 ms')),
    messages.join('\n'),
  );
  f.service.changeDocument(uri, [{ text: 'package a:b;\n\ninterface i {\n    type t = nope;\n}\n' }], 3);
  assert.deepEqual(
    (f.service.diagnostics(uri).get(uri) ?? []).map((d) => d.message),
    ['type `nope` does not exist'],
  );
});
