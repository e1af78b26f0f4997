// What wit-parser's lexer rejects before parsing: control characters,
// bidirectional overrides and codepoints Unicode deprecates or discourages
// (anywhere, comments included; found per version by ../invalidCharacters.ts),
// and block comments left open.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { WitDocument } from '../document';
import type { Node } from '../parser';
import { errorDiagnostic } from '../diagnostic';

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const DEPRECATED = /[\u0149\u0673\u0F77\u0F79\u17A3\u17A4]/;
const DISCOURAGED = /[\u17B4\u17B5\u206A-\u206F\uFFF9-\uFFFB\uFEFF]/;
/** At most this many per file: a binary file would otherwise give thousands. */
const LIMIT = 20;

export function lexicalErrors(doc: WitDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = doc.text;
  for (const at of doc.invalidCharacters()) {
    if (out.length >= LIMIT) break;
    const c = text[at];
    // A byte-order mark at the very start is harmless.
    if (at === 0 && c === '\uFEFF') continue;
    const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const message = BIDI.test(c)
      ? `input contains bidirectional override codepoint ${code}`
      : CONTROL.test(c)
        ? `control character ${code} is not allowed in WIT`
        : DEPRECATED.test(c)
          ? `codepoint ${code} is deprecated by Unicode`
          : DISCOURAGED.test(c)
            ? `codepoint ${code} is discouraged by Unicode`
            : `invalid character ${code}`;
    out.push(errorDiagnostic(doc.rangeOf(at, at + c.length), message, 'invalid-character'));
  }
  out.push(...unterminatedComments(doc));
  return out;
}

function unterminatedComments(doc: WitDocument): Diagnostic[] {
  // An open block comment runs to the end of the file, so it is the last token.
  const root = doc.tree.rootNode;
  let last: Node | null = root.lastChild;
  while (last && last.type !== 'block_comment' && last.lastChild) last = last.lastChild;
  if (!last || last.type !== 'block_comment') return [];
  if (isClosed(last.text)) return [];
  return [errorDiagnostic(doc.rangeOf(last.startIndex, last.startIndex + 2), 'unterminated block comment', 'invalid-character')];
}

function isClosed(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i++;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i++;
      if (depth === 0) return i === text.length - 1;
    }
  }
  return false;
}
