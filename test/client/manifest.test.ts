// The extension manifest and what the .vsix ships, checked against what VS Code
// and vsce will do with them: activation, commands, settings, the language
// configuration's rules, and the allow-list in .vscodeignore.
// suite: live
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const languageConfig = JSON.parse(readFileSync(join(repo, 'language-configuration.json'), 'utf8'));

test('activates on WIT files and on its commands only', () => {
  const events: string[] = manifest.activationEvents;
  assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), 'never activate on startup');
  assert.ok(events.includes('onLanguage:wit'));
  for (const e of events.filter((e) => e.startsWith('onCommand:'))) assert.match(e, /^onCommand:wit\./);
  for (const id of ['wit.restartServer', 'wit.showSyntaxTree', 'wit.showResolvedPackage']) {
    assert.ok(events.includes(`onCommand:${id}`), `${id} does not activate the extension`);
  }
});

test('every command is a wit.* command in the WIT category', () => {
  const commands: { command: string; title: string; category?: string }[] = manifest.contributes.commands;
  const byId = new Map(commands.map((c) => [c.command, c]));
  assert.equal(byId.get('wit.restartServer')?.title, 'Restart Language Server');
  assert.equal(byId.get('wit.showSyntaxTree')?.title, 'Show Syntax Tree');
  assert.equal(byId.get('wit.showResolvedPackage')?.title, 'Show Resolved Package');
  for (const c of commands) {
    assert.match(c.command, /^wit\./);
    assert.equal(c.category, 'WIT', `${c.command} is not in the WIT category`);
  }
});

test('the wit language, its grammar, snippets and configuration files exist', () => {
  const [lang] = manifest.contributes.languages.filter((l: { id: string }) => l.id === 'wit');
  assert.deepEqual(lang.extensions, ['.wit']);
  const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'wit');
  assert.equal(grammar.scopeName, 'source.wit');
  const snippets = manifest.contributes.snippets.find((s: { language: string }) => s.language === 'wit');
  for (const file of [lang.configuration, grammar.path, snippets.path]) {
    assert.ok(existsSync(join(repo, file)), `${file} is referenced by package.json but missing`);
  }
});

test('the settings the server reads have defaults and descriptions', () => {
  const props = manifest.contributes.configuration.properties;
  const expected: Record<string, unknown> = {
    'wit.trace.server': 'off',
    'wit.diagnostics.enable': true,
    'wit.format.enable': true,
    'wit.inlayHints.enable': true,
  };
  for (const [key, value] of Object.entries(expected)) {
    assert.equal(props[key]?.default, value, `${key} default`);
    assert.ok((props[key]?.description ?? props[key]?.markdownDescription ?? '').length > 20, `${key} needs a description`);
  }
  assert.deepEqual(props['wit.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('language configuration: doc comments continue, words keep - and %', () => {
  const docRule = languageConfig.onEnterRules.find((r: { action: { appendText?: string } }) => r.action.appendText === '/// ');
  assert.ok(new RegExp(docRule.beforeText).test('  /// Greets people.'));
  assert.ok(!new RegExp(docRule.beforeText).test('  // plain comment'));
  const words = 'import wasi:http/incoming-handler@0.2.0; type %stream = u8;'.match(new RegExp(languageConfig.wordPattern, 'g'));
  assert.ok(words?.includes('incoming-handler') && words.includes('%stream'), `words: ${words}`);
  const increase = new RegExp(languageConfig.indentationRules.increaseIndentPattern);
  assert.ok(increase.test('interface types {') && !increase.test('record r { a: u32 }'));
  assert.ok(languageConfig.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '<' && p.close === '>'));
  assert.deepEqual(languageConfig.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
});

test(
  'the .vsix ships the bundle and the language files, nothing else',
  { skip: !existsSync(join(repo, 'dist/extension.js')) && 'dist/ not built (npm run build)' },
  () => {
    const vsce = join(repo, 'node_modules/.bin/vsce');
    const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
    for (const needed of [
      'package.json',
      'LICENSE',
      'language-configuration.json',
      'dist/extension.js',
      'dist/server.js',
      'dist/tree-sitter.wasm',
      'dist/tree-sitter-wit.wasm',
      'dist/tree-sitter-wac.wasm',
      'syntaxes/wit.tmLanguage.json',
      'snippets/wit.json',
    ]) {
      assert.ok(files.includes(needed), `${needed} is not packaged`);
    }
    for (const f of files) {
      assert.ok(!f.endsWith('.map'), `source map packaged: ${f}`);
      assert.ok(!f.endsWith('.ts') && !f.endsWith('tsconfig.json'), `source packaged: ${f}`);
      assert.ok(!/^(client|server|test|scripts|node_modules|grammar|grammar-wac|out)\//.test(f), `not for the package: ${f}`);
    }
  },
);
