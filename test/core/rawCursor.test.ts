// Subtree copies are read in one call into tree-sitter-wit.wasm (flatten.c), and
// otherwise walk the tree through tree-sitter.wasm's exports directly
// (syntax/rawCursor.ts) instead of web-tree-sitter's TreeCursor: both walks
// must give the same AST, broken files (ERROR and MISSING nodes) included, and
// find the same error nodes (the children with errors asked for directly).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusRoot, memoryHost, ready } from './helpers';
import { Workspace, pathToUri } from '../../server/src/core/workspace';
import { lowerFile } from '../../server/src/core/syntax/lower';
import { flattenAvailable, rawWalksAvailable, withPublicWalks } from '../../server/src/core/syntax/rawCursor';
import { errorNodes } from '../../server/src/core/syntax/treeTokens';
import { corpus, versionsOf } from './incrementalVersions';

test('the raw cursor walk lowers every corpus file, and broken versions of it, as the public TreeCursor does', async () => {
  const grammar = await ready();
  assert.ok(rawWalksAvailable(), "web-tree-sitter's exports were not found: every walk took the slow path");
  // Copies are read in one call (flatten.c in tree-sitter-wit.wasm): that is the path compared here.
  assert.ok(flattenAvailable(grammar.language), 'tree-sitter-wit.wasm has no flatten export: copies took the JavaScript walk');
  const workspace = new Workspace(memoryHost({}), grammar);
  let compared = 0,
    broken = 0;
  // Tokens tree-sitter made up (MISSING nodes), which the corpus mutants seldom have.
  const missing = [
    'package a:b;\ninterface i {\n  type t = ;\n  variant v { a(), b }\n}\n',
    'package a:b;\ninterface i {\n  type t = option<u32;\n  record r { a: }\n  f: func(a: u32 -> u32;\n}\n',
  ];
  for (const file of ['missing.wit', ...corpus]) {
    const original = file === 'missing.wit' ? missing[0] : fs.readFileSync(file, 'utf8');
    const uri = pathToUri(path.resolve('/raw', path.relative(corpusRoot, file)));
    const texts = file === 'missing.wit' ? missing : [original];
    // A few mutants per file: enough for the error-recovery nodes of every kind.
    let n = 0;
    if (file !== 'missing.wit') for (const v of versionsOf(file, original, false)) if (n++ % 12 === 0) texts.push(v.text);
    for (const [i, text] of texts.entries()) {
      const doc = workspace.openDocument(uri, text, i + 1);
      if (doc.tree.rootNode.hasError) broken++;
      const raw = lowerFile(doc).ast;
      const pub = withPublicWalks(() => lowerFile(doc).ast);
      assert.deepEqual(raw, pub, `${path.relative(corpusRoot, file)}, version ${i}`);
      // The error nodes syntax errors start from: found through the flagged children, or through every child.
      const spans = (nodes: { type: string; startIndex: number; endIndex: number }[]) =>
        nodes.map((n) => `${n.type} ${n.startIndex}-${n.endIndex}`);
      const rawErrors = spans(errorNodes(doc.tree.rootNode));
      assert.deepEqual(rawErrors, spans(withPublicWalks(() => errorNodes(doc.tree.rootNode))), `error nodes of ${file}, version ${i}`);
      if (doc.tree.rootNode.hasError) assert.ok(rawErrors.length > 0, `an error node in ${file}, version ${i}`);
      compared++;
      workspace.closeDocument(uri);
    }
  }
  assert.ok(broken > 100, `${broken} broken versions`);
  console.log(`raw cursor: ${compared} versions compared (${broken} with syntax errors)`);
});
