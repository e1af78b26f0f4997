// Find references and document highlights: every place a name is used, across
// the package root and every other root of the workspace that depends on it
// (through a deps/ folder that holds the same files or a copy of the package).
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type { Analysis, WitSymbol } from '../model';
import type { WitDocument } from '../document';
import { flattenSymbols, nameRangeWithin, qualifiedKey, symbolAt, symbolKey } from './symbolAt';

/** Looks up documents by uri (to narrow reference ranges to the name itself). */
export type DocumentLookup = (uri: string) => WitDocument | undefined;

/**
 * Every occurrence of `symbol` in `analyses` (the first is the one of the file
 * asked from): the declaration when asked for, then each reference.
 */
export function occurrences(
  analyses: Analysis[],
  symbol: WitSymbol,
  documents: DocumentLookup,
  includeDeclaration: boolean,
): Array<Location & { isDeclaration: boolean }> {
  const seen = new Set<string>();
  const out: Array<Location & { isDeclaration: boolean }> = [];
  const add = (uri: string, range: Location['range'], isDeclaration: boolean) => {
    const key = `${uri}#${range.start.line}:${range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ uri, range, isDeclaration });
  };
  if (includeDeclaration) add(symbol.uri, symbol.nameRange, true);
  const key = symbolKey(symbol);
  const qualified = qualifiedKey(symbol);
  const same = (s: WitSymbol) => symbolKey(s) === key || (qualified !== undefined && qualifiedKey(s) === qualified);
  for (const [i, analysis] of analyses.entries()) {
    // Another root's copy of the package declares the symbol too (its deps/).
    if (includeDeclaration && i > 0 && qualified !== undefined) {
      for (const list of analysis.symbolsByUri.values()) {
        for (const s of flattenSymbols(list)) if (qualifiedKey(s) === qualified) add(s.uri, s.nameRange, true);
      }
    }
    for (const ref of analysis.references) {
      if (!same(ref.target)) continue;
      const doc = documents(ref.uri);
      add(ref.uri, doc ? nameRangeWithin(doc, ref.range, symbol.name) : ref.range, false);
    }
  }
  return out;
}

export function references(
  analyses: Analysis[],
  doc: WitDocument,
  pos: Position,
  documents: DocumentLookup,
  includeDeclaration: boolean,
): Location[] {
  const hit = symbolAt(analyses[0], doc, pos);
  if (!hit) return [];
  return occurrences(analyses, hit.symbol, documents, includeDeclaration).map(({ uri, range }) => ({ uri, range }));
}

/** Highlights in one document: the declaration is a write, uses are reads. */
export function documentHighlights(analysis: Analysis, doc: WitDocument, pos: Position): DocumentHighlight[] {
  const hit = symbolAt(analysis, doc, pos);
  if (!hit) return [];
  const lookup: DocumentLookup = (uri) => (uri === doc.uri ? doc : undefined);
  return occurrences([analysis], hit.symbol, lookup, true)
    .filter((o) => o.uri === doc.uri)
    .map((o) => ({ range: o.range, kind: o.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}
