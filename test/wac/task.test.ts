// The `wac` task's command line (run without a shell) and the output a document composes to.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { defaultOutput, isWacTaskDefinition, wacComposeArgs } from '../../client/src/wac/wacTask';
import { wacStatements } from '../../client/src/wac/wacViewGraph';

test('wac compose arguments: the document, the deps folder beside it, explicit deps, the output', () => {
  assert.deepEqual(wacComposeArgs({ type: 'wac', file: 'compose/app.wac', output: 'out/app.wasm' }), [
    'compose',
    'compose/app.wac',
    '--deps-dir',
    'compose/deps',
    '-o',
    'out/app.wasm',
  ]);
  assert.deepEqual(wacComposeArgs({ type: 'wac', file: 'app.wac', output: 'app.wasm', depsDir: 'vendor', deps: { 'a:b': 'b.wasm' } }), [
    'compose',
    'app.wac',
    '--deps-dir',
    'vendor',
    '--dep',
    'a:b=b.wasm',
    '-o',
    'app.wasm',
  ]);
  // A name with spaces or shell characters stays one argument.
  assert.deepEqual(wacComposeArgs({ type: 'wac', file: 'my dir/$(x).wac', output: 'o;rm.wasm' }).slice(1, 2), ['my dir/$(x).wac']);
});

test("the default output is the document's name as .wasm beside it; definitions are checked", () => {
  assert.equal(defaultOutput('compose/app.wac'), 'compose/app.wasm');
  assert.ok(isWacTaskDefinition({ type: 'wac', file: 'a.wac', output: 'a.wasm' }));
  assert.ok(!isWacTaskDefinition({ type: 'wac', file: 'a.wac' }));
  assert.ok(!isWacTaskDefinition({ type: 'wasm-component', file: 'a.wac', output: 'a.wasm' }));
});

test('the statements the graph ties nodes to: lets, imports, exports by their exported name', () => {
  const text =
    'package a:b;\n// let commented = out;\nimport log as "logger": x:y/log;\nlet one = new x:y { ... };\n' +
    'export one.run;\nexport one["x:y/z@1.0.0"];\nexport one.thing as renamed;\nlet s = "let not-a-let";';
  assert.deepEqual(
    wacStatements(text).map((s) => `${s.kind} ${s.name} ${text.slice(s.start, s.end)}`),
    [
      'import log log',
      'let one one',
      'export run one.run',
      'export x:y/z@1.0.0 one["x:y/z@1.0.0"]',
      'export renamed one.thing as renamed',
      'let s s',
    ],
  );
});
