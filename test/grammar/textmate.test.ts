// The TextMate grammar (syntaxes/wit.tmLanguage.json) run through vscode-textmate and
// Oniguruma as VS Code runs it: snapshots of real WIT from the shared corpus (read in
// place), direct checks of the scopes that themes colour, and a bound on tokenizing time.
// `UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs test/grammar` rewrites the snapshots.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusRoot, fixtureRoot, snapshotCorpus, snapshotFixtures } from './corpusFiles';
import { renderSnapshot } from './snapshot';
import { tokenize, type Token } from './textmateTokenizer';

const snapshotDir = path.join(__dirname, 'snapshots');
const updating = process.env.UPDATE_SNAPSHOTS === '1';
const snapshotName = (corpusPath: string) => `${corpusPath.replaceAll('/', '__')}.snap`;

/** Snapshot name -> the WIT file it records: corpus files, then our fixtures. */
const snapshotSources = new Map<string, string>([
  ...snapshotCorpus().map((p): [string, string] => [snapshotName(p), path.join(corpusRoot, p)]),
  ...snapshotFixtures().map((p): [string, string] => [snapshotName(`fixtures/${p}`), path.join(fixtureRoot, p)]),
]);

for (const [name, sourcePath] of snapshotSources) {
  test(`snapshot: ${name.replace(/\.snap$/, '')}`, async () => {
    const source = fs.readFileSync(sourcePath, 'utf8');
    const actual = renderSnapshot(source, await tokenize(source));
    const snapshotPath = path.join(snapshotDir, name);
    if (updating) {
      fs.mkdirSync(snapshotDir, { recursive: true });
      fs.writeFileSync(snapshotPath, actual);
      return;
    }
    assert.ok(fs.existsSync(snapshotPath), `no snapshot ${snapshotPath}; run with UPDATE_SNAPSHOTS=1`);
    assert.equal(actual, fs.readFileSync(snapshotPath, 'utf8'), `${sourcePath} tokenizes differently`);
  });
}

test('every snapshot belongs to a file that is still tested', () => {
  const orphans = fs.readdirSync(snapshotDir).filter((name) => !snapshotSources.has(name));
  assert.deepEqual(orphans, [], 'snapshots of files no longer tested; delete them');
});

/** The token that is exactly `needle`, at its `occurrence`-th appearance (0-based) in `source`. */
async function tokenOf(source: string, needle: string, occurrence = 0): Promise<Token> {
  const lines = source.split('\n');
  // A word-like needle only matches whole kebab-case words: `a` is not the `a` in `package`.
  const before = /^[A-Za-z0-9]/.test(needle) ? '(?<![A-Za-z0-9%-])' : '';
  const after = /[A-Za-z0-9]$/.test(needle) ? '(?![A-Za-z0-9-])' : '';
  const pattern = new RegExp(before + escapeRegex(needle) + after, 'g');
  const hits = lines.flatMap((line, row) => [...line.matchAll(pattern)]
    .map((m) => ({ row, column: m.index ?? 0 })));
  const hit = hits[occurrence];
  assert.ok(hit, `"${needle}" occurs fewer than ${occurrence + 1} times`);
  const tokens = (await tokenize(source))[hit.row];
  const token = tokens.find((t) => t.start <= hit.column && hit.column < t.end);
  assert.ok(token, `no token at "${needle}"`);
  assert.equal(token.text, needle, `"${needle}" is not one token (got ${JSON.stringify(token.text)})`);
  return token;
}
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const innermost = (t: Token) => t.scopes[t.scopes.length - 1];

test('`async` in `async func` is a keyword and `func` a storage type', async () => {
  const src = 'interface i {\n  fetch: async func(url: string) -> u32;\n}';
  assert.match(innermost(await tokenOf(src, 'async')), /^keyword\..*\.wit$/);
  assert.equal(innermost(await tokenOf(src, 'func')), 'storage.type.function.wit');
  assert.equal(innermost(await tokenOf(src, 'fetch')), 'entity.name.function.wit');
  assert.equal(innermost(await tokenOf(src, 'url')), 'variable.parameter.wit');
});

test('builtin types: primitives, error-context, payload-less future/stream, list lengths', async () => {
  const src = 'interface i {\n  type a = u32;\n  type b = error-context;\n  type c = future;\n  type d = list<u8, 4>;\n' +
    '  type e = u32-to-string;\n}';
  assert.equal(innermost(await tokenOf(src, 'u32')), 'support.type.primitive.wit');
  assert.equal(innermost(await tokenOf(src, 'error-context')), 'support.type.primitive.wit');
  assert.equal(innermost(await tokenOf(src, 'future')), 'support.type.builtin.wit');
  assert.equal(innermost(await tokenOf(src, '4')), 'constant.numeric.integer.wit');
  // A kebab-case name that merely starts with a keyword is one user-defined name.
  assert.equal(innermost(await tokenOf(src, 'u32-to-string')), 'entity.name.type.wit');
});

test('`///` and `/** */` are documentation, `//`, `/* */` and `/**/` are not', async () => {
  const src = '/// docs\n// plain\n/** block docs */\n/* plain block */\n/**/\ninterface i {}';
  assert.ok((await tokenOf(src, '///')).scopes.includes('comment.line.documentation.wit'));
  assert.ok((await tokenOf(src, ' plain')).scopes.includes('comment.line.double-slash.wit'));
  assert.ok((await tokenOf(src, ' block docs ')).scopes.includes('comment.block.documentation.wit'));
  const plainBlock = await tokenOf(src, ' plain block ');
  assert.ok(plainBlock.scopes.includes('comment.block.wit'));
  assert.ok(!plainBlock.scopes.includes('comment.block.documentation.wit'));
  const empty = await tokenOf(src, '/*', 2);
  assert.ok(!empty.scopes.some((s) => s.includes('documentation')), '/**/ is an empty ordinary comment');
  assert.equal(innermost(await tokenOf(src, 'interface')), 'storage.type.interface.wit');
});

test('a nested block comment ends at its own `*/`, not the first one', async () => {
  const src = '/* outer /* inner */ still comment */ interface after {}';
  assert.ok((await tokenOf(src, ' still comment ')).scopes.includes('comment.block.wit'));
  const keyword = await tokenOf(src, 'interface');
  assert.ok(!keyword.scopes.some((s) => s.startsWith('comment')), 'code after the comment is code');
  assert.equal(innermost(keyword), 'storage.type.interface.wit');
  // Across lines too: the state carries over.
  const multi = '/* a\n /* b */\n c */\ninterface after {}';
  assert.ok((await tokenOf(multi, ' c ')).scopes.includes('comment.block.wit'));
  assert.equal(innermost(await tokenOf(multi, 'interface')), 'storage.type.interface.wit');
});

test('gates: @since is an attribute with a version; @unstable names a feature', async () => {
  const src = '@since(version = 0.2.1-rc.1)\n@unstable(feature = fancy-thing)\ninterface i {}';
  const since = await tokenOf(src, 'since');
  assert.ok(since.scopes.includes('meta.attribute.wit'));
  assert.ok((await tokenOf(src, '@')).scopes.includes('meta.attribute.wit'));
  assert.equal(innermost(await tokenOf(src, '0.2.1-rc.1')), 'constant.numeric.version.wit');
  assert.equal(innermost(await tokenOf(src, 'fancy-thing')), 'constant.other.feature.wit');
  assert.equal(innermost(await tokenOf(src, 'version')), 'variable.parameter.attribute.wit');
});

test('`%record` is an identifier, not the `record` keyword', async () => {
  const src = 'interface i {\n  record %record { a: u32 }\n  type t = %record;\n}';
  assert.equal(innermost(await tokenOf(src, '%record', 0)), 'entity.name.type.record.wit');
  assert.equal(innermost(await tokenOf(src, '%record', 1)), 'entity.name.type.wit');
  assert.equal(innermost(await tokenOf(src, 'record')), 'storage.type.record.wit');
});

test('packages, paths and versions', async () => {
  const src = 'package wasi:http@0.3.0-rc-2026-03-15;\nworld w {\n  import primary: wasi:keyvalue/store@0.2.0;\n' +
    '  import a:b/c;\n  include wasi:cli/imports with { run as start }\n}';
  assert.equal(innermost(await tokenOf(src, 'wasi')), 'entity.name.namespace.wit');
  assert.equal(innermost(await tokenOf(src, 'http')), 'entity.name.package.wit');
  assert.equal(innermost(await tokenOf(src, '0.3.0-rc-2026-03-15')), 'constant.numeric.version.wit');
  assert.equal(innermost(await tokenOf(src, 'primary')), 'entity.name.type.interface.wit');
  assert.equal(innermost(await tokenOf(src, 'store')), 'entity.name.type.interface.wit');
  assert.equal(innermost(await tokenOf(src, 'a')), 'entity.name.namespace.wit', '`a:b` without a space is a path');
  assert.equal(innermost(await tokenOf(src, 'imports')), 'entity.name.type.world.wit');
  assert.equal(innermost(await tokenOf(src, 'with')), 'keyword.control.with.wit');
  assert.equal(innermost(await tokenOf(src, 'as')), 'keyword.control.as.wit');
});

test('a half-typed function does not swallow the items after it', async () => {
  const src = 'interface i {\n  f: func(a: list<u8\n  record r { a: u32 }\n  g: func();\n}';
  assert.equal(innermost(await tokenOf(src, 'record')), 'storage.type.record.wit');
  assert.equal(innermost(await tokenOf(src, 'r')), 'entity.name.type.record.wit');
  assert.equal(innermost(await tokenOf(src, 'g')), 'entity.name.function.wit');
});

test('tokenizing is instant, even on pathological input', async () => {
  const cases: Record<string, string> = {
    'a 40,000-character kebab-case name': `interface i {\n  ${'a-'.repeat(20_000)}b\n}`,
    '1,000 nested generics': `interface i {\n  type t = ${'list<'.repeat(1000)}u8${'>'.repeat(1000)};\n}`,
    '1,000 unclosed generics': `interface i {\n  type t = ${'option<'.repeat(1000)}\n}`,
    '5,000 parameters': `interface i {\n  f: func(${'a: u32, '.repeat(5000)});\n}`,
    'a 20,000-part version': `package a:b@${'1.'.repeat(10_000)}0;`,
    '10,000 namespaces': `package ${'a:'.repeat(10_000)}b;`,
    '500 nested comments': `${'/*'.repeat(500)}${'*/'.repeat(500)}`,
  };
  await tokenize('warm-up');
  for (const [name, source] of Object.entries(cases)) {
    const started = performance.now();
    await tokenize(source);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1000, `${name} took ${elapsed.toFixed(0)} ms`);
  }
});
