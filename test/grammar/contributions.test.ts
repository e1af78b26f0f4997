// The extension manifest points VS Code at the grammar and snippets in this folder's
// care; a renamed file or scope would silently leave WIT files uncoloured.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './corpusFiles';

interface Manifest {
  contributes: {
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
  };
}
const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

test('package.json contributes the WIT TextMate grammar under its own scope name', () => {
  const wit = manifest.contributes.grammars.find((g) => g.language === 'wit');
  assert.ok(wit, 'no grammar contributed for the wit language');
  const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, wit.path), 'utf8'));
  assert.equal(grammar.scopeName, wit.scopeName);
  assert.deepEqual(grammar.fileTypes, ['wit']);
});

test('package.json contributes the WIT snippets file', () => {
  const wit = manifest.contributes.snippets.find((s) => s.language === 'wit');
  assert.ok(wit, 'no snippets contributed for the wit language');
  const snippets = JSON.parse(fs.readFileSync(path.join(repoRoot, wit.path), 'utf8'));
  assert.ok(Object.keys(snippets).length > 0);
});
