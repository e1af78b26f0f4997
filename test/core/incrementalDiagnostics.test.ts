// suite: stress
// Incremental analysis equals a full one: the diagnostics of each edited version
// (the document changed in place, its tree reparsed incrementally, lowering and
// resolution reused where nothing changed) equal those of a fresh service opening
// the same text, for every version incrementalVersions.ts makes of every corpus file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusRoot, memoryHost, ready, serviceOver } from './helpers';
import { pathToUri } from '../../server/src/core/workspace';
import { WitDocument } from '../../server/src/core/document';
import { changeBetween, corpus, versionsOf } from './incrementalVersions';

test('the diagnostics of every edited version equal those of the same text opened afresh', async () => {
  const grammar = await ready();
  const parser = grammar.createParser();
  let compared = 0;
  let skipped = 0;
  for (const file of corpus) {
    const text = fs.readFileSync(file, 'utf8');
    // The file alone (its package's other files would only repeat the same check).
    const at = path.resolve('/incremental', path.basename(path.dirname(file)), path.basename(file));
    const uri = pathToUri(at);
    const edited = await serviceOver(memoryHost({ [at]: text }));
    edited.openDocument(uri, text, 1);
    edited.diagnostics(uri);
    let version = 1;
    let current = new WitDocument(uri, text, 1, parser.parse(text));
    for (const next of versionsOf(file, text)) {
      edited.changeDocument(uri, [changeBetween(current, next.text)], ++version);
      current.tree.delete();
      current = new WitDocument(uri, next.text, version, parser.parse(next.text));
      const got = edited.diagnostics(uri).get(uri);
      // A broken file past the fresh-parse limit keeps its incremental tree,
      // whose error recovery can differ from a fresh parse's (tree-sitter's).
      if (current.tree.rootNode.hasError && next.text.length >= 16 * 1024) {
        skipped++;
        continue;
      }
      const fresh = await serviceOver(memoryHost({ [at]: next.text }));
      fresh.openDocument(uri, next.text, 1);
      assert.deepEqual(got, fresh.diagnostics(uri).get(uri), `${path.relative(corpusRoot, file)}, ${next.what}`);
      compared++;
    }
    current.tree.delete();
  }
  assert.ok(compared > 5000, `${compared} versions compared (${skipped} large broken ones left to tree-sitter)`);
  console.log(`diagnostics: ${compared} versions compared, ${skipped} large broken ones left to tree-sitter`);
});
