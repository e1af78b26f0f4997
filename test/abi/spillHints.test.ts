// The spill hint: information on functions whose parameters go through memory,
// with the parameters that cost the most; none for a function that fits.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, textAt } from '../core/helpers';

const SRC = `package demo:app;

interface api {
    record pair { a: u64, b: string }
    fits: func(a: u32, b: string, c: pair);
    wide: func(a: u32, b: list<pair>, c: pair, d: pair, e: pair, f: pair, g: pair, h: u8);
    few: async func(a: string, b: string, c: u8);
}
`;

test('a function whose parameters spill gets an information hint naming the costliest ones', async () => {
  const f = await fixture({ 'main.wit': SRC });
  const hints = f.service.canonicalAbiSpillHints(f.uri('main.wit'));
  assert.deepEqual(
    hints.map((h) => textAt(f.doc('main.wit'), h.range)),
    ['wide', 'few'],
  );
  assert.ok(
    hints.every((h) => h.severity === 3),
    'information, not a warning',
  );
  const [wide, few] = hints.map((h) => (typeof h.message === 'string' ? h.message : h.message.value));
  assert.match(wide, /flatten to 19 core values, more than the 16 `canon lower` passes directly/);
  assert.match(wide, /`c` \(3\), `d` \(3\), `e` \(3\)/);
  // An async lowering passes at most 4 flat parameters.
  assert.match(few, /flatten to 5 core values, more than the 4 an async `canon lower`/);
});
