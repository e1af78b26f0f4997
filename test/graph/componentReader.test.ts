// The component reader on real components built from C (see build.sh): what it finds
// must be what `wasm-tools print --skeleton` shows for the same binaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readComponent, NotAComponentError } from '../../common/component/reader';
import { funcText, typeText } from '../../common/component/witText';
import type { ComponentType } from '../../common/component/model';
import { fixtureBytes, readFixture } from './fixtures';

const exportsOf = (t: ComponentType) => (t.kind === 'instance' ? t.exports.map((e) => `${e.name}: ${typeText(e.type)}`) : []);

test('a single component: its export with the function signature from the binary', () => {
  const adder = readFixture('adder');
  assert.deepEqual(adder.problems, []);
  assert.deepEqual(adder.imports, []);
  assert.deepEqual(
    adder.exports.map((e) => e.name),
    ['docs:calc/adder@0.1.0'],
  );
  assert.deepEqual(exportsOf(adder.exports[0].type), ['add: func(a: u32, b: u32) -> u32']);
  assert.deepEqual(
    adder.modules.map((m) => m.exports.map((e) => e.name)),
    [['memory', 'docs:calc/adder@0.1.0#add']],
  );
});

test('imports keep their instance types; the u64 variant reads as u64', () => {
  const calc = readFixture('calculator');
  assert.deepEqual(
    calc.imports.map((i) => `${i.sort} ${i.name}`),
    ['instance docs:calc/adder@0.1.0', 'instance docs:calc/logger@0.1.0'],
  );
  assert.deepEqual(exportsOf(calc.imports[1].type), ['log: func(msg: string)']);
  const wide = readFixture('adder-wide');
  assert.deepEqual(exportsOf(wide.exports[0].type), ['add: func(a: u64, b: u64) -> u64']);
});

test('a composed component: nested components, instances and with-wiring, open import', () => {
  const composed = readFixture('composed');
  assert.deepEqual(composed.problems, []);
  // Two components defined inside: the calculator (0) and the adder (1).
  assert.equal(composed.components.length, 2);
  assert.deepEqual(
    composed.components[0].exports.map((e) => e.name),
    ['docs:calc/calculate@0.1.0'],
  );
  assert.deepEqual(
    composed.components[1].exports.map((e) => e.name),
    ['docs:calc/adder@0.1.0'],
  );
  assert.deepEqual(
    composed.components[0].imports.map((i) => i.name),
    ['docs:calc/adder@0.1.0', 'docs:calc/logger@0.1.0'],
  );
  // Only the logger stays open at the top.
  assert.deepEqual(
    composed.imports.map((i) => i.name),
    ['docs:calc/logger@0.1.0'],
  );
  // instance 0: import; 1: instantiate adder; 2: alias of its export; 3: instantiate the calculator ...
  const summary = composed.instances.map(
    (i) =>
      `${i.index} ${i.origin}${i.component !== undefined ? ` c${i.component}` : ''}${i.of !== undefined ? ` of ${i.of}` : ''}${i.name ? ` ${i.name}` : ''}`,
  );
  assert.deepEqual(summary, [
    '0 import docs:calc/logger@0.1.0',
    '1 instantiate c1',
    '2 alias of 1 docs:calc/adder@0.1.0',
    '3 instantiate c0',
    '4 alias of 3 docs:calc/calculate@0.1.0',
    '5 export of 4 docs:calc/calculate@0.1.0',
  ]);
  // ... with the adder's export wired to the calculator's adder import, the open import to its logger.
  const calcInstance = composed.instances[3];
  assert.deepEqual(
    calcInstance.args.map((a) => `${a.name} <- ${a.item.sort} ${a.item.index}`),
    ['docs:calc/adder@0.1.0 <- instance 2', 'docs:calc/logger@0.1.0 <- instance 0'],
  );
  assert.deepEqual(exportsOf(composed.exports[0].type), ['sum3: func(a: u32, b: u32, c: u32) -> u32']);
});

test('core modules inside a nested component and their instantiation', () => {
  const calculator = readFixture('composed').components[0];
  const main = calculator.modules.find((m) => m.imports.length === 2);
  assert.ok(main);
  assert.deepEqual(main.imports.map((i) => `${i.module} ${i.name} ${i.kind}`).sort(), [
    'docs:calc/adder@0.1.0 add func',
    'docs:calc/logger@0.1.0 log func',
  ]);
  assert.equal(calculator.names['core module']?.get(main.index), 'main');
  const instantiated = calculator.coreInstances.find((c) => c.origin === 'instantiate' && c.module === main.index);
  assert.deepEqual(instantiated?.args.map((a) => a.name).sort(), ['docs:calc/adder@0.1.0', 'docs:calc/logger@0.1.0']);
});

test('core modules and other files are refused with a reason', () => {
  const core = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  assert.throws(
    () => readComponent(core),
    (e: Error) => e instanceof NotAComponentError && /core WebAssembly module/.test(e.message),
  );
  assert.throws(() => readComponent(new TextEncoder().encode('package a:b;')), NotAComponentError);
});

test('a truncated binary reports the broken section instead of throwing', () => {
  const bytes = fixtureBytes('adder');
  const cut = bytes.subarray(0, bytes.length - 40);
  const info = readComponent(cut);
  assert.ok(info.problems.length > 0, 'the cut section is reported');
});

test('function types print as WIT', () => {
  assert.equal(
    funcText({
      kind: 'func',
      async: true,
      params: [{ name: 'x', type: { kind: 'list', element: { kind: 'prim', name: 'u8' } } }],
      result: { kind: 'result', err: { kind: 'named', name: 'error-code', type: { kind: 'enum', names: ['a'] } } },
    }),
    'async func(x: list<u8>) -> result<_, error-code>',
  );
});
