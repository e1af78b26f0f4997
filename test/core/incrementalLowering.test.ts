// suite: stress
// An edit re-lowers only the items and interface members it touched and reuses
// the rest (syntax/lower.ts): the AST lowered with the reuse equals the AST
// lowered afresh from the same tree, for every version of every corpus file that
// incrementalVersions.ts makes (each differential-tester mutant and back, typing).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusRoot, memoryHost, ready } from './helpers';
import { Workspace, pathToUri } from '../../server/src/core/workspace';
import { lowerFile, type LoweringCache } from '../../server/src/core/syntax/lower';
import { changeBetween, corpus, versionsOf } from './incrementalVersions';

test('every incremental lowering equals a fresh one, on every corpus mutant and on typing', async () => {
  const grammar = await ready();
  const workspace = new Workspace(memoryHost({}), grammar);
  let compared = 0;
  for (const file of corpus) {
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToUri(path.resolve('/incremental', path.relative(corpusRoot, file)));
    let doc = workspace.openDocument(uri, text, 1);
    let cache: LoweringCache = lowerFile(doc).cache;
    let version = 1;
    for (const next of versionsOf(file, text)) {
      doc = workspace.changeDocument(uri, [changeBetween(doc, next.text)], ++version);
      assert.equal(doc.text, next.text);
      const incremental = lowerFile(doc, cache);
      cache = incremental.cache;
      assert.deepEqual(incremental.ast, lowerFile(doc).ast, `${path.relative(corpusRoot, file)}, ${next.what}`);
      compared++;
    }
    workspace.closeDocument(uri);
  }
  assert.ok(compared > 5000, `${compared} versions compared`);
  console.log(`lowering: ${compared} versions compared`);
});
