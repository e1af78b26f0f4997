// Where a text holds a character wit-parser's lexer rejects (syntax/lexicalErrors.ts says
// which and why), kept per document version like its line starts: an edit rescans only
// the text it inserted and shifts the rest, so a keystroke in a big file does not scan it
// all again. Every such character is one UTF-16 unit, so the rescan is exact.

/** Control characters, bidirectional overrides, codepoints Unicode deprecates or discourages. */
export const INVALID_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u0149\u0673\u0F77\u0F79\u17A3\u17A4\u17B4\u17B5\u206A-\u206F\uFFF9-\uFFFB\uFEFF]/g;

/** The offsets of the invalid characters of text[from, to). */
export function invalidCharactersIn(text: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  const span = from === 0 && to === text.length ? text : text.slice(from, to);
  INVALID_CHARACTER.lastIndex = 0;
  for (let m = INVALID_CHARACTER.exec(span); m; m = INVALID_CHARACTER.exec(span)) out.push(from + m.index);
  return out;
}

/** The offsets after text[start, oldEnd) of the previous version was replaced by insertedLength units. */
export function editedInvalidCharacters(
  previous: readonly number[],
  text: string,
  start: number,
  oldEnd: number,
  insertedLength: number,
): number[] {
  const delta = start + insertedLength - oldEnd;
  const out = previous.filter((o) => o < start);
  out.push(...invalidCharactersIn(text, start, start + insertedLength));
  for (const o of previous) if (o >= oldEnd) out.push(o + delta);
  return out;
}
