// The semantic check of WAC documents (server/src/wac/wacSemantics.ts) over the repo's
// component fixtures (test/fixtures/wac/deps, test/fixtures/wac-five/deps): documents with
// several mistakes get every one at once, each at its token (the one `wac compose` points at
// when it is the first) in wac's words, with plug fit's reasons for a misfit; the fixtures'
// own documents have none. No wac runs here: semanticsDifferential.test.ts compares with it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { wacPackage } from '../../server/src/wac/wacPackages';
import { checkWacSemantics } from '../../server/src/wac/wacSemantics';
import { grammar } from './wacDiffKit';
import { repoRoot } from './wacTokenizer';

const fixtures = path.join(repoRoot, 'test/fixtures');
const loaded = grammar();

/** Every problem of `text` over the deps of fixture folder `folder`: `line:column [token] severity message`. */
async function problems(text: string, folder = 'wac'): Promise<string[]> {
  const g = await loaded;
  const tree = g.parse(text);
  assert.ok(tree);
  try {
    const deps = path.join(fixtures, folder, 'deps');
    return checkWacSemantics(tree, text, (name, version) => wacPackage(deps, name, version)).map((p) => {
      const before = text.slice(0, p.start).split('\n');
      return `${before.length}:${before[before.length - 1].length + 1} [${text.slice(p.start, p.end)}] ${p.severity} ${p.message}`;
    });
  } finally {
    tree.delete();
  }
}

test("the fixtures' compositions have no problems", async () => {
  assert.deepEqual(await problems(fs.readFileSync(path.join(fixtures, 'wac/greet.wac'), 'utf8')), []);
  assert.deepEqual(await problems(fs.readFileSync(path.join(fixtures, 'wac/calculator.wac'), 'utf8')), []);
  assert.deepEqual(await problems(fs.readFileSync(path.join(fixtures, 'wac-five/five.wac'), 'utf8'), 'wac-five'), []);
});

test('an unknown argument, a missing one, a duplicate name and an unknown export, all at once', async () => {
  const text = [
    'package docs:many;',
    '',
    'let greeter = new wit-devkit:greeter {};',
    'let app = new wit-devkit:app { ...greeter, speak: greeter };',
    'let calc = new wit-devkit:calculator { ... };',
    'let greeter = calc.calculate;',
    'export app["wasi:cli/walk@0.2.12"];',
  ].join('\n');
  assert.deepEqual(await problems(text), [
    // wac's first (and only) error.
    '4:44 [speak] error component `wit-devkit:app` has no import named `speak`',
    '4:15 [wit-devkit:app] error missing instantiation argument `wasi:cli/environment@0.2.12` for package `wit-devkit:app`',
    '6:5 [greeter] error `greeter` is already defined',
    '7:11 [["wasi:cli/walk@0.2.12"]] error the instance has no export named `wasi:cli/walk@0.2.12`',
    '6:5 [greeter] warning instance `greeter` is never used: nothing takes its exports and the composition does not export it',
  ]);
});

test("arguments that do not fit their imports: wac's headline, plug fit's reasons", async () => {
  const text = [
    'package docs:mismatch;',
    '',
    'let greeter = new wit-devkit:greeter-mismatch {};',
    'let app = new wit-devkit:app { ...greeter, ... };',
    'let other = new wit-devkit:app { greet: greeter["wit-devkit:compose/greet@0.1.0"], ... };',
    'let adder = new wit-devkit:adder {};',
    'let calc = new wit-devkit:calculator { adder: adder["docs:calc/adder@0.1.0"].add, ... };',
    'let whole = new wit-devkit:calculator { adder, ... };',
    'export app["wasi:cli/run@0.2.12"];',
    'export other["wasi:cli/run@0.2.12"];',
    'export calc.calculate;',
    'export whole.calculate as calculate2;',
  ].join('\n');
  const greet = 'function `greet` differs: needs func(name: string) -> string, gets func(name: string, times: u32) -> string';
  assert.deepEqual(await problems(text), [
    `4:35 [greeter] error mismatched instantiation argument \`wit-devkit:compose/greet@0.1.0\`\n${greet}`,
    `5:34 [greet] error mismatched instantiation argument \`wit-devkit:compose/greet@0.1.0\`\n${greet}`,
    '7:40 [adder] error mismatched instantiation argument `docs:calc/adder@0.1.0`\nexpected instance, found function',
    // The instance itself for the interface it exports: what is missing, by name.
    '8:41 [adder] error mismatched instantiation argument `docs:calc/adder@0.1.0`\nfunction `add` missing from `adder`',
    '10:8 [other["wasi:cli/run@0.2.12"]] error duplicate export `wasi:cli/run@0.2.12`',
  ]);
});

test('names: duplicate imports and lets, exports that need `as` or conflict, spreads, `...` not last, unknown packages', async () => {
  const text = [
    'package docs:names;',
    '',
    'import log: func();',
    'import log as "log": func();',
    'interface calculate {}',
    'let adder = new wit-devkit:adder {};',
    'let a = new wit-devkit:calculator { ..., adder: adder["docs:calc/adder@0.1.0"] };',
    'let b = new wit-devkit:calculator { ...log, ...adder, ... };',
    'let c = new wit-devkit:calculator { ...b, ... };',
    'export adder;',
    'export a.calculate;',
    'export b["docs:calc/calculate@0.1.0"] as calculate;',
    'export a...;',
    'let spare = new wit-devkit:nope { x: missing };',
    'let self = new docs:names {};',
  ].join('\n');
  assert.deepEqual(await problems(text), [
    // wac looks packages up before it resolves anything: its first error is one of these.
    '15:16 [docs:names] error cannot instantiate the package being defined',
    '14:17 [wit-devkit:nope] error unknown package `wit-devkit:nope`',
    '4:15 ["log"] error duplicate import `log`',
    '4:8 [log] error `log` is already defined',
    '7:37 [...] error implicit import argument `...` must be the last argument',
    '8:40 [log] error an instance is required to perform a spread operation',
    '9:40 [b] error the instance has no matching exports for the remaining unsatisfied arguments',
    '10:8 [adder] error export statement requires an `as` clause as the export name cannot be inferred',
    '12:42 [calculate] error export `calculate` conflicts with interface definition',
    '13:8 [a] error instance has no exports or all exports of the instance match previously exported names',
    '14:38 [missing] error undefined name `missing`',
    '9:5 [c] warning instance `c` is never used: nothing takes its exports and the composition does not export it',
  ]);
});

test('a package path names its package: unknown when deps/ has none', async () => {
  const text = 'package docs:paths;\n\nimport logger: docs:calc/logger@0.1.0;\nimport run: wasi:cli/run@0.2.12;\n';
  assert.deepEqual(await problems(text), [
    '3:16 [docs:calc] error unknown package `docs:calc`',
    '4:13 [wasi:cli] error unknown package `wasi:cli`',
  ]);
});

test('five components: a provider dropped leaves its import missing; the instances nothing uses are warnings', async () => {
  const text = fs
    .readFileSync(path.join(fixtures, 'wac-five/five.wac'), 'utf8')
    .replace('{ ...adder, ...logger }', '{ ...adder }')
    .replace('export app["wasi:cli/run@0.2.12"];', '');
  const lines = text.split('\n');
  const at = (needle: string) =>
    `${lines.findIndex((l) => l.includes(needle)) + 1}:${lines.find((l) => l.includes(needle))!.indexOf(needle) + 1}`;
  assert.deepEqual(await problems(text, 'wac-five'), [
    `${at('wit-devkit:calculator')} [wit-devkit:calculator] error missing instantiation argument \`docs:calc/logger@0.1.0\` for package \`wit-devkit:calculator\``,
    `${at('logger =')} [logger] warning instance \`logger\` is never used: nothing takes its exports and the composition does not export it`,
    `${at('app =')} [app] warning instance \`app\` is never used: nothing takes its exports and the composition does not export it`,
  ]);
});

test('unused lets: not named by a later argument, spread, access or export', async () => {
  const unused = async (text: string) =>
    (await problems(`package docs:unused;\n${text}`)).filter((p) => p.includes(' warning ')).map((p) => /\[(.*?)\]/.exec(p)![1]);
  const adder = 'let a = new wit-devkit:adder {};\n';
  assert.deepEqual(await unused(`${adder}let b = new wit-devkit:calculator { a, ... };\nexport b.calculate;`), []);
  assert.deepEqual(
    await unused(`${adder}let b = new wit-devkit:calculator { a: c, ... };\nexport b.calculate;`),
    ['a'],
    "a named argument's name is not a use",
  );
  assert.deepEqual(
    await unused(`${adder}let b = new wit-devkit:calculator { ... };\nexport b["docs:calc/calculate@0.1.0"] as a;`),
    ['a'],
    'an export named `a` is not a use of a',
  );
  assert.deepEqual(await unused(`${adder}export a...;`), []);
  assert.deepEqual(await unused(`${adder}let f = a["docs:calc/adder@0.1.0"];`), ['f'], 'an access uses a; f is unused');
});

test("the document's own WIT: functions and interfaces fit by their signatures; type names declared before use", async () => {
  const text = [
    'package docs:local;',
    '',
    'interface logger {',
    '  log: func(message: string);',
    '  warn: func();',
    '  warn: func();',
    '}',
    'import l: logger;',
    'import inline as "docs:calc/logger@0.1.0": interface {',
    '  log: func(msg: option<level>);',
    '};',
    'import tick: func(n: l) -> list<u8>;',
    'let adder = new wit-devkit:adder {};',
    'let calc = new wit-devkit:calculator { ...adder, logger: l };',
    'export calc.calculate;',
    'export l.error as error;',
  ].join('\n');
  assert.deepEqual(await problems(text), [
    '6:3 [warn] error duplicate interface export `warn` for interface `logger`',
    '10:25 [level] error undefined name `level`',
    '12:22 [l] error `l` (instance) cannot be used as a value type',
    '14:50 [logger] error mismatched instantiation argument `docs:calc/logger@0.1.0`\nfunction `log` differs: needs func(msg: string), gets func(message: string)',
    '16:9 [.error] error the instance has no export named `error`',
  ]);
});

test('a typo in a spread is one error: what the spread would have given is not called missing', async () => {
  const text = fs.readFileSync(path.join(fixtures, 'wac-five/five.wac'), 'utf8').replace('...logger }', '...loggr }');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('...loggr'));
  assert.deepEqual(await problems(text, 'wac-five'), [
    `${line + 1}:${lines[line].indexOf('loggr') + 1} [loggr] error undefined name \`loggr\``,
    `${line}:5 [logger] warning instance \`logger\` is never used: nothing takes its exports and the composition does not export it`,
  ]);
});
