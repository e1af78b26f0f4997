// The WAC scanner behind document symbols and package lookups: statements, names, spans,
// the packages `new` names, and tolerance of half-typed text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanWac } from '../../server/src/wac/wacScanner';
import { isWacUri } from '../../server/src/wac/wacDocuments';

const names = (text: string) =>
  scanWac(text).statements.map(
    (s) => `${s.kind} ${s.name}${s.instantiates ? ` <- ${s.instantiates}` : ''}${s.importName ? ` as ${s.importName}` : ''}`,
  );

test('statements of a composition, with what lets instantiate and what imports are called', () => {
  const text = `package a:b@1.0.0 targets wasi:cli/command;
/* a /* nested */ comment */
import greeter as "my-greeter": example:greeter/greeter;
import log: example:log/sink@0.2.0;
import f: func(a: string) -> u32;
import i: interface { g: func(); };
record point { x: u32 }
let one = new x:y@2.0.0 { a: new x:z { ... }.thing, ...other };
let two = one.thing;
export one.run;
export two as "renamed";
export one...;
export one["x:y/z@1.0.0"];
world w { import i; }`;
  assert.deepEqual(names(text), [
    'package a:b',
    'import greeter as my-greeter',
    'import log as example:log/sink@0.2.0',
    'import f',
    'import i',
    'type point',
    'let one <- x:y',
    'let two',
    'export run',
    'export renamed',
    'export one...',
    'export x:y/z@1.0.0',
    'world w',
  ]);
  const packages = scanWac(text).packageRefs.map((p) => `${p.name}=${text.slice(p.span.start, p.span.end)}`);
  assert.deepEqual(packages, ['x:y=x:y@2.0.0', 'x:z=x:z']);
});

test('a let spans keyword to semicolon, its name span is the name', () => {
  const text = 'package a:b;\nlet inst = new x:y {\n  ...\n};\nexport inst.run;';
  const let_ = scanWac(text).statements[1];
  assert.equal(text.slice(let_.span.start, let_.span.end), 'let inst = new x:y {\n  ...\n};');
  assert.equal(text.slice(let_.nameSpan.start, let_.nameSpan.end), 'inst');
});

test('half-typed statements end at the next statement keyword', () => {
  assert.deepEqual(names('package a:b;\nlet g = new x:y {\nlet h = new x:z {};\nexport h'), [
    'package a:b',
    'let g <- x:y',
    'let h <- x:z',
    'export h',
  ]);
  assert.deepEqual(names('let'), []);
  assert.deepEqual(names('"unterminated\nlet a = b;'), ['let a']);
});

test('.wac uris are WAC; .wit and others are not', () => {
  assert.ok(isWacUri('file:///w/compose.wac'));
  assert.ok(isWacUri('file:///w/COMPOSE.WAC'));
  assert.ok(!isWacUri('file:///w/compose.wit'));
  assert.ok(!isWacUri('file:///w/compose.wac.bak'));
});
