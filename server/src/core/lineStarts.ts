// Where each line of a text starts (UTF-16 offsets), as LSP positions need them.
// Every keystroke makes a new document; scanning a 150 KB file for line breaks
// on each one cost ~1.5 ms of a 5 ms budget, so an edited document derives its
// line starts from the previous version's: the lines before the edit are kept,
// the edited span is scanned, the lines after it are shifted.

/** Line starts of `text`: \n, \r\n and a lone \r each end a line (as LSP counts). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  scan(text, 0, text.length, starts);
  return starts;
}

/**
 * The line starts of `text` after text[start, oldEnd) of the previous text was
 * replaced by `insertedLength` characters, from the previous text's line starts.
 */
export function editedLineStarts(
  previous: readonly number[],
  text: string,
  start: number,
  oldEnd: number,
  insertedLength: number,
): number[] {
  const newEnd = start + insertedLength;
  const delta = newEnd - oldEnd;
  // Kept: starts decided by characters before the edit only (a start s is decided
  // by text[s - 1] and, after a \r, text[s]).
  const starts: number[] = [];
  let i = 0;
  for (; i < previous.length && previous[i] < start; i++) starts.push(previous[i]);
  if (!starts.length) starts.push(0);
  // Scanned: from the character before the edit to the first one after it.
  scan(text, Math.max(0, start - 1), Math.min(text.length, newEnd + 1), starts);
  // Shifted: starts whose line break lies wholly after the edited span.
  const last = starts[starts.length - 1];
  for (; i < previous.length; i++) {
    const s = previous[i];
    if (s >= oldEnd + 2 && s + delta > last) starts.push(s + delta);
  }
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
