// Where each line of a text starts (UTF-16 offsets), as LSP positions need them.
// Every keystroke makes a new document; scanning a 150 KB file for line breaks
// on each one cost ~1.5 ms of a 5 ms budget, so an edited document derives its
// line starts from the previous version's: the lines before the edit are kept,
// the edited span is scanned, the lines after it are shifted. They are kept in
// a typed array of exactly their count: built by `push`, a 5,000-line file's
// starts were ~270 KB of garbage per keystroke (an array grows by half again
// each time it is full), a scavenge every third keystroke.

/** Ascending UTF-16 offsets, the first 0. */
export type LineStarts = Uint32Array;

/** Line starts of `text`: \n, \r\n and a lone \r each end a line (as LSP counts). */
export function computeLineStarts(text: string): LineStarts {
  const starts = [0];
  scan(text, 0, text.length, starts);
  return Uint32Array.from(starts);
}

/** The number of `starts` below `offset`. */
function countBelow(starts: LineStarts, offset: number): number {
  let lo = 0,
    hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The line starts of `text` after text[start, oldEnd) of the previous text was
 * replaced by `insertedLength` characters, from the previous text's line starts.
 */
export function editedLineStarts(previous: LineStarts, text: string, start: number, oldEnd: number, insertedLength: number): LineStarts {
  const newEnd = start + insertedLength;
  const delta = newEnd - oldEnd;
  // Kept: starts decided by characters before the edit only (a start s is decided
  // by text[s - 1] and, after a \r, text[s]).
  const kept = countBelow(previous, start);
  // Scanned: from the character before the edit to the first one after it.
  const scanned: number[] = kept === 0 ? [0] : [];
  scan(text, Math.max(0, start - 1), Math.min(text.length, newEnd + 1), scanned);
  // Shifted: starts whose line break lies wholly after the edited span, and
  // past the last start so far (both bounds hold from some index on: the starts ascend).
  const last = scanned.length ? scanned[scanned.length - 1] : previous[kept - 1];
  const firstShifted = Math.max(kept, countBelow(previous, Math.max(oldEnd + 2, last - delta + 1)));
  const starts = new Uint32Array(kept + scanned.length + previous.length - firstShifted);
  starts.set(previous.subarray(0, kept));
  starts.set(scanned, kept);
  let at = kept + scanned.length;
  for (let i = firstShifted; i < previous.length; i++) starts[at++] = previous[i] + delta;
  return starts;
}

/** Appends the line starts that the breaks in text[from, to) make (a \r at the end looks one past). */
function scan(text: string, from: number, to: number, starts: number[]): void {
  // Without a \r (most files) the native indexOf finds the breaks: the first scan
  // of a file runs before the JIT has compiled the loop below, ~10x slower.
  const cr = text.indexOf('\r', from);
  if (cr === -1 || cr >= to) {
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
}
