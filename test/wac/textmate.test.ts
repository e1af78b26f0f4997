// The WAC TextMate grammar (syntaxes/wac.tmLanguage.json) run through vscode-textmate and
// Oniguruma as VS Code runs it: the scopes themes colour in each WAC statement, the WIT type
// language inside WAC, error tolerance and a bound on tokenizing time.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, scopeOf, tokenize } from './wacTokenizer';

const fixtures = path.join(repoRoot, 'test/fixtures/wac');

test('package directive with a targets clause', async () => {
  const src = 'package example:composition@1.0.0 targets wasi:http/proxy@0.2.0;';
  assert.equal(await scopeOf(src, 'package'), 'storage.type.package.wac');
  assert.equal(await scopeOf(src, 'example'), 'entity.name.namespace.wac');
  assert.equal(await scopeOf(src, 'composition'), 'entity.name.package.wac');
  assert.equal(await scopeOf(src, '1.0.0'), 'constant.numeric.version.wac');
  assert.equal(await scopeOf(src, 'targets'), 'keyword.control.targets.wac');
  assert.equal(await scopeOf(src, 'wasi'), 'entity.name.namespace.wac');
  assert.equal(await scopeOf(src, 'proxy'), 'entity.name.type.world.wac');
  assert.equal(await scopeOf(src, ';'), 'punctuation.terminator.statement.wac');
});

test('import statements: by path, renamed, inline function and interface', async () => {
  const src =
    'package a:b;\nimport greeter as "my-greeter": example:greeter/greeter;\nimport greet: func(name: string) -> string;\n' +
    'import i: interface {\n  f: func();\n};\nlet x = new a:c {};';
  assert.equal(await scopeOf(src, 'import'), 'keyword.control.import.wac');
  assert.equal(await scopeOf(src, 'greeter'), 'entity.name.variable.wac');
  assert.equal(await scopeOf(src, 'as'), 'keyword.control.as.wac');
  assert.equal(await scopeOf(src, '"my-greeter"'.slice(1, -1)), 'string.quoted.double.wac');
  assert.equal(await scopeOf(src, 'greeter', 2), 'entity.name.type.interface.wac');
  assert.equal(await scopeOf(src, 'greet'), 'entity.name.variable.wac');
  assert.equal(await scopeOf(src, 'func'), 'storage.type.function.wac');
  assert.equal(await scopeOf(src, 'name'), 'variable.parameter.wac');
  assert.equal(await scopeOf(src, 'string'), 'support.type.primitive.wac');
  assert.equal(await scopeOf(src, 'interface'), 'storage.type.interface.wac');
  assert.equal(await scopeOf(src, 'f'), 'entity.name.function.wac');
  // The statement after the inline interface is a statement again.
  assert.equal(await scopeOf(src, 'let'), 'storage.type.let.wac');
});

test('let and new: the package, named, inferred and spread arguments, `...`', async () => {
  const src = 'let app = new wit-devkit:app@0.1.0 { greet: g, "wasi:io/streams": s.streams, inferred, ...spread, ... };';
  assert.equal(await scopeOf(src, 'let'), 'storage.type.let.wac');
  assert.equal(await scopeOf(src, 'app'), 'entity.name.variable.wac');
  assert.equal(await scopeOf(src, '='), 'keyword.operator.assignment.wac');
  assert.equal(await scopeOf(src, 'new'), 'keyword.operator.new.wac');
  assert.equal(await scopeOf(src, 'wit-devkit'), 'entity.name.namespace.wac');
  assert.equal(await scopeOf(src, 'app', 1), 'entity.name.package.wac');
  assert.equal(await scopeOf(src, '0.1.0'), 'constant.numeric.version.wac');
  assert.equal(await scopeOf(src, 'greet'), 'variable.parameter.wac');
  assert.equal(await scopeOf(src, 'g'), 'variable.other.wac');
  assert.equal(await scopeOf(src, 's'), 'variable.other.wac');
  assert.equal(await scopeOf(src, 'streams', 1), 'variable.other.property.wac');
  assert.equal(await scopeOf(src, 'inferred'), 'variable.other.wac');
  assert.equal(await scopeOf(src, 'spread'), 'variable.other.wac');
  assert.equal(await scopeOf(src, '...'), 'keyword.operator.spread.wac');
  assert.equal(await scopeOf(src, '}'), 'punctuation.section.block.end.wac');
  assert.equal(await scopeOf(src, ';'), 'punctuation.terminator.statement.wac');
});

test('a nested new as an argument, nested expressions and named access', async () => {
  const src = 'let a = new x:y { dep: new x:z { ... }.thing, other: (b)["x:y/z@1.0.0"] };\nexport a;';
  assert.equal(await scopeOf(src, 'new', 1), 'keyword.operator.new.wac');
  assert.equal(await scopeOf(src, 'z'), 'entity.name.package.wac');
  assert.equal(await scopeOf(src, 'thing'), 'variable.other.property.wac');
  assert.equal(await scopeOf(src, 'other'), 'variable.parameter.wac');
  assert.equal(await scopeOf(src, 'b'), 'variable.other.wac');
  assert.equal(await scopeOf(src, '['), 'punctuation.section.brackets.begin.wac');
  assert.equal(await scopeOf(src, 'export'), 'keyword.control.export.wac');
});

test('export statements: renamed and spread', async () => {
  const src = 'export app.run as "my-run";\nexport calc.calculate as calculate-it;\nexport inst...;';
  assert.equal(await scopeOf(src, 'export'), 'keyword.control.export.wac');
  assert.equal(await scopeOf(src, 'app'), 'variable.other.wac');
  assert.equal(await scopeOf(src, 'run'), 'variable.other.property.wac');
  assert.equal(await scopeOf(src, 'as'), 'keyword.control.as.wac');
  assert.equal(await scopeOf(src, 'calculate-it'), 'entity.name.variable.export.wac');
  assert.equal(await scopeOf(src, 'inst'), 'variable.other.wac');
  assert.equal(await scopeOf(src, '...'), 'keyword.operator.spread.wac');
});

test('WIT types, interfaces and worlds declared in WAC', async () => {
  const src =
    'package a:b;\nrecord point { x: u32, y: u32 }\ninterface host {\n  get: func() -> option<point>;\n}\n' +
    'world w {\n  import host;\n  export run: func();\n}\nlet x = new a:c {};';
  assert.equal(await scopeOf(src, 'record'), 'storage.type.record.wac');
  assert.equal(await scopeOf(src, 'point'), 'entity.name.type.record.wac');
  assert.equal(await scopeOf(src, 'u32'), 'support.type.primitive.wac');
  assert.equal(await scopeOf(src, 'host'), 'entity.name.type.interface.wac');
  assert.equal(await scopeOf(src, 'option'), 'support.type.builtin.wac');
  assert.equal(await scopeOf(src, 'world'), 'storage.type.world.wac');
  assert.equal(await scopeOf(src, 'run'), 'entity.name.function.wac');
  assert.equal(await scopeOf(src, 'let'), 'storage.type.let.wac');
});

test('comments nest, and line comments end at the line', async () => {
  const src = '/* a /* b */ still */ let x = y;\n// let z = w;\nlet q = r;';
  assert.ok((await tokenize(src))[0].find((t) => t.text === ' still ')?.scopes.includes('comment.block.wac'));
  assert.equal(await scopeOf(src, 'let'), 'storage.type.let.wac');
  assert.ok((await tokenize(src))[1].every((t) => t.scopes.some((s) => s.startsWith('comment.'))));
  assert.equal(await scopeOf(src, 'let', 2), 'storage.type.let.wac');
});

test('a half-typed statement does not swallow the statements after it', async () => {
  const src = 'let g = new wit-devkit:greeter {\nlet app = new wit-devkit:app { ... };\nexport app.run;';
  assert.equal(await scopeOf(src, 'let', 1), 'storage.type.let.wac');
  assert.equal(await scopeOf(src, 'app'), 'entity.name.variable.wac');
  assert.equal(await scopeOf(src, 'export'), 'keyword.control.export.wac');
  const unclosed = 'import f: func(a: list<u8\nlet x = new a:b {};';
  assert.equal(await scopeOf(unclosed, 'let'), 'storage.type.let.wac');
});

test('the fixture documents tokenize with every word scoped', async () => {
  for (const name of fs.readdirSync(fixtures).filter((n) => n.endsWith('.wac'))) {
    const lines = await tokenize(fs.readFileSync(path.join(fixtures, name), 'utf8'));
    for (const token of lines.flat()) {
      if (/[A-Za-z]/.test(token.text)) assert.ok(token.scopes.length > 1, `${name}: "${token.text}" has no scope`);
    }
  }
});

test('tokenizing is instant, even on pathological input', async () => {
  const cases: Record<string, string> = {
    // vscode-textmate rescans the rest of a line for each token, so time grows with the square of
    // a line's length: these are far beyond real documents without taking seconds on a loaded CI.
    '2,000 arguments on one line': `let a = new x:y { ${'b: c, '.repeat(2000)} };`,
    '300 nested new expressions': `let a = ${'new x:y { a: '.repeat(300)}b${' }'.repeat(300)};`,
    '1,000 unclosed parentheses': `let a = ${'('.repeat(1000)}b;`,
    'a 40,000-character name': `let ${'a-'.repeat(20_000)}b = c;`,
    '10,000 accesses': `export a${'.b'.repeat(10_000)};`,
  };
  await tokenize('warm-up');
  for (const [name, source] of Object.entries(cases)) {
    const started = performance.now();
    await tokenize(source);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1000, `${name} took ${elapsed.toFixed(0)} ms`);
  }
});
