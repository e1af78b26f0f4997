// The canonical ABI of what is under the cursor, and its hover section, on
// inline sources. (judge.test.ts compares the same functions with wasm-tools
// over the whole corpus; layout.test.ts checks sizes against the spec's code.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, type Fixture } from '../core/helpers';
import { hover } from '../../server/src/core/features/hover';
import { abiFactsAt, type FunctionAbiFacts, type TypeAbiFacts } from '../../server/src/core/abi/facts';

const SRC = `package demo:app@1.2.3;

interface shapes {
    record point { x: u32, y: f64 }
    variant shape { circle(f32), named(string), none }
    flags perms { read, write, exec }
    resource canvas {
        constructor(width: u32);
        draw: func(p: point, label: string) -> list<u8>;
    }
    wide: func(a: u32, b: u32, c: u32, d: u32, e: u32, f: u32, g: u32, h: u32,
               i: u32, j: u32, k: u32, l: u32, m: u32, n: u32, o: u32, p: point);
    wait: async func(ms: u64) -> tuple<u32, u32>;
}

world app {
    import shapes;
    export run: func(args: list<string>) -> result<_, string>;
}
`;

async function at(marker: string, scheme?: 'legacy' | 'standard32') {
  const f: Fixture = await fixture({ 'main.wit': SRC.replace(marker.replace('#', ''), marker.replace('#', '|')) });
  const analysis = f.service.analysis(f.cursorUri);
  return { f, analysis, facts: abiFactsAt(analysis, f.doc('main.wit'), f.position, { scheme }) };
}

test('a record: size and alignment in memory, its flat core values, plain bits', async () => {
  const { facts } = await at('record po#int');
  assert.deepEqual(facts, { kind: 'type', size: 16, align: 8, flat: ['i32', 'f64'], memory: false, handles: false });
});

test("a variant joins its cases' core values and owns memory for its string", async () => {
  const t = (await at('variant sh#ape')).facts as TypeAbiFacts;
  // discriminant u8, then the cases' payloads joined: f32 with i32 (string's pointer) -> i32, then the length.
  assert.deepEqual(t.flat, ['i32', 'i32', 'i32']);
  assert.equal(t.size, 12);
  assert.equal(t.align, 4);
  assert.equal(t.memory, true);
});

test("flags and a resource: one byte of bits; a handle, with its intrinsics' core names", async () => {
  assert.deepEqual((await at('flags pe#rms')).facts, { kind: 'type', size: 1, align: 1, flat: ['i32'], memory: false, handles: false });
  const r = (await at('resource can#vas')).facts as TypeAbiFacts;
  assert.deepEqual([r.size, r.align, r.flat, r.handles], [4, 4, ['i32'], true]);
  // The names wasm-tools' dummy module uses for them (judge.test.ts checks every corpus resource).
  assert.deepEqual(r.resource, {
    drop: { module: 'demo:app/shapes@1.2.3', name: '[resource-drop]canvas' },
    exported: {
      drop: { module: '[export]demo:app/shapes@1.2.3', name: '[resource-drop]canvas' },
      new: { module: '[export]demo:app/shapes@1.2.3', name: '[resource-new]canvas' },
      rep: { module: '[export]demo:app/shapes@1.2.3', name: '[resource-rep]canvas' },
      dtor: 'demo:app/shapes@1.2.3#[dtor]canvas',
    },
  });
});

test('a method: `self` first, the core names of both sides, realloc where lists come back', async () => {
  const fn = (await at('dr#aw: func')).facts as FunctionAbiFacts;
  assert.equal(fn.coreName, '[method]canvas.draw');
  assert.deepEqual(fn.import, {
    module: 'demo:app/shapes@1.2.3',
    name: '[method]canvas.draw',
    options: { memory: true, realloc: true, postReturn: false },
    spill: { results: { flat: 2, limit: 1 } },
  });
  // self, x, y, label (ptr, len) + the return pointer.
  assert.deepEqual(fn.lower, { params: ['i32', 'i32', 'f64', 'i32', 'i32', 'i32'], results: [] });
  assert.deepEqual(fn.lift, { params: ['i32', 'i32', 'f64', 'i32', 'i32'], results: ['i32'] });
  assert.equal(fn.export.name, 'demo:app/shapes@1.2.3#[method]canvas.draw');
  assert.deepEqual(fn.export.postReturn, { name: 'cabi_post_demo:app/shapes@1.2.3#[method]canvas.draw', params: ['i32'], results: [] });
  assert.equal(fn.export.options.postReturn, true);
  const std = (await at('dr#aw: func', 'standard32')).facts as FunctionAbiFacts;
  assert.equal(std.import.module, 'cm32p2|demo:app/shapes@1');
  assert.equal(std.export.name, 'cm32p2|demo:app/shapes@1|[method]canvas.draw');
  assert.equal(std.export.postReturn?.name, 'cm32p2|demo:app/shapes@1|[method]canvas.draw_post');
});

test('17 flat parameters spill to memory behind one pointer, and the hover says why', async () => {
  const { f, analysis, facts } = await at('wi#de: func');
  const fn = facts as FunctionAbiFacts;
  assert.deepEqual(fn.lower, { params: ['i32'], results: [] });
  assert.deepEqual(fn.import.spill, { params: { flat: 17, limit: 16 } });
  // Lifting spilled parameters needs the callee's realloc: the caller copies them into its memory.
  assert.equal(fn.export.options.realloc, true);
  const value = (hover(analysis, f.doc('main.wit'), f.position)!.contents as { value: string }).value;
  assert.match(value, /parameters flatten to 17 core values, over 16/);
  assert.match(value, /\(import "demo:app\/shapes@1\.2\.3" "wide"\)/);
});

test('an async function: `[async-lower]`, at most 4 flat parameters, the result through memory, a callback export', async () => {
  const fn = (await at('wa#it: async')).facts as FunctionAbiFacts;
  assert.equal(fn.coreName, '[async-lower]wait');
  assert.deepEqual(fn.lower, { params: ['i64', 'i32'], results: ['i32'] });
  assert.deepEqual(fn.lift, { params: ['i64'], results: ['i32'] });
  assert.equal(fn.export.name, '[async-lift]demo:app/shapes@1.2.3#wait');
  assert.equal(fn.export.callback, '[callback][async-lift]demo:app/shapes@1.2.3#wait');
  assert.deepEqual(fn.export.taskReturn, { module: '[export]demo:app/shapes@1.2.3', name: '[task-return]wait' });
});

test("a world's own export: `$root`-less names, a list of strings needs realloc to lift", async () => {
  const fn = (await at('export r#un')).facts as FunctionAbiFacts;
  assert.equal(fn.coreName, 'run');
  assert.equal(fn.import.module, '$root');
  assert.equal(fn.export.name, 'run');
  assert.deepEqual(fn.lift, { params: ['i32', 'i32'], results: ['i32'] });
  assert.equal(fn.export.options.realloc, true);
});

test('a reference to a type answers for the type; a package name answers nothing', async () => {
  const { facts } = await at('draw: func(p: po#int');
  assert.equal((facts as TypeAbiFacts).size, 16);
  assert.equal((await at('package de#mo')).facts, null);
});

test('a field or a parameter answers for its type', async () => {
  assert.deepEqual((await at('y: f6#4')).facts, null, 'the builtin under the cursor is no symbol');
  const field = (await at('record point { x: u32, #y')).facts as TypeAbiFacts;
  assert.deepEqual([field.size, field.align, field.flat], [8, 8, ['f64']]);
  const param = (await at('export run: func(ar#gs')).facts as TypeAbiFacts;
  assert.deepEqual([param.size, param.flat, param.memory], [8, ['i32', 'i32'], true]);
});
