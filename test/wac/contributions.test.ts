// The manifest contributes the WAC language mode: the language id for .wac files, its
// configuration, TextMate grammar and snippets, each file where the manifest says.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandWithDefaults } from '../grammar/snippetExpansion';
import { repoRoot } from './wacTokenizer';

interface Manifest {
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions?: string[]; configuration?: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
  };
}
const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, p), 'utf8'));

test('package.json contributes the wac language for .wac files, with its configuration', () => {
  const wac = manifest.contributes.languages.find((l) => l.id === 'wac');
  assert.ok(wac, 'no wac language');
  assert.deepEqual(wac.extensions, ['.wac']);
  assert.ok(wac.configuration, 'no language configuration');
  const config = read(wac.configuration);
  assert.equal(config.comments.lineComment, '//');
  assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
  assert.ok(manifest.activationEvents.includes('onLanguage:wac'));
});

test('package.json contributes the WAC TextMate grammar under source.wac', () => {
  const wac = manifest.contributes.grammars.find((g) => g.language === 'wac');
  assert.ok(wac, 'no grammar contributed for wac');
  const grammar = read(wac.path);
  assert.equal(grammar.scopeName, wac.scopeName);
  assert.equal(grammar.scopeName, 'source.wac');
  assert.deepEqual(grammar.fileTypes, ['wac']);
  // Every scope it names ends in .wac: no WIT scope leaked in from the rules it shares with WIT.
  const scopes = [...JSON.stringify(grammar).matchAll(/"name": ?"([^"]+)"/g)].map((m) => m[1]);
  assert.ok(scopes.length > 50);
  for (const scope of scopes) if (scope !== 'WAC') assert.match(scope, /\.wac$|\$1\.wac$/, scope);
});

test('package.json contributes the WAC snippets; each expands without snippet syntax left', () => {
  const wac = manifest.contributes.snippets.find((s) => s.language === 'wac');
  assert.ok(wac, 'no snippets contributed for wac');
  const snippets: Record<string, { prefix: string; body: string[]; description: string }> = read(wac.path);
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  for (const expected of ['package', 'import', 'let', 'export']) assert.ok(prefixes.includes(expected), expected);
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(snippet.description, `${name} has no description`);
    assert.doesNotMatch(expandWithDefaults(snippet.body), /\$/, name);
  }
});
