// Document and range formatting. The layout (formatLayout.ts) only moves
// whitespace and optional trailing commas; this file decides what may be
// touched: the lines asked for when the file parses cleanly, nothing otherwise.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { WitDocument } from '../document';
import { layoutLeaves, layoutTokens } from './formatLayout';

/** The whole document in the canonical style (undefined when it has syntax errors). */
export function formatText(doc: WitDocument): string | undefined {
  if (doc.tree.rootNode.hasError) return undefined;
  const leaves = layoutLeaves(doc.tree.rootNode);
  if (leaves.length === 0) return doc.text.trim() === '' ? '' : undefined;
  return layoutTokens(leaves, doc.text, eolOf(doc.text)).text + eolOf(doc.text);
}

export function formatDocument(doc: WitDocument): TextEdit[] {
  const whole = doc.rangeOf(0, doc.text.length);
  return formatRange(doc, whole);
}

/**
 * Formats the lines `range` touches: every token that starts on those lines is
 * re-laid out together with the whitespace before it. Text outside stays as is.
 */
export function formatRange(doc: WitDocument, range: Range): TextEdit[] {
  const root = doc.tree.rootNode;
  // With syntax errors the file is left exactly as written: the user is
  // mid-edit, and a layout guessed around a broken region could mangle it.
  if (root.hasError) return [];
  const leaves = layoutLeaves(root);
  if (leaves.length === 0) return [];
  const tokens = leaves.map((l) => l.node);
  const eol = eolOf(doc.text);
  const layout = layoutTokens(leaves, doc.text, eol);
  const from = doc.offsetAt({ line: range.start.line, character: 0 });
  const to = doc.offsetAt({ line: range.end.line + 1, character: 0 });
  const wholeDocument = from === 0 && to >= doc.text.length;

  const emitted = tokens.map((_, i) => i).filter((i) => layout.spans[i]);
  const inRange = emitted.filter((i) => tokens[i].startIndex >= from && tokens[i].startIndex < to);
  if (inRange.length === 0) return [];
  const first = inRange[0],
    last = inRange[inRange.length - 1];
  const before = emitted[emitted.indexOf(first) - 1];

  // Original span: from the end of the token before the range to the last token
  // in it; its replacement is the same stretch of the laid-out text.
  const oldStart = before === undefined ? 0 : tokens[before].endIndex;
  let newStart = before === undefined ? 0 : layout.spans[before]![1];
  let oldEnd = tokens[last].endIndex;
  let newEnd = layout.spans[last]![1];
  if (layout.text[newStart] === ',' && before !== undefined && doc.text[oldStart] !== ',') newStart++;
  while (layout.text[newEnd] === ',' && tokens[last].type !== ',') newEnd++;
  if (wholeDocument || last === emitted[emitted.length - 1]) {
    // The end of the file: exactly one line break after the last token.
    oldEnd = doc.text.length;
    newEnd = layout.text.length;
    return minimalEdits(doc, oldStart, oldEnd, layout.text.slice(newStart, newEnd) + eol);
  }
  return minimalEdits(doc, oldStart, oldEnd, layout.text.slice(newStart, newEnd));
}

/** One edit replacing [start, end) by `text`, trimmed to what actually differs. */
function minimalEdits(doc: WitDocument, start: number, end: number, text: string): TextEdit[] {
  const old = doc.text.slice(start, end);
  if (old === text) return [];
  let p = 0;
  const max = Math.min(old.length, text.length);
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  return [
    {
      range: doc.rangeOf(start + p, end - s),
      newText: text.slice(p, text.length - s),
    },
  ];
}

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
