// The canonical ABI inlay hint: each function's core import signature after it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture } from '../core/helpers';

test('each function gets its `canon lower` signature as an inlay hint, spills marked', async () => {
  const f = await fixture({
    'main.wit':
      'package demo:app;\n\ninterface api {\n    greet: func(name: string) -> string;\n    resource r { m: func(x: u64); }\n' +
      '    wide: func(a: tuple<u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32>);\n}\n',
  });
  const hints = f.service.canonicalAbiInlayHints(f.uri('main.wit'), { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } });
  assert.deepEqual(
    hints.map((h) => [h.position.line, h.label]),
    [
      [3, ' core (param i32 i32 i32)'],
      [4, ' core (param i32 i64)'],
      [5, ' core (param i32) · params in memory'],
    ],
  );
});
