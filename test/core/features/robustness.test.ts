// Every feature answers (and never throws) on broken and hostile input: corpus
// files cut at many points, the parse-fail corpus, and deeply nested types.
// suite: stress
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusRoot, fixture, witFilesUnder } from '../helpers';
import type { WitDocument } from '../../../server/src/core/document';
import type { Analysis } from '../../../server/src/core/model';
import { hover } from '../../../server/src/core/features/hover';
import { definition, typeDefinition } from '../../../server/src/core/features/definition';
import { references, documentHighlights } from '../../../server/src/core/features/references';
import { prepareRename } from '../../../server/src/core/features/rename';
import { completion } from '../../../server/src/core/features/completion';
import { signatureHelp } from '../../../server/src/core/features/signatureHelp';
import { documentSymbols } from '../../../server/src/core/features/documentSymbols';
import { semanticTokens } from '../../../server/src/core/features/semanticTokens';
import { foldingRanges } from '../../../server/src/core/features/folding';
import { selectionRanges } from '../../../server/src/core/features/selectionRanges';
import { documentLinks } from '../../../server/src/core/features/documentLinks';
import { formatDocument, formatText } from '../../../server/src/core/features/formatting';
import { codeActions } from '../../../server/src/core/features/codeActions';
import { inlayHints } from '../../../server/src/core/features/inlayHints';

/** Runs every feature on a document at a few positions. */
function exercise(analysis: Analysis, doc: WitDocument, offsets: number[]): void {
  const whole = doc.rangeOf(0, doc.text.length);
  documentSymbols(analysis, doc.uri);
  semanticTokens(doc, analysis);
  foldingRanges(doc);
  documentLinks(analysis, doc);
  formatDocument(doc);
  inlayHints(analysis, doc, whole);
  for (const offset of offsets) {
    const pos = doc.positionAt(offset);
    hover(analysis, doc, pos);
    definition(analysis, doc, pos);
    typeDefinition(analysis, doc, pos);
    references([analysis], doc, pos, () => doc, true);
    documentHighlights(analysis, doc, pos);
    prepareRename(analysis, doc, pos);
    completion(analysis, doc, pos);
    signatureHelp(doc, pos);
    selectionRanges(doc, [pos]);
    codeActions(analysis, doc, { start: pos, end: pos }, analysis.diagnostics.get(doc.uri) ?? []);
  }
}

test('corpus files cut at many points', async () => {
  const files = witFilesUnder(path.join(corpusRoot, 'wasi-0.3', 'http'))
    .slice(0, 2)
    .concat(witFilesUnder(path.join(corpusRoot, 'wit-parser-ui')).filter((_, i) => i % 9 === 0));
  let runs = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (let cut = 1; cut < text.length; cut += Math.max(1, Math.floor(text.length / 12))) {
      const f = await fixture({ 'a.wit': text.slice(0, cut) });
      const doc = f.doc('a.wit');
      exercise(f.service.analysis(doc.uri), doc, [0, Math.floor(cut / 2), cut - 1, cut]);
      runs++;
    }
  }
  assert.ok(runs > 50, `${runs} runs`);
});

test('the parse-fail corpus', async () => {
  const files = witFilesUnder(path.join(corpusRoot, 'wit-parser-ui', 'parse-fail'));
  assert.ok(files.length > 20);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const f = await fixture({ 'a.wit': text });
    const doc = f.doc('a.wit');
    const step = Math.max(1, Math.floor(text.length / 5));
    exercise(
      f.service.analysis(doc.uri),
      doc,
      Array.from({ length: 6 }, (_, i) => Math.min(text.length, i * step)),
    );
    if (doc.tree.rootNode.hasError) assert.equal(formatText(doc), undefined, `${file}: formatted despite errors`);
  }
});

test('deeply nested types do not overflow the stack', async () => {
  const depth = 3000;
  const text = `package a:b;\n\ninterface i {\n    type t = ${'list<'.repeat(depth)}u32${'>'.repeat(depth)};\n}\n`;
  const f = await fixture({ 'a.wit': text });
  const doc = f.doc('a.wit');
  exercise(f.service.analysis(doc.uri), doc, [text.indexOf('u32'), text.indexOf('type t')]);
  const formatted = formatText(doc);
  assert.equal(formatted, text);
});
