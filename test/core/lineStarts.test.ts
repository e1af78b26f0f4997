// An edited document's line starts, derived from the previous version's, equal
// a fresh count of the edited text for every kind of break at every edge; a
// document finds the line of an offset from them, whatever order it is asked in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeLineStarts, editedLineStarts } from '../../server/src/core/lineStarts';
import { WitDocument } from '../../server/src/core/document';

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

test("a document's positions and ranges equal a count from the text's start, asked in any order (the last line asked is tried first)", () => {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const alphabet = ['a', 'bc', '\n', '\n\n', '\r\n', '\r', ' '];
  const naive = (text: string, offset: number) => {
    offset = Math.max(0, Math.min(offset, text.length));
    const starts = computeLineStarts(text);
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { line, character: offset - starts[line] };
  };
  for (let round = 0; round < 300; round++) {
    const text = Array.from({ length: rand(60) }, () => alphabet[rand(alphabet.length)]).join('');
    const doc = new WitDocument('file:///t.wit', text, 1, undefined as never);
    // Ascending (as lowering asks), then at random, past both ends too.
    const asked = [...Array.from({ length: text.length + 1 }, (_, i) => i), ...Array.from({ length: 80 }, () => rand(text.length + 6) - 3)];
    for (let i = 0; i < asked.length; i++) {
      const at = asked[i];
      assert.deepEqual(doc.positionAt(at), naive(text, at), JSON.stringify({ text, at }));
      const end = at + rand(8);
      assert.deepEqual(
        JSON.parse(JSON.stringify(doc.rangeOf(at, end))),
        { start: naive(text, at), end: naive(text, end) },
        JSON.stringify({ text, at, end }),
      );
    }
  }
});
