// Editor features over LSP, from outside: the bundled server over stdio on the
// real WASI packages of the shared corpus (read in place). What is declared and
// where names are used is read from the tree-sitter tree, independently of the
// server's answers.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient, corpusRoot } from './lspClient';
import { ready } from '../core/helpers';
import type { WitParser, Node } from '../../server/src/core/parser';
import { forEachNode, leafTokens } from '../../server/src/core/features/treeWalk';

const PACKAGES = [
  ...['cli', 'clocks', 'filesystem', 'http', 'random', 'sockets'].map((p) => path.join(corpusRoot, 'wasi-0.3', p)),
  path.join(corpusRoot, 'wasi-0.2-http'),
];
const DECLARATIONS = new Set([
  'interface_item',
  'world_item',
  'type_item',
  'record_item',
  'variant_item',
  'enum_item',
  'flags_item',
  'resource_item',
  'func_item',
  'static_func_item',
  'record_field',
  'variant_case',
  'enum_case',
  'flags_field',
]);

let client: LspClient;
let parser: WitParser;
const opened = new Map<string, { uri: string; text: string; tree: ReturnType<WitParser['parse']> }>();

function packageFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.wit'))
    .map((f) => path.join(dir, f))
    .sort();
}

function offsetAt(text: string, pos: { line: number; character: number }): number {
  let offset = 0;
  for (let l = 0; l < pos.line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + pos.character;
}

function textOf(uri: string, range: { start: any; end: any }): string {
  const file = fileURLToPath(uri);
  const text = opened.get(file)?.text ?? fs.readFileSync(file, 'utf8');
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

const bare = (name: string) => (name.startsWith('%') ? name.slice(1) : name);
const pos = (n: Node) => ({ line: n.startPosition.row, character: n.startPosition.column });

/** Every type name written in a type position (what definition must resolve). */
function typeReferences(root: Node): Node[] {
  const out: Node[] = [];
  forEachNode(root, (n) => {
    if (n.type === 'identifier' && ['named_type', 'borrow_type', 'own_type'].includes(n.parent?.type ?? '')) out.push(n);
  });
  return out;
}

/** Names in `use` lists and the interface or world named by use/import/export/include paths. */
function pathReferences(root: Node): Node[] {
  const out: Node[] = [];
  forEachNode(root, (n) => {
    if (n.type === 'use_name') out.push(n.childForFieldName('name')!);
    if (n.type === 'use_path') {
      const idents = n.children.filter((c): c is Node => c?.type === 'identifier');
      out.push(idents[idents.length - 1]);
      return 'skip';
    }
    return undefined;
  });
  return out;
}

before(async () => {
  parser = (await ready()).createParser();
  client = new LspClient();
  const caps = await client.start();
  assert.ok(caps.hoverProvider && caps.definitionProvider && caps.documentFormattingProvider);
  for (const dir of PACKAGES) {
    for (const file of packageFiles(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      opened.set(file, { uri: client.open(file, text), text, tree: parser.parse(text) });
    }
  }
});

after(async () => {
  await client?.stop();
});

test('every declaration appears in document symbols', async () => {
  let checked = 0;
  for (const [file, { uri, tree }] of opened) {
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const seen = new Set<string>();
    const stack = [...symbols];
    while (stack.length) {
      const s = stack.pop();
      seen.add(`${s.selectionRange.start.line}:${s.selectionRange.start.character}:${s.name}`);
      stack.push(...(s.children ?? []));
    }
    forEachNode(tree.rootNode, (n) => {
      if (!DECLARATIONS.has(n.type)) return undefined;
      const name = n.childForFieldName('name');
      if (!name) return undefined;
      checked++;
      const key = `${name.startPosition.row}:${name.startPosition.column}:${bare(name.text)}`;
      assert.ok(seen.has(key), `${path.relative(corpusRoot, file)}: ${n.type} ${name.text} missing from document symbols`);
      return undefined;
    });
  }
  assert.ok(checked > 500, `only ${checked} declarations`);
});

test('definition of every type reference lands on that name at its declaration; hover mentions it', async () => {
  let checked = 0;
  for (const [file, { uri, tree }] of opened) {
    for (const ref of typeReferences(tree.rootNode)) {
      const name = bare(ref.text);
      const where = `${path.relative(corpusRoot, file)}:${ref.startPosition.row + 1}: ${name}`;
      const locs: any[] = await client.request('textDocument/definition', { textDocument: { uri }, position: pos(ref) });
      assert.equal(locs?.length, 1, `${where}: ${JSON.stringify(locs)}`);
      assert.equal(bare(textOf(locs[0].uri, locs[0].range)), name, where);
      const hover: any = await client.request('textDocument/hover', { textDocument: { uri }, position: pos(ref) });
      assert.ok(hover?.contents?.value?.includes(name), `${where}: hover ${JSON.stringify(hover)}`);
      checked++;
    }
  }
  assert.ok(checked > 200, `only ${checked} type references`);
});

test('definition of every use-list name and path lands on that name at its declaration', async () => {
  let checked = 0;
  for (const [file, { uri, tree }] of opened) {
    for (const ref of pathReferences(tree.rootNode)) {
      const name = bare(ref.text);
      const where = `${path.relative(corpusRoot, file)}:${ref.startPosition.row + 1}: ${name}`;
      const locs: any[] = await client.request('textDocument/definition', { textDocument: { uri }, position: pos(ref) });
      assert.equal(locs?.length, 1, `${where}: ${JSON.stringify(locs)}`);
      assert.equal(bare(textOf(locs[0].uri, locs[0].range)), name, where);
      checked++;
    }
  }
  assert.ok(checked > 80, `only ${checked} names`);
});

test('references hold only occurrences of the name and include the one asked from', async () => {
  let checked = 0;
  for (const [file, { uri, tree }] of opened) {
    const refs = typeReferences(tree.rootNode).filter((_, i) => i % 4 === 0);
    for (const ref of refs) {
      const name = bare(ref.text);
      const locs: any[] = await client.request('textDocument/references', {
        textDocument: { uri },
        position: pos(ref),
        context: { includeDeclaration: true },
      });
      const where = `${path.relative(corpusRoot, file)}:${ref.startPosition.row + 1}: ${name}`;
      for (const l of locs) assert.equal(bare(textOf(l.uri, l.range)), name, where);
      assert.ok(
        locs.some(
          (l) => l.uri === uri && l.range.start.line === ref.startPosition.row && l.range.start.character === ref.startPosition.column,
        ),
        `${where}: the asked occurrence is missing`,
      );
      checked++;
    }
  }
  assert.ok(checked > 50);
});

test("completion in a parameter type position offers builtins and the interface's types", async () => {
  const file = path.join(corpusRoot, 'wasi-0.3', 'filesystem', 'types.wit');
  const { uri, tree } = opened.get(file)!;
  let param: Node | undefined;
  forEachNode(tree.rootNode, (n) => {
    if (!param && n.type === 'param') param = n;
    return param ? 'skip' : undefined;
  });
  const type = param!.childForFieldName('type')!;
  const items: any = await client.request('textDocument/completion', { textDocument: { uri }, position: pos(type) });
  const labels = new Set((Array.isArray(items) ? items : items.items).map((i: any) => i.label));
  for (const want of ['u32', 'string', 'list', 'descriptor', 'filesize', 'error-code', 'descriptor-flags']) {
    assert.ok(labels.has(want), `missing ${want}`);
  }
});

test('semantic tokens and folding ranges answer for every file', async () => {
  for (const [file, { uri }] of opened) {
    const tokens: any = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0, file);
    const folds: any[] = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length > 0, file);
  }
});

test('formatting twice gives the same text as once and keeps every token but trailing commas', async () => {
  const significant = (text: string) => {
    const leaves = leafTokens(parser.parse(text).rootNode).map((n) => n.text.trimEnd());
    return leaves.filter((t, i) => !(t === ',' && ['}', ')', '>'].includes(leaves[i + 1])));
  };
  for (const [file, { uri, text }] of opened) {
    const once = applyEdits(
      text,
      await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
    );
    client.change(uri, once);
    const twice = applyEdits(
      once,
      await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
    );
    assert.equal(twice, once, `${file}: not idempotent`);
    assert.deepEqual(significant(once), significant(text), `${file}: tokens changed`);
    // Half-way through an edit (a syntax error): the file is left as it is.
    const broken = text.replace('{', '{ ;');
    client.change(uri, broken);
    assert.deepEqual(
      await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
      [],
      `${file}: broken file formatted`,
    );
    client.change(uri, text);
  }
});

const RENAMES: Array<{ file: string; kind: string; name: string; newName: string }> = [
  { file: path.join(corpusRoot, 'wasi-0.3', 'clocks', 'types.wit'), kind: 'type_item', name: 'duration', newName: 'time-span' },
  { file: path.join(corpusRoot, 'wasi-0.2-http', 'types.wit'), kind: 'variant_item', name: 'error-code', newName: 'http-failure' },
];

for (const { file, kind, name, newName } of RENAMES) {
  test(`renaming ${name} (used from another file) edits only that name and leaves the package without errors`, async () => {
    const { uri, tree } = opened.get(file)!;
    let decl: Node | undefined;
    forEachNode(tree.rootNode, (n) => {
      if (!decl && n.type === kind && n.childForFieldName('name')?.text === name) decl = n.childForFieldName('name')!;
    });
    const edit: any = await client.request('textDocument/rename', { textDocument: { uri }, position: pos(decl!), newName });
    const files = Object.keys(edit.changes);
    assert.ok(files.length >= 2, `only ${files.join(', ')}`);
    for (const [u, edits] of Object.entries<any[]>(edit.changes)) {
      for (const e of edits) assert.equal(textOf(u, e.range), name, u);
    }
    // Apply in the editor, then take the server's verdict on the final text of
    // every file of the package (earlier publishes may show a half-applied rename).
    for (const [u, edits] of Object.entries<any[]>(edit.changes)) {
      const f = fileURLToPath(u);
      const current = opened.get(f)?.text ?? fs.readFileSync(f, 'utf8');
      if (!opened.has(f)) client.open(f, current);
      client.change(u, applyEdits(current, edits));
    }
    const diagnostics = await Promise.all(
      packageFiles(path.dirname(file)).map((f) => {
        const u = opened.get(f)!.uri;
        return client.nextDiagnostics(u, client.versionOf(u));
      }),
    );
    assert.deepEqual(
      diagnostics.flat().map((d) => d.message),
      [],
    );
    for (const [u] of Object.entries<any[]>(edit.changes)) {
      const f = fileURLToPath(u);
      client.change(u, opened.get(f)?.text ?? fs.readFileSync(f, 'utf8'));
    }
  });
}

function applyEdits(text: string, edits: any[] | null): string {
  const sorted = [...(edits ?? [])].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  for (const e of sorted) text = text.slice(0, offsetAt(text, e.range.start)) + e.newText + text.slice(offsetAt(text, e.range.end));
  return text;
}

// `wit.format.enable` and `wit.inlayHints.enable` switch their features off
// (and back on) without a restart.
const SETTINGS_SRC = 'package demo:app;\n\nworld w {\n    import wasi:clocks/wall-clock;\n}\ninterface   i{f:func();}\n';
const SETTINGS_DEP = 'package wasi:clocks@0.2.0;\n\ninterface wall-clock {\n    now: func() -> u64;\n}\n';

test('format and inlay hints follow their settings', async () => {
  const client = new LspClient({ settings: { format: { enable: false }, inlayHints: { enable: false } } });
  // A package on disk: the server finds deps/ by listing folders.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-settings-'));
  try {
    const configured = client.configurationAnswered();
    await client.start();
    await configured;
    fs.mkdirSync(path.join(root, 'deps', 'clocks'), { recursive: true });
    fs.writeFileSync(path.join(root, 'main.wit'), SETTINGS_SRC);
    fs.writeFileSync(path.join(root, 'deps', 'clocks', 'wall.wit'), SETTINGS_DEP);
    const uri = client.open(path.join(root, 'main.wit'));
    const format = () => client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    const hints = () =>
      client.request('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
      });
    assert.deepEqual(await format(), []);
    assert.deepEqual(await hints(), []);

    const reconfigured = client.configurationAnswered();
    client.settings = { format: { enable: true }, inlayHints: { enable: true } };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    await reconfigured;
    assert.ok((await format()).length > 0, 'formatting stayed off after it was enabled');
    assert.deepEqual(
      (await hints()).map((h: any) => h.label),
      ['@0.2.0'],
    );
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('code actions over LSP: the published diagnostic gets its quick fix', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-actions-'));
  try {
    fs.writeFileSync(path.join(root, 'types.wit'), 'package demo:app;\n\ninterface types {\n    record point { x: u32 }\n}\n');
    const src = 'package demo:app;\n\ninterface api {\n    get: func() -> point;\n}\n';
    fs.writeFileSync(path.join(root, 'api.wit'), src);
    const uri = pathToFileURL(path.join(root, 'api.wit')).toString();
    const published = client.nextDiagnostics(uri);
    client.open(path.join(root, 'api.wit'));
    const diagnostics = await published;
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    const fix = actions.find((a) => a.title === 'Add `use types.{point}`');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(
      applyEdits(src, fix.edit.changes[uri]),
      'package demo:app;\n\ninterface api {\n    use types.{point};\n    get: func() -> point;\n}\n',
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('workspace symbols find declarations of packages no editor has open', async () => {
  const other = new LspClient({ workspaceFolders: [path.join(corpusRoot, 'wasi-0.3')] });
  try {
    await other.start();
    const symbols: any[] = await other.request('workspace/symbol', { query: 'monotonic' });
    const names = symbols.map((s) => `${s.name} ${path.relative(corpusRoot, fileURLToPath(s.location.uri))}`);
    assert.ok(names.includes('monotonic-clock wasi-0.3/clocks/monotonic-clock.wit'), names.join('\n'));
  } finally {
    await other.stop();
  }
});
