// Document and workspace symbols, semantic tokens, folding and selection ranges.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, memoryHost } from '../helpers';
import { packageFilesUnder } from '../../../server/src/core/features/workspaceFiles';
import { documentSymbols, workspaceSymbols } from '../../../server/src/core/features/documentSymbols';
import { semanticTokens, decodeSemanticTokens } from '../../../server/src/core/features/semanticTokens';
import { foldingRanges } from '../../../server/src/core/features/folding';
import { selectionRanges } from '../../../server/src/core/features/selectionRanges';
import type { DocumentSymbol } from 'vscode-languageserver-types';

const SRC = `package demo:app@1.0.0;

interface types {
    record point {
        x: u32,
        y: u32,
    }
    enum color { red, green }
    resource canvas {
        constructor();
        draw: func(p: point);
        @deprecated(version = 1.0.0)
        old: static func();
    }
}

world app {
    import types;
}
`;

function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...outline(s.children ?? [], depth + 1)]);
}

test('document symbols nest interface > types and functions > fields, cases, methods', async () => {
  const f = await fixture({ 'main.wit': SRC });
  const got = outline(documentSymbols(f.service.analysis(f.uri('main.wit')), f.uri('main.wit')));
  assert.deepEqual(got, [
    'demo:app@1.0.0',
    '  types',
    '    point',
    '      x',
    '      y',
    '    color',
    '      red',
    '      green',
    '    canvas',
    '      constructor',
    '      draw',
    '      old',
    '  app',
  ]);
});

test('workspace symbols match by subsequence', async () => {
  const f = await fixture({ 'main.wit': SRC });
  const names = workspaceSymbols([f.service.analysis(f.uri('main.wit'))], 'cnv').map((s) => s.name);
  assert.deepEqual(names, ['canvas']);
});

test('semantic tokens classify declarations, uses, keywords, gates; deprecated is marked', async () => {
  const f = await fixture({ 'main.wit': SRC });
  const doc = f.doc('main.wit');
  const tokens = decodeSemanticTokens(semanticTokens(doc, f.service.analysis(doc.uri)).data);
  const lines = doc.text.split('\n');
  const at = (text: string, line: number) => tokens.find((t) => t.line === line && lines[line].slice(t.char, t.char + t.length) === text);
  assert.equal(at('types', 2)?.type, 'interface');
  assert.equal(at('point', 3)?.type, 'struct');
  assert.equal(at('x', 4)?.type, 'property');
  assert.equal(at('red', 7)?.type, 'enumMember');
  assert.equal(at('canvas', 8)?.type, 'class');
  assert.equal(at('point', 10)?.type, 'struct', 'a use takes the kind of its declaration');
  assert.equal(at('p', 10)?.type, 'parameter');
  assert.equal(at('record', 3)?.type, 'keyword');
  assert.equal(at('u32', 4)?.type, 'type');
  assert.equal(at('deprecated', 11)?.type, 'decorator');
  assert.equal(at('version', 11)?.type, 'property');
  assert.equal(at('1.0.0', 11)?.type, 'number');
  assert.deepEqual(at('old', 12)?.modifiers.includes('deprecated'), true);
  assert.equal(at('app', 16)?.type, 'namespace');
});

test('folding ranges cover every block', async () => {
  const f = await fixture({ 'main.wit': SRC });
  const folds = foldingRanges(f.doc('main.wit')).map((r) => `${r.startLine}-${r.endLine}`);
  for (const want of ['2-13', '3-5', '8-12', '16-17']) assert.ok(folds.includes(want), `${want} not in ${folds}`);
});

test('selection ranges grow from the name outwards to the whole file', async () => {
  const f = await fixture({ 'main.wit': SRC });
  const doc = f.doc('main.wit');
  let r: ReturnType<typeof selectionRanges>[0] | undefined = selectionRanges(doc, [{ line: 10, character: 24 }])[0];
  const texts: string[] = [];
  for (; r; r = r.parent) texts.push(doc.text.slice(doc.offsetAt(r.range.start), doc.offsetAt(r.range.end)));
  assert.equal(texts[0], 'point');
  assert.ok(texts.includes('p: point'));
  assert.ok(texts.includes('draw: func(p: point);'));
  assert.equal(texts[texts.length - 1], doc.text);
});

test('semantic tokens for a range hold only the lines asked for', async () => {
  const f = await fixture({ 'main.wit': SRC });
  const doc = f.doc('main.wit');
  const full = decodeSemanticTokens(semanticTokens(doc, f.service.analysis(doc.uri)).data);
  const part = decodeSemanticTokens(
    semanticTokens(doc, f.service.analysis(doc.uri), { start: { line: 3, character: 0 }, end: { line: 5, character: 0 } }).data,
  );
  assert.deepEqual(
    part,
    full.filter((t) => t.line >= 3 && t.line <= 5),
  );
});

test('the packages of a workspace folder: one file per folder with .wit files, deps/ left to their root', async () => {
  const host = memoryHost({
    '/w/a/x.wit': '',
    '/w/a/y.wit': '',
    '/w/a/deps/d/z.wit': '',
    '/w/b/c/q.wit': '',
    '/w/node_modules/m/n.wit': '',
    '/w/readme.md': '',
  });
  assert.deepEqual(
    packageFilesUnder((d) => host.readDirectory(d), '/w'),
    ['/w/a/x.wit', '/w/b/c/q.wit'],
  );
});

test('a use of a deprecated type carries the deprecated modifier', async () => {
  const src =
    'package demo:app@1.0.0;\n\ninterface i {\n    @since(version = 0.1.0)\n    @deprecated(version = 1.0.0)\n    type old = u32;\n    @since(version = 0.1.0)\n    f: func(x: old);\n}\n';
  const f = await fixture({ 'main.wit': src });
  const doc = f.doc('main.wit');
  const tokens = decodeSemanticTokens(semanticTokens(doc, f.service.analysis(doc.uri)).data);
  const use = tokens.find((t) => t.line === 7 && t.char === src.split('\n')[7].indexOf('old'));
  assert.equal(use?.type, 'type');
  assert.deepEqual(use?.modifiers, ['deprecated']);
});
