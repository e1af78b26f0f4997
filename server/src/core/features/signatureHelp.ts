// Signature help inside the parameter lists WIT has: the angle brackets of
// generic types (`result<T, E>`, `map<K, V>` ...) and the parentheses of a
// function being declared, with the parameter the cursor is on.
import type { Position, SignatureHelp, SignatureInformation } from 'vscode-languageserver-types';
import type { WitDocument } from '../document';

const GENERICS: Record<string, string[]> = {
  list: ['T', 'N'],
  option: ['T'],
  result: ['T', 'E'],
  tuple: ['A', 'B', '...'],
  map: ['K', 'V'],
  future: ['T'],
  stream: ['T'],
  borrow: ['R'],
  own: ['R'],
};
const GENERIC_DOCS: Record<string, string[]> = {
  list: ['the element type', 'optional fixed length'],
  option: ['the type of the value, when present'],
  result: ['the success type (`_` for none)', 'the error type'],
  tuple: ['first type', 'second type', 'more types'],
  map: ['the key type', 'the value type'],
  future: ['the value type'],
  stream: ['the element type'],
  borrow: ['the resource'],
  own: ['the resource'],
};

export function signatureHelp(doc: WitDocument, pos: Position): SignatureHelp | null {
  const offset = doc.offsetAt(pos);
  const open = innermostOpen(doc.text, offset);
  if (!open) return null;
  if (open.bracket === '<') {
    const params = GENERICS[open.word];
    if (!params) return null;
    const label = `${open.word}<${params.join(', ')}>`;
    return single(
      {
        label,
        parameters: params.map((p, i) => ({ label: p, documentation: GENERIC_DOCS[open.word][i] })),
      },
      Math.min(open.commas, params.length - 1),
    );
  }
  if (open.word === 'func' || open.word === 'constructor') {
    // The whole declaration, from the statement start to the closing `)` (or the line end).
    const stmtStart = Math.max(doc.text.lastIndexOf(';', open.at), doc.text.lastIndexOf('{', open.at)) + 1;
    const close = doc.text.indexOf(')', offset);
    const nextStmt = doc.text.indexOf(';', offset);
    const end = close >= 0 && (nextStmt < 0 || close < nextStmt) ? close + 1 : offset;
    const label = doc.text.slice(stmtStart, end).replace(/\s+/g, ' ').trim();
    const paramsText = label.slice(label.indexOf('(') + 1, label.endsWith(')') ? -1 : undefined);
    const params = paramsText
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    return single({ label, parameters: params.map((p) => ({ label: p })) }, Math.min(open.commas, Math.max(0, params.length - 1)));
  }
  return null;
}

function single(sig: SignatureInformation, active: number): SignatureHelp {
  return { signatures: [sig], activeSignature: 0, activeParameter: active };
}

/** The innermost `<` or `(` still open before `offset` in the current statement, and commas since. */
function innermostOpen(text: string, offset: number): { bracket: string; word: string; commas: number; at: number } | undefined {
  let depth = 0,
    commas = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ';' || c === '{' || c === '}') return undefined;
    if ((c === '>' && text[i - 1] !== '-') || c === ')') depth++;
    else if (c === '<' || c === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const word = /[\p{L}\p{N}_-]*$/u.exec(text.slice(Math.max(0, i - 40), i))![0];
      return { bracket: c, word, commas, at: i };
    } else if (c === ',' && depth === 0) commas++;
    else if (
      c === '\n' &&
      text
        .slice(i + 1, offset)
        .trimStart()
        .startsWith('//')
    )
      continue;
  }
  return undefined;
}
