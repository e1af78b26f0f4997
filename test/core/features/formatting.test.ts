import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, ready, corpusRoot, witFilesUnder } from '../helpers';
import { formatText, formatDocument, formatRange } from '../../../server/src/core/features/formatting';
import type { WitParser } from '../../../server/src/core/parser';
import { leafTokens } from '../../../server/src/core/features/treeWalk';
import type { TextEdit } from 'vscode-languageserver-types';
import type { WitDocument } from '../../../server/src/core/document';

let parser: WitParser;
before(async () => {
  parser = (await ready()).createParser();
});

function apply(doc: WitDocument, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  let text = doc.text;
  for (const e of sorted) text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  return text;
}

async function format(src: string): Promise<string> {
  const f = await fixture({ 'a.wit': src });
  return apply(f.doc('a.wit'), formatDocument(f.doc('a.wit')));
}

/** The tokens of a text, optional trailing commas left out. */
function significantTokens(text: string): string[] {
  const tree = parser.parse(text);
  const leaves = leafTokens(tree.rootNode).map((n) => (n.type === 'line_comment' ? n.text.trimEnd() : n.text));
  const withoutComments = (i: number) => {
    for (let j = i + 1; j < leaves.length; j++) if (!leaves[j].startsWith('//') && !leaves[j].startsWith('/*')) return leaves[j];
    return '';
  };
  return leaves.filter((t, i) => !(t === ',' && ['}', ')', '>'].includes(withoutComments(i))));
}

test('lays out an interface in the canonical style', async () => {
  const out = await format(
    'package a:b@1.0.0;\ninterface  i{\n  f:func( x :u32 , y:list<string>, )->string;\n' +
      '  record r { a: u32, b: option < u8 > }\n enum e{x,y}\n use other.{ t , u, };\n}\n' +
      'world w { import i; export f: func(); include x with { a as b, } }\n',
  );
  assert.equal(
    out,
    'package a:b@1.0.0;\n\ninterface i {\n    f: func(x: u32, y: list<string>) -> string;\n' +
      '    record r {\n        a: u32,\n        b: option<u8>,\n    }\n    enum e {\n        x,\n        y,\n    }\n' +
      '    use other.{t, u};\n}\n\nworld w {\n    import i;\n    export f: func();\n    include x with { a as b }\n}\n',
  );
});

test('keeps doc comments, trailing comments and gates in place', async () => {
  const src =
    '// header\npackage a:b;\n/// The interface.\n@since(version = 0.2.0)\ninterface i {\n' +
    '    /// A function.\n    @unstable(feature = x)\n    f: func(); // trailing\n\n\n\n    /* block */ g: func();\n}\n';
  const out = await format(src);
  assert.equal(
    out,
    '// header\npackage a:b;\n\n/// The interface.\n@since(version = 0.2.0)\ninterface i {\n' +
      '    /// A function.\n    @unstable(feature = x)\n    f: func(); // trailing\n\n    /* block */ g: func();\n}\n',
  );
});

test('puts a blank line between top-level items and keeps use lines together', async () => {
  const out = await format('package a:b;\nuse x:y/z;\nuse x:y/w as q;\ninterface i {}\nworld w {}\n');
  assert.equal(out, 'package a:b;\n\nuse x:y/z;\nuse x:y/w as q;\n\ninterface i {}\n\nworld w {}\n');
});

test('resources, constructors, static and async functions, results', async () => {
  const out = await format(
    'interface i { resource r { constructor(a:u32); m: async func()->result<_,string>; s: static func() -> own<r>; } }',
  );
  assert.equal(
    out,
    'interface i {\n    resource r {\n        constructor(a: u32);\n        m: async func() -> result<_, string>;\n' +
      '        s: static func() -> own<r>;\n    }\n}\n',
  );
});

test('a line comment in the middle of an expression stays followed by a line break', async () => {
  const src = 'interface i {\n  type t = list< // why\n  u32>;\n}\n';
  const out = await format(src);
  assert.equal(out, 'interface i {\n    type t = list< // why\n    u32>;\n}\n');
  assert.equal(await format(out), out);
});

test('a comment trailing an item keeps its line; the next item still starts a new one', async () => {
  const out = await format('interface a { f: func(); /* x */ g: func(); }\ninterface b {} // after b\ninterface c {}\n');
  assert.equal(out, 'interface a {\n    f: func(); /* x */\n    g: func();\n}\n\ninterface b {} // after b\n\ninterface c {}\n');
  assert.equal(await format(out), out);
});

test('gates with several arguments and a string argument', async () => {
  const out = await format('interface i {\n  @unstable( feature=x ,)   @external-id( "a b" )\n  f: func();\n}\n');
  assert.equal(out, 'interface i {\n    @unstable(feature = x)\n    @external-id("a b")\n    f: func();\n}\n');
});

test('keeps CRLF line endings', async () => {
  const out = await format('interface i {\r\n  f: func();\r\n}\r\n');
  assert.equal(out, 'interface i {\r\n    f: func();\r\n}\r\n');
});

test('leaves a file with syntax errors untouched', async () => {
  const src = 'interface ok{f:func();}\n\ninterface   broken {\n  f: func(;\n}\n';
  assert.equal(await format(src), src);
  const f = await fixture({ 'a.wit': src });
  assert.deepEqual(formatRange(f.doc('a.wit'), { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }), []);
});

test('range formatting changes only the lines asked for', async () => {
  const f = await fixture({ 'a.wit': 'interface i {\n  a:func();\n  b:func();\n  c:func();\n}\n' });
  const doc = f.doc('a.wit');
  const out = apply(doc, formatRange(doc, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }));
  assert.equal(out, 'interface i {\n  a:func();\n    b: func();\n  c:func();\n}\n');
});

test('formatting an already canonical file changes nothing', async () => {
  const canonical = 'package a:b;\n\ninterface i {\n    f: func(x: u32) -> string;\n}\n';
  const f = await fixture({ 'a.wit': canonical });
  assert.deepEqual(formatDocument(f.doc('a.wit')), []);
});

// Every corpus file: formatting is idempotent, keeps every token (trailing commas
// aside) and every comment, and yields a file that still parses.
test('corpus: idempotent, keeps every token, parses', async () => {
  await ready();
  const files = witFilesUnder(corpusRoot);
  assert.ok(files.length > 100, `corpus has ${files.length} files`);
  let formatted = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const f = await fixture({ 'a.wit': text });
    const once = formatText(f.doc('a.wit'));
    if (once === undefined) {
      assert.ok(f.doc('a.wit').tree.rootNode.hasError, `${file} parses but was not formatted`);
      continue;
    }
    formatted++;
    const rel = path.relative(corpusRoot, file);
    assert.equal(parser.parse(once).rootNode.hasError, false, `${rel}: formatted text has syntax errors`);
    const g = await fixture({ 'a.wit': once });
    assert.equal(formatText(g.doc('a.wit')), once, `${rel}: not idempotent`);
    assert.deepEqual(significantTokens(once), significantTokens(text), `${rel}: tokens changed`);
  }
  assert.ok(formatted > 100, `formatted ${formatted} files`);
});

// Whitespace shuffled at random (a seeded generator, so failures reproduce):
// formatting still parses, keeps every token and is idempotent.
test('corpus with shuffled whitespace: idempotent and token-preserving', async () => {
  await ready();
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const files = witFilesUnder(path.join(corpusRoot, 'wasi-0.3')).filter((f) => !f.includes('deps'));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const tree = parser.parse(text);
    const leaves = leafTokens(tree.rootNode);
    let shuffled = '';
    let last = 0;
    for (const leaf of leaves) {
      const gap = text.slice(last, leaf.startIndex);
      const mustBreak = gap.includes('\n') && (shuffled.trimEnd().split('\n').pop() ?? '').includes('//');
      const choices = [' ', '  ', '\n', '\n\n\n    ', '\t'];
      shuffled += mustBreak || last === 0 ? gap : gap === '' ? '' : choices[Math.floor(random() * choices.length)];
      shuffled += leaf.text;
      last = leaf.endIndex;
    }
    shuffled += '\n';
    const f = await fixture({ 'a.wit': shuffled });
    const once = formatText(f.doc('a.wit'));
    assert.ok(once !== undefined, `${file}: shuffled text did not parse`);
    const g = await fixture({ 'a.wit': once });
    assert.equal(formatText(g.doc('a.wit')), once, `${file}: not idempotent`);
    assert.deepEqual(significantTokens(once), significantTokens(text), `${file}: tokens changed`);
  }
});
