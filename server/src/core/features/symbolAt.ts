// Finding what the cursor is on: a declaration's name or a resolved reference.
// Shared by hover, definition, references, highlights and rename.
import type { Position, Range } from 'vscode-languageserver-types';
import type { Analysis, WitReference, WitSymbol } from '../model';
import type { WitDocument } from '../document';

export interface SymbolHit {
  symbol: WitSymbol;
  /** The range of the name under the cursor. */
  range: Range;
  /** The reference the cursor is on, when it is not on the declaration. */
  reference?: WitReference;
}

export function contains(range: Range, pos: Position): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}

function size(r: Range): number {
  return (r.end.line - r.start.line) * 100000 + (r.end.character - r.start.character);
}

/** Every symbol of a file, children included, parents first. */
export function flattenSymbols(roots: WitSymbol[]): WitSymbol[] {
  const out: WitSymbol[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const s = stack.pop()!;
    out.push(s);
    for (let i = s.children.length - 1; i >= 0; i--) stack.push(s.children[i]);
  }
  return out;
}

/** A stable identity for a symbol across analyses (objects differ per analysis run). */
export function symbolKey(s: WitSymbol): string {
  return `${s.uri}#${s.nameRange.start.line}:${s.nameRange.start.character}:${s.kind}`;
}

/**
 * The identity of a symbol across package roots: its package (with version)
 * and the chain of names down to it. A package vendored into another root's
 * deps/ is a copy in another file; its symbols have this key in both. Undefined
 * for files without a package name.
 */
export function qualifiedKey(s: WitSymbol): string | undefined {
  if (!s.packageName) return undefined;
  const chain: string[] = [];
  for (let c: WitSymbol | undefined = s; c; c = c.container) if (c.kind !== 'package') chain.unshift(`${c.kind}:${c.name}`);
  return `${s.packageName}|${chain.join('/')}`;
}

export function sameSymbol(a: WitSymbol, b: WitSymbol): boolean {
  return symbolKey(a) === symbolKey(b);
}

/** The declaration or reference under `pos` (the narrowest when they nest). */
export function symbolAt(analysis: Analysis, doc: WitDocument, pos: Position): SymbolHit | undefined {
  let best: SymbolHit | undefined;
  for (const ref of analysis.references) {
    if (ref.uri !== doc.uri || !contains(ref.range, pos)) continue;
    const range = nameRangeWithin(doc, ref.range, ref.target.name, pos);
    if (!contains(range, pos)) continue;
    if (!best || size(range) < size(best.range)) best = { symbol: ref.target, range, reference: ref };
  }
  if (best) return best;
  for (const s of flattenSymbols(analysis.symbolsByUri.get(doc.uri) ?? [])) {
    if (s.uri !== doc.uri || !contains(s.nameRange, pos)) continue;
    if (!best || size(s.nameRange) < size(best.range)) best = { symbol: s, range: s.nameRange };
  }
  return best;
}

const SEGMENT_BOUNDARY = /[\s:/@.{},;%]/;

/**
 * The range of `name` inside `range`: the whole range when it reads as the name
 * (with or without `%`), else the segment of a path (`ns:pkg/name@1.0`) that is
 * the name, preferring the one nearest `near`.
 */
export function nameRangeWithin(doc: WitDocument, range: Range, name: string, near?: Position): Range {
  const start = doc.offsetAt(range.start),
    end = doc.offsetAt(range.end);
  const text = doc.text.slice(start, end);
  if (text === name || text === `%${name}`) return range;
  const candidates: number[] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const before = i === 0 ? ' ' : text[i - 1];
    const after = i + name.length >= text.length ? ' ' : text[i + name.length];
    if (SEGMENT_BOUNDARY.test(before) && SEGMENT_BOUNDARY.test(after)) candidates.push(i);
  }
  if (candidates.length === 0) return range;
  const target = near ? doc.offsetAt(near) - start : text.length;
  const pick = candidates.find((i) => target >= i && target <= i + name.length) ?? candidates[candidates.length - 1];
  const from = start + pick - (text[pick - 1] === '%' ? 1 : 0);
  return doc.rangeOf(from, start + pick + name.length);
}
