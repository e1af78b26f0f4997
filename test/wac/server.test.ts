// WAC documents in the language server, over stdio with the real wac: a valid composition
// has no problems; a broken one gets wac's error at its token (syntax, unknown export,
// mismatched or missing argument, unknown package), as `wac compose` of the same file on
// disk reports it; fixing it clears it; symbols come from the tree; WIT documents are
// still WIT.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { live } from '../live';
import { WacLspClient, fixtureWorkspace } from './wacLsp';
import { IFACE_WIT } from './wacWitDeps';

const run = promisify(execFile);

async function withServer(t: { name: string; skip(m?: string): void }, body: (c: WacLspClient, dir: string, wac: string) => Promise<void>) {
  const tools = live(t, ['wac']);
  if (!tools) return;
  const dir = fixtureWorkspace();
  const client = new WacLspClient();
  try {
    await client.start(dir, { PATH: `${path.dirname(tools.wac)}${path.delimiter}${process.env.PATH ?? ''}` });
    await body(client, dir, tools.wac);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What `wac compose` of `text` saved in `dir` says: its error's 1-based line:column, or 'ok'. */
async function composeVerdict(wac: string, dir: string, text: string): Promise<string> {
  const file = path.join(dir, 'verdict.wac');
  fs.writeFileSync(file, text);
  try {
    await run(wac, ['compose', file, '-o', path.join(dir, 'verdict.wasm')], { cwd: dir, env: { ...process.env, RUST_BACKTRACE: '0' } });
    return 'ok';
  } catch (e) {
    const m = /╭─\[.*:(\d+):(\d+)\]/.exec(String((e as { stderr?: string }).stderr));
    return m ? `${m[1]}:${m[2]}` : 'error without location';
  } finally {
    fs.rmSync(file, { force: true });
  }
}
const verdictOf = (d: any[]) => (d.length === 0 ? 'ok' : `${d[0].range.start.line + 1}:${d[0].range.start.character + 1}`);
const slice = (text: string, range: any) => text.split('\n')[range.start.line].slice(range.start.character, range.end.character);

const greet = (dir: string) => fs.readFileSync(path.join(dir, 'greet.wac'), 'utf8');

test(
  "a valid composition has no problems; a mismatched argument is an error at its token, with wac's reasons; fixing it clears it",
  { timeout: 60_000 },
  (t) =>
    withServer(t, async (client, dir) => {
      const text = greet(dir);
      const uri = client.open(path.join(dir, 'greet.wac'), text);
      assert.deepEqual(await client.diagnostics(uri, 1), []);
      const broken = text.replace('new wit-devkit:greeter {}', 'new wit-devkit:greeter-mismatch {}');
      const v2 = client.change(uri, broken);
      // At once, the checker's own: the mismatch, in plug fit's words.
      const [own, ...others] = await client.diagnostics(uri, v2);
      assert.equal(others.length, 0, JSON.stringify(others));
      assert.equal(own.code, 'mismatched-argument');
      assert.equal(slice(broken, own.range), 'greeter');
      assert.equal(
        own.message,
        'mismatched instantiation argument `wit-devkit:compose/greet@0.1.0`\n' +
          'function `greet` differs: needs func(name: string) -> string, gets func(name: string, times: u32) -> string',
      );
      // Once wac answered: its error, which says the same at the same place, instead.
      const [d, ...rest] = await client.checked(uri, v2);
      assert.equal(rest.length, 0);
      assert.equal(d.severity, 1);
      assert.equal(d.source, 'wac');
      assert.equal(slice(broken, d.range), 'greeter', 'the spread argument ...greeter');
      assert.match(d.message, /^mismatched instantiation argument `wit-devkit:compose\/greet@0\.1\.0`/);
      assert.match(d.message, /mismatched type for export `greet`/);
      assert.match(d.message, /expected function with parameter count 1, found parameter count 2/);
      // Plug fit's reason stays beside wac's words, at the same token.
      assert.deepEqual(
        d.relatedInformation.map((r: any) => [r.location.uri, slice(broken, r.location.range), r.message]),
        [[uri, 'greeter', 'function `greet` differs: needs func(name: string) -> string, gets func(name: string, times: u32) -> string']],
      );
      const v3 = client.change(uri, text);
      assert.deepEqual(await client.diagnostics(uri, v3), []);
    }),
);

test('syntax errors, unknown exports and missing arguments are at their tokens, where wac compose puts them', { timeout: 90_000 }, (t) =>
  withServer(t, async (client, dir, wac) => {
    const text = greet(dir);
    const uri = client.open(path.join(dir, 'greet.wac'), text);
    await client.diagnostics(uri, 1);
    const cases: Array<{ name: string; text: string; token: string; message: RegExp; also?: string }> = [
      {
        name: 'an unclosed brace',
        text: text.replace('new wit-devkit:greeter {};', 'new wit-devkit:greeter {'),
        token: 'let',
        message: /found `let` keyword/,
      },
      {
        name: 'an unknown export',
        text: text.replace('run@0.2.12', 'walk@0.2.12'),
        token: '["wasi:cli/walk@0.2.12"]',
        message: /no export named `wasi:cli\/walk@0\.2\.12`/,
      },
      {
        name: 'a missing argument',
        text: text.replace('{ ...greeter, ... }', '{ ...greeter }'),
        token: 'wit-devkit:app',
        message: /missing instantiation argument `wasi:cli\/environment@0\.2\.12`/,
      },
      {
        name: 'a duplicate name',
        text: text.replace('let app', 'let greeter'),
        token: 'greeter',
        message: /greeter/,
        also: 'undefined name `app`',
      },
      { name: 'an unterminated comment', text: `${text}\n/* still open`, token: '/* still open', message: /unterminated comment/ },
    ];
    for (const c of cases) {
      const version = client.change(uri, c.text);
      // The checker's own first error, at once, is wac's; once wac answered, wac's leads
      // (an unused instance the edit leaves is a warning beside it; a duplicate name leaves
      // the export of `app` undefined too, which wac, stopped at the first, does not say).
      const own = (await client.diagnostics(uri, version)).filter((x) => x.severity === 1);
      const d = (await client.checked(uri, version)).filter((x) => x.severity === 1);
      assert.equal(d.length, c.also ? 2 : 1, `${c.name}: ${JSON.stringify(d)}`);
      assert.equal(d[0].source, 'wac', c.name);
      assert.match(d[0].message, c.message, c.name);
      assert.equal(slice(c.text, d[0].range), c.token, `${c.name}: the range covers the token`);
      assert.equal(verdictOf(d), await composeVerdict(wac, dir, c.text), `${c.name}: the same place as wac compose`);
      assert.equal(verdictOf(own), verdictOf(d), `${c.name}: the checker's own first error is where wac's is`);
      if (c.also) assert.equal(d[1].message, c.also, c.name);
    }
  }),
);

test('two mistakes are published at once, each at its token; once wac answered, its error leads and ours stays', { timeout: 60_000 }, (t) =>
  withServer(t, async (client, dir, wac) => {
    const text = greet(dir).replace('{ ...greeter, ... }', '{ ...greeter }').replace('run@0.2.12', 'walk@0.2.12');
    const uri = client.open(path.join(dir, 'greet.wac'), text);
    const both = [
      ['wit-devkit:app', 'missing instantiation argument `wasi:cli/environment@0.2.12` for package `wit-devkit:app`'],
      ['["wasi:cli/walk@0.2.12"]', 'the instance has no export named `wasi:cli/walk@0.2.12`'],
    ];
    const own = await client.diagnostics(uri, 1);
    assert.deepEqual(
      own.map((d) => [slice(text, d.range), d.message, d.source, d.code]),
      [
        [...both[0], 'wac', 'missing-argument'],
        [...both[1], 'wac', 'unknown-export'],
      ],
      'both in the first publication, before wac ran',
    );
    const merged = await client.checked(uri, 1);
    assert.deepEqual(
      // wac's own has no code; the checker's says what kind of problem it is.
      merged.map((d) => [slice(text, d.range), d.message, d.source, d.code]),
      [
        [...both[0], 'wac', undefined],
        [...both[1], 'wac', 'unknown-export'],
      ],
      'wac stops at the first; the second is still shown',
    );
    assert.equal(verdictOf(merged), await composeVerdict(wac, dir, text));
  }),
);

test('a package that is not in deps/ is named at its `new`', { timeout: 60_000 }, (t) =>
  withServer(t, async (client, dir) => {
    const text = greet(dir).replace('wit-devkit:greeter {}', 'wit-devkit:absent {}');
    const uri = client.open(path.join(dir, 'greet.wac'), text);
    const d = await client.diagnostics(uri, 1);
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.equal(slice(text, d[0].range), 'wit-devkit:absent');
    assert.match(d[0].message, /^unknown package `wit-devkit:absent`/);
  }),
);

test('document symbols: the package, lets (with what they instantiate) and exports', { timeout: 60_000 }, (t) =>
  withServer(t, async (client, dir) => {
    const uri = client.open(path.join(dir, 'calculator.wac'));
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['docs:calculator-app', 'package'],
        ['adder', 'new wit-devkit:adder'],
        ['calc', 'new wit-devkit:calculator'],
        ['calculate', 'export'],
      ],
    );
    const calc = symbols[2];
    assert.equal(calc.selectionRange.start.line, 5);
    assert.deepEqual([calc.range.start.line, calc.range.end.line], [5, 8], 'the let spans its statement');
    // Folding: the block comment at the top, the let's braces.
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      folds.map((f: any) => [f.startLine, f.endLine, f.kind]),
      [
        [0, 1, 'comment'],
        [5, 7, undefined],
      ],
    );
    // Semantic tokens come from the WAC tree (test/wac/syntaxServer.test.ts), not the WIT analysis.
    const tokens = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.equal(tokens.data.length % 5, 0);
    assert.ok(tokens.data.length >= 5 * 10, 'keywords, packages and names of calculator.wac');
  }),
);

test('a WIT document beside them is still checked by the WIT analysis', { timeout: 60_000 }, (t) =>
  withServer(t, async (client, dir) => {
    const file = path.join(dir, 'broken.wit');
    const uri = client.open(file, 'package a:b;\ninterface i {\n  f: func(x: nope);\n}\n', 'wit');
    const d = await client.diagnostics(uri, 1);
    assert.equal(d.length, 1);
    assert.notEqual(d[0].source, 'wac');
  }),
);

test('wac/composed answers the component the last check composed, and the problems since', { timeout: 60_000 }, (t) =>
  withServer(t, async (client, dir) => {
    const text = greet(dir);
    const uri = client.open(path.join(dir, 'greet.wac'), text);
    const first = await client.request('wac/composed', { uri });
    assert.deepEqual(first.problems, []);
    const bytes = Buffer.from(first.composed, 'base64');
    assert.deepEqual([...bytes.subarray(0, 8)], [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00], 'a component binary');
    const version = client.change(uri, text.replace('let app', 'let greeter'));
    await client.diagnostics(uri, version);
    const broken = await client.request('wac/composed', { uri });
    // wac's (greeter redefined) and the checker's (so `app` is undefined at the export).
    assert.deepEqual(
      broken.problems.map((p: string) => p.split('\n')[0]),
      ['`greeter` is already defined', 'undefined name `app`'],
    );
    assert.equal(broken.composed, first.composed, 'the last composition that worked stays');
  }),
);

test('an instance nothing uses is a warning at its name, gone once it is used', { timeout: 60_000 }, (t) =>
  withServer(t, async (client, dir) => {
    const text = greet(dir).replace('let app', 'let spare = new wit-devkit:adder {};\nlet app');
    const uri = client.open(path.join(dir, 'greet.wac'), text);
    const d = await client.diagnostics(uri, 1);
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.equal(d[0].severity, 2);
    assert.deepEqual(d[0].tags, [1], 'shown faded (unnecessary)');
    assert.equal(slice(text, d[0].range), 'spare');
    assert.match(d[0].message, /instance `spare` is never used/);
    assert.deepEqual((await client.request('wac/composed', { uri })).problems, [], 'a warning is not a problem of the composition');
    const used = `${text}export spare["docs:calc/adder@0.1.0"];\n`;
    assert.deepEqual(await client.diagnostics(uri, client.change(uri, used)), []);
  }),
);

/** The position of the `occurrence`-th `needle` in `text` (plus `into` characters). */
function positionOf(text: string, needle: string, occurrence = 0, into = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at + into).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test("hover: a package's world, an instance's exports, the import an argument is for", { timeout: 60_000 }, (t) =>
  withServer(t, async (client, dir) => {
    const text = greet(dir).replace('{ ...greeter, ... }', '{ greet: greeter["wit-devkit:compose/greet@0.1.0"], ... }');
    const uri = client.open(path.join(dir, 'greet.wac'), text);
    const hover = async (needle: string, occurrence = 0, into = 1) =>
      (await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, occurrence, into) }))
        ?.contents.value ?? '';
    const pkg = await hover('wit-devkit:app');
    assert.match(pkg, /component `wit-devkit:app` \(deps\/wit-devkit\/app\.wasm\)/);
    assert.match(
      pkg,
      /world app \{[\s\S]*import wit-devkit:compose\/greet@0\.1\.0 \{\n\s+greet: func\(name: string\) -> string;[\s\S]*export wasi:cli\/run@0\.2\.12;/,
    );
    const instance = await hover('greeter["');
    assert.match(
      instance,
      /instance `greeter` of `wit-devkit:greeter`, exporting[\s\S]*export wit-devkit:compose\/greet@0\.1\.0 \{\n\s+greet: func\(name: string\) -> string;/,
    );
    const argument = await hover('greet:');
    assert.match(argument, /argument for the import of `wit-devkit:app`[\s\S]*import wit-devkit:compose\/greet@0\.1\.0/);
  }),
);

test('definition: a local name goes to its let; completion offers packages, exports and missing arguments', { timeout: 60_000 }, (t) =>
  withServer(t, async (client, dir) => {
    const text = greet(dir);
    const uri = client.open(path.join(dir, 'greet.wac'), text);
    const def = await client.request('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'export app', 0, 8) });
    assert.deepEqual(def.range.start, positionOf(text, 'let app', 0, 4), 'export app[...] -> let app');
    // A package path: into the WIT of a folder in deps/, or to the component.
    fs.mkdirSync(path.join(dir, 'deps/docs/iface'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'deps/docs/iface/iface.wit'), IFACE_WIT);
    const paths = 'package a:b;\nimport l: docs:iface/logger;\nworld v { include docs:iface/w; }\nlet g = new wit-devkit:greeter {};\n';
    const pathsUri = client.open(path.join(dir, 'paths.wac'), paths);
    const definitionAt = (needle: string, delta: number) =>
      client.request('textDocument/definition', { textDocument: { uri: pathsUri }, position: positionOf(paths, needle, 0, delta) });
    const witUri = pathToFileURL(path.join(dir, 'deps/docs/iface/iface.wit')).href;
    assert.deepEqual(await definitionAt('docs:iface/logger', 13), {
      uri: witUri,
      range: { start: { line: 1, character: 10 }, end: { line: 1, character: 16 } },
    });
    assert.deepEqual((await definitionAt('docs:iface/w', 2)).range.start, { line: 8, character: 6 }, 'include docs:iface/w -> world w');
    assert.equal((await definitionAt('wit-devkit:greeter', 3)).uri, pathToFileURL(path.join(dir, 'deps/wit-devkit/greeter.wasm')).href);

    const complete = async (doc: string, needle: string) => {
      client.change(uri, doc);
      const items = await client.request('textDocument/completion', {
        textDocument: { uri },
        position: positionOf(doc, needle, 0, needle.length),
      });
      return (Array.isArray(items) ? items : items.items).map((i: any) => i.label);
    };
    assert.deepEqual(await complete('package a:b;\nlet x = new wit-devkit:', 'new wit-devkit:'), [
      'wit-devkit:adder',
      'wit-devkit:app',
      'wit-devkit:calculator',
      'wit-devkit:greeter',
      'wit-devkit:greeter-mismatch',
    ]);
    assert.deepEqual(await complete('package a:b;\nlet g = new wit-devkit:greeter {};\nexport g.', 'g.'), ['greet']);
    const args = await complete(
      'package a:b;\nlet add = new wit-devkit:adder {};\nlet c = new wit-devkit:calculator { logger: x,  };',
      'x, ',
    );
    assert.deepEqual(args, ['adder', '...add', '...'], 'logger is given; adder is still needed');
  }),
);

test('formatting a WAC document: one edit, and wac composes the formatted text to the same component', { timeout: 60_000 }, (t) =>
  withServer(t, async (client, dir) => {
    const messy = greet(dir).replace('let app', '      let app').replace('\nexport', '\n\n\n   export');
    const uri = client.open(path.join(dir, 'greet.wac'), messy);
    const before = (await client.request('wac/composed', { uri })).composed;
    const edits = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText, greet(dir));
    const version = client.change(uri, edits[0].newText);
    await client.diagnostics(uri, version);
    assert.equal((await client.request('wac/composed', { uri })).composed, before, 'the same component, byte for byte');
    assert.deepEqual(
      await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
      [],
    );
  }),
);
