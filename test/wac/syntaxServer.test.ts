// WAC documents read with tree-sitter-wac in the language server, over stdio: every syntax
// error of a document at once (wac stops at its first), each at its token in wac's words;
// semantic tokens; document symbols and folding ranges from the tree. No wac is needed:
// the tree answers all of these, and wac runs only on a document that parses.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WacLspClient } from './wacLsp';

async function withServer(body: (client: WacLspClient, dir: string) => Promise<void>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-wac-syntax-'));
  const client = new WacLspClient();
  try {
    // No wac (an empty PATH, no toolchain cache): what is published is the tree's alone.
    await client.start(dir, { PATH: '', WIT_DEVKIT_CACHE: dir });
    await body(client, dir);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const BROKEN = [
  'package docs:broken;',
  '',
  'let adder = new wit-devkit:adder { a b };',
  'let let = adder;',
  'export adder.calculate',
  '',
].join('\n');

test('a document with three syntax errors gets three diagnostics, each at its token in wac words', { timeout: 60_000 }, () =>
  withServer(async (client, dir) => {
    const uri = client.open(path.join(dir, 'broken.wac'), BROKEN);
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]),
      [
        [2, 37, 2, 38, 'expected `,`, found identifier'],
        [3, 4, 3, 7, 'expected identifier, found `let` keyword'],
        // The input ended: wac points at its last character (here the final newline).
        [4, 22, 4, 22, 'expected `;`, found end of input'],
      ],
    );
    assert.ok(diagnostics.every((d) => d.severity === 1 && d.source === 'wac' && d.code === 'syntax-error'));
    // Fixed, the syntax errors go; what the semantic check finds without wac shows at once,
    // every error (no deps/ here: the package is unknown, and so are the names passed to it).
    const version = client.change(uri, 'package docs:fixed;\n\nlet adder = new wit-devkit:adder { a, b };\nexport adder.calculate;\n');
    const fixed = await client.diagnostics(uri, version);
    assert.deepEqual(
      fixed.map((d) => [d.severity, d.range.start.line, d.range.start.character, d.message]),
      [
        [1, 2, 16, 'unknown package `wit-devkit:adder`'],
        [1, 2, 35, 'undefined name `a`'],
        [1, 2, 38, 'undefined name `b`'],
      ],
      JSON.stringify(fixed),
    );
  }),
);

test('lexical errors and the checks the grammar leaves to the tree are worded as wac words them', { timeout: 60_000 }, () =>
  withServer(async (client, dir) => {
    const text = 'let x = y;\nrecord r {}\nlet v = new a:b@1.0 {};\nlet s = "open';
    const uri = client.open(path.join(dir, 'lexical.wac'), text);
    const diagnostics = await client.diagnostics(uri, 1);
    const slice = (r: any) => text.split('\n')[r.start.line].slice(r.start.character, r.end.character);
    assert.deepEqual(
      diagnostics.map((d) => [slice(d.range), d.message]),
      [
        ['let', 'expected `package` keyword, found `let` keyword'],
        ['}', 'record must contain at least one field'],
        ['1.0', '`1.0` is not a valid semantic version'],
        ['"', 'an unterminated string was encountered'],
      ],
    );
  }),
);

const SAMPLE = [
  '/* The pair, composed:',
  '   greeter feeds app. */',
  'package docs:app@0.1.0;',
  '',
  'import log as "logger": docs:log/sink;',
  'interface types {',
  '  greet: func(name: string) -> string;',
  '}',
  'let greeter = new docs:greeter {};',
  'let app = new docs:app {',
  '  greet: greeter.greet,',
  '  ...',
  '};',
  'export app["wasi:cli/run@0.2.0"];',
  '',
].join('\n');

/** LSP's relative encoding back to absolute (line, character, length, type). */
function decode(data: number[], types: string[]): Array<[number, number, number, string]> {
  const out: Array<[number, number, number, string]> = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    out.push([line, char, data[i + 2], types[data[i + 3]]]);
  }
  return out;
}

test('semantic tokens of a composition decode to its keywords, packages, names and types', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-wac-syntax-'));
  const client = new WacLspClient();
  try {
    const capabilities = await client.start(dir, { PATH: '', WIT_DEVKIT_CACHE: dir });
    const types: string[] = capabilities.semanticTokensProvider.legend.tokenTypes;
    const uri = client.open(path.join(dir, 'app.wac'), SAMPLE);
    const tokens = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(decode(tokens.data, types), [
      [2, 0, 7, 'keyword'],
      [2, 8, 8, 'namespace'],
      [2, 17, 5, 'number'],
      [4, 0, 6, 'keyword'],
      [4, 7, 3, 'variable'],
      [4, 11, 2, 'keyword'],
      [4, 14, 8, 'string'],
      [4, 24, 13, 'namespace'],
      [5, 0, 9, 'keyword'],
      [5, 10, 5, 'interface'],
      [6, 2, 5, 'function'],
      [6, 9, 4, 'keyword'],
      [6, 14, 4, 'parameter'],
      [6, 20, 6, 'type'],
      [6, 31, 6, 'type'],
      [8, 0, 3, 'keyword'],
      [8, 4, 7, 'variable'],
      [8, 14, 3, 'keyword'],
      [8, 18, 12, 'namespace'],
      [9, 0, 3, 'keyword'],
      [9, 4, 3, 'variable'],
      [9, 10, 3, 'keyword'],
      [9, 14, 8, 'namespace'],
      [10, 2, 5, 'parameter'],
      [10, 9, 7, 'variable'],
      [10, 17, 5, 'property'],
      [13, 0, 6, 'keyword'],
      [13, 7, 3, 'variable'],
      [13, 11, 20, 'string'],
    ]);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('document symbols and folding ranges come from the tree, an interface with its functions', { timeout: 60_000 }, () =>
  withServer(async (client, dir) => {
    const uri = client.open(path.join(dir, 'app.wac'), SAMPLE);
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line, s.selectionRange.start.character]),
      [
        ['docs:app', 'package', 2, 2, 8],
        ['log', 'import logger', 4, 4, 7],
        ['types', 'interface', 5, 7, 10],
        ['greeter', 'new docs:greeter', 8, 8, 4],
        ['app', 'new docs:app', 9, 12, 4],
        ['wasi:cli/run@0.2.0', 'export', 13, 13, 11],
      ],
    );
    assert.deepEqual(
      symbols[2].children.map((c: any) => [c.name, c.detail]),
      [['greet', 'func']],
    );
    const folds: any[] = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine, f.kind]),
      [
        [0, 1, 'comment'],
        [5, 6, undefined],
        [9, 11, undefined],
      ],
    );
    // A broken document still has the statements around its error.
    const version = client.change(uri, SAMPLE.replace('let greeter = new docs:greeter {};', 'let greeter = new docs:greeter {'));
    await client.diagnostics(uri, version);
    const broken: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      broken.map((s) => s.name),
      ['docs:app', 'log', 'types', 'greeter', 'wasi:cli/run@0.2.0'],
    );
  }),
);

test('comments before the package directive are not errors; a document that parses has none', { timeout: 60_000 }, () =>
  withServer(async (client, dir) => {
    const text = '// a line\n/* a /* nested */ block */\n/// docs\npackage a:b; // trailing\nlet x = y; /* after */\n// the end';
    const uri = client.open(path.join(dir, 'comments.wac'), text);
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'syntax-error'),
      [],
    );
  }),
);
