// The tree-sitter queries shipped for Neovim, Helix and Zed (grammar/queries/*.scm) compile
// against the committed grammar and capture what those editors should colour.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Query } from 'web-tree-sitter';
import { corpusRoot, repoRoot, snapshotCorpus } from './corpusFiles';
import { parseWit, witLanguage } from './treeSitterWit';

const queryDir = path.join(repoRoot, 'grammar', 'queries');
const loadQuery = async (name: string) =>
  new Query(await witLanguage(), fs.readFileSync(path.join(queryDir, name), 'utf8'));

/** Each highlighted range of `source` as `text => capture`, in source order. */
async function highlights(source: string): Promise<Map<string, string[]>> {
  const query = await loadQuery('highlights.scm');
  const tree = await parseWit(source);
  const byRange = new Map<string, string[]>();
  for (const { name, node } of query.captures(tree.rootNode)) {
    const key = `${node.startIndex}-${node.endIndex} ${node.text}`;
    const names = byRange.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    byRange.set(key, names);
  }
  tree.delete();
  query.delete();
  return byRange;
}

/** The captures of the `occurrence`-th node whose whole text is `text`. */
async function capturesOf(source: string, text: string, occurrence = 0): Promise<string[]> {
  const found = [...(await highlights(source))].filter(([key]) => key.slice(key.indexOf(' ') + 1) === text);
  assert.ok(found[occurrence], `nothing captured for "${text}" #${occurrence}`);
  return found[occurrence][1];
}

for (const name of ['highlights.scm', 'folds.scm', 'locals.scm']) {
  test(`${name} compiles against the grammar`, async () => {
    const query = await loadQuery(name);
    assert.ok(query.captureNames.length > 0);
    query.delete();
  });
}

test('highlights: keywords, builtin types, names and gates', async () => {
  const src = [
    '/// docs', '// plain', '@since(version = 0.2.0)', 'interface i {',
    '  record %record { field: u32 }', '  run: async func(arg: list<u8, 4>) -> result<_, string>;', '}',
  ].join('\n');
  assert.deepEqual(await capturesOf(src, '/// docs'), ['comment.documentation']);
  assert.deepEqual(await capturesOf(src, '// plain'), ['comment']);
  assert.deepEqual(await capturesOf(src, 'since'), ['attribute']);
  assert.deepEqual(await capturesOf(src, 'version'), ['variable.parameter']);
  assert.deepEqual(await capturesOf(src, '0.2.0'), ['string.special']);
  assert.deepEqual(await capturesOf(src, '%record'), ['type.definition']);
  assert.deepEqual(await capturesOf(src, 'field'), ['variable.member']);
  assert.deepEqual(await capturesOf(src, 'u32'), ['type.builtin']);
  assert.deepEqual(await capturesOf(src, 'run'), ['function']);
  assert.deepEqual(await capturesOf(src, 'async'), ['keyword.coroutine']);
  assert.deepEqual(await capturesOf(src, 'arg'), ['variable.parameter']);
  assert.deepEqual(await capturesOf(src, '4'), ['number']);
  assert.deepEqual(await capturesOf(src, 'list'), ['type.builtin']);
});

test('highlights: a nested block comment is one comment, `/**/` is not documentation', async () => {
  const src = '/* a /* b */ c */\n/**/\n/** doc */\ninterface after {}';
  assert.deepEqual(await capturesOf(src, '/* a /* b */ c */'), ['comment']);
  assert.deepEqual(await capturesOf(src, '/**/'), ['comment']);
  assert.deepEqual(await capturesOf(src, '/** doc */'), ['comment.documentation']);
  assert.deepEqual(await capturesOf(src, 'after'), ['module']);
});

test('highlights never give one node two different captures on the corpus', async () => {
  for (const corpusPath of snapshotCorpus()) {
    const source = fs.readFileSync(path.join(corpusRoot, corpusPath), 'utf8');
    const conflicts = [...(await highlights(source))].filter(([, names]) => names.length > 1);
    assert.deepEqual(conflicts, [], `${corpusPath}: editors that pick the first or the last capture would differ`);
  }
});

test('folds cover multi-line bodies', async () => {
  const query = await loadQuery('folds.scm');
  const tree = await parseWit('interface i {\n  record r {\n    a: u32,\n  }\n}\nworld w {\n}');
  const folded = query.captures(tree.rootNode).map((c) => c.node.type);
  assert.deepEqual(folded, ['interface_body', 'record_item', 'world_body']);
  tree.delete();
  query.delete();
});
