// Merging the checker's own WAC diagnostics with wac's answer (server/src/wac/wacMerge.ts):
// wac's error is never dropped and leads; ours that say the same give way to it (their
// reasons kept as its related information); ours that wac did not reach stay; when wac
// composed the document our errors go and our warnings stay.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { mergeWacDiagnostics } from '../../server/src/wac/wacMerge';

const at = (line: number, character: number, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): Diagnostic => ({
  range: { start: { line, character }, end: { line, character: character + 3 } },
  severity,
  message,
});
const messages = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
const unused = at(2, 4, 'instance `x` is never used', DiagnosticSeverity.Warning);

test("wac's error leads; ours at its place give way, the others stay", () => {
  const ours = [
    at(3, 10, 'mismatched instantiation argument `a`\nfunction `f` differs: needs func(), gets func(x: u32)'),
    at(5, 7, 'undefined name `b`'),
    unused,
  ];
  const wac = [at(3, 10, 'mismatched instantiation argument `a`\nmismatched type for export `f`')];
  const merged = mergeWacDiagnostics(ours, wac, false, 'file:///w/a.wac');
  assert.deepEqual(messages(merged), [
    '3:10 mismatched instantiation argument `a`\nmismatched type for export `f`',
    '5:7 undefined name `b`',
    '2:4 instance `x` is never used',
  ]);
  assert.deepEqual(merged[0].relatedInformation, [
    { location: { uri: 'file:///w/a.wac', range: ours[0].range }, message: 'function `f` differs: needs func(), gets func(x: u32)' },
  ]);
});

test('the same words on the same line are the same error; elsewhere they are not', () => {
  const wac = [at(4, 2, 'duplicate export `run`')];
  assert.deepEqual(messages(mergeWacDiagnostics([at(4, 9, 'duplicate export `run`'), at(6, 9, 'duplicate export `run`')], wac, false)), [
    '4:2 duplicate export `run`',
    '6:9 duplicate export `run`',
  ]);
});

test('an error only wac finds still shows; one without a place too, beside ours', () => {
  assert.deepEqual(messages(mergeWacDiagnostics([unused], [at(1, 0, 'the encoding of the graph failed validation')], false)), [
    '1:0 the encoding of the graph failed validation',
    '2:4 instance `x` is never used',
  ]);
  const registry = at(0, 0, 'failed to create registry client: ...');
  assert.deepEqual(messages(mergeWacDiagnostics([at(3, 15, 'unknown package `docs:calc`')], [registry], false)), [
    '0:0 failed to create registry client: ...',
    '3:15 unknown package `docs:calc`',
  ]);
});

test('when wac composed the document, our errors go and our warnings stay', () => {
  assert.deepEqual(messages(mergeWacDiagnostics([at(5, 7, 'undefined name `b`'), unused], [], true)), ['2:4 instance `x` is never used']);
});
