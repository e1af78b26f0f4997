// Every snippet, accepted with its defaults and placed where a user would type it,
// must parse with the tree-sitter grammar without ERROR or MISSING nodes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './corpusFiles';
import { expandWithDefaults } from './snippetExpansion';
import { syntaxErrors } from './treeSitterWit';

interface Snippet { prefix: string | string[]; body: string | string[]; description: string }
const snippets: Record<string, Snippet> = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'snippets', 'wit.json'), 'utf8'),
);

/** Where each snippet is meant to be typed: the text around it that makes a whole file. */
const places = {
  file: (s: string) => s,
  interface: (s: string) => `interface host {\n${s}\n}\n`,
  world: (s: string) => `world host {\n${s}\n}\n`,
  resource: (s: string) => `interface host {\nresource r {\n${s}\n}\n}\n`,
  gate: (s: string) => `${s}\ninterface gated {\n${s}\nf: func();\n}\n`,
};
// A Map, not an object literal: a snippet is named `constructor`.
const placeOf = new Map<string, keyof typeof places>(Object.entries({
  'package': 'file', 'nested package': 'file', 'world': 'file', 'interface': 'file', 'top-level use': 'file',
  'resource': 'interface', 'resource declaration': 'interface', 'record': 'interface', 'variant': 'interface',
  'enum': 'interface', 'flags': 'interface', 'type alias': 'interface', 'function': 'interface',
  'async function': 'interface', 'use': 'interface', 'use as': 'interface',
  'constructor': 'resource', 'fallible constructor': 'resource', 'method': 'resource', 'static function': 'resource',
  'include': 'world', 'include with': 'world', 'import': 'world', 'import named': 'world',
  'import function': 'world', 'export': 'world', 'export function': 'world', 'inline interface': 'world',
  '@since': 'gate', '@unstable': 'gate', '@deprecated': 'gate',
} as const));

test('every snippet has a place to be tested in, and every placed snippet exists', () => {
  assert.deepEqual(Object.keys(snippets).sort(), [...placeOf.keys()].sort());
});

test('the snippets cover the constructs users write', () => {
  const prefixes = Object.values(snippets).flatMap((s) => [s.prefix].flat());
  for (const expected of ['package', 'world', 'interface', 'resource', 'constructor', 'static', 'record', 'variant',
    'enum', 'flags', 'func', 'async-func', 'use', 'include-with', 'import', 'export', '@since', '@unstable',
    '@deprecated']) {
    assert.ok(prefixes.includes(expected), `no snippet with prefix ${expected}`);
  }
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippet "${name}" expands to WIT that parses`, async () => {
    const place = places[placeOf.get(name) ?? 'file'];
    const expanded = expandWithDefaults(snippet.body);
    assert.doesNotMatch(expanded, /\$/, `unexpanded snippet syntax left in:\n${expanded}`);
    const file = place(expanded);
    assert.deepEqual(await syntaxErrors(file), [], `parse errors in:\n${file}`);
    assert.ok(snippet.description.length > 0, 'a description shows in the completion list');
  });
}

test('the expansion itself: defaults, nested defaults, choices and bare tab stops', () => {
  assert.equal(expandWithDefaults(['a ${1:x ${2:y}} $2', '${3|p,q|}${4}$0']), 'a x y \np');
});

test('a broken snippet is caught: the parse check reports ERROR nodes', async () => {
  assert.notDeepEqual(await syntaxErrors(places.interface('f: func(a: u32;')), []);
});
