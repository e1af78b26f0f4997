// An edited document's line starts, derived from the previous version's, equal
// a fresh count of the edited text for every kind of break at every edge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeLineStarts, editedLineStarts } from '../../server/src/core/lineStarts';

test('line starts after random edits equal a fresh count (\\n, \\r\\n, lone \\r, edits splitting and joining CRLF)', () => {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const alphabet = ['a', 'b', '\n', '\r', '\r\n', ' '];
  const piece = (max: number) => Array.from({ length: rand(max) }, () => alphabet[rand(alphabet.length)]).join('');
  for (let round = 0; round < 3000; round++) {
    const before = piece(30);
    const start = rand(before.length + 1);
    const oldEnd = start + rand(before.length - start + 1);
    const inserted = piece(6);
    const after = before.slice(0, start) + inserted + before.slice(oldEnd);
    const derived = editedLineStarts(computeLineStarts(before), after, start, oldEnd, inserted.length);
    assert.deepEqual(derived, computeLineStarts(after), JSON.stringify({ before, start, oldEnd, inserted }));
  }
});
