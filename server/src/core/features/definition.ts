// Go to definition / declaration / type definition. Every resolved name (type,
// interface, world, use/include/import/export path, foreign package reference,
// `with` rename, resource method) leads to its declaration's name.
import type { Location, Position } from 'vscode-languageserver-types';
import type { Analysis, WitSymbol } from '../model';
import type { WitDocument } from '../document';
import type { Node } from '../parser';
import { contains, sameSymbol, symbolAt } from './symbolAt';
import { forEachNode, identifierAt } from './treeWalk';

export function definition(analysis: Analysis, doc: WitDocument, pos: Position): Location[] {
  const hit = symbolAt(analysis, doc, pos);
  return hit ? [locationOf(hit.symbol)] : [];
}

/**
 * The type behind the name: for a field, parameter, case or alias, the
 * declaration of the named type it uses; for a type, the type itself.
 */
export function typeDefinition(analysis: Analysis, doc: WitDocument, pos: Position): Location[] {
  const hit = symbolAt(analysis, doc, pos);
  if (!hit) return typeOfUndeclaredName(analysis, doc, pos);
  const s = hit.symbol;
  const typed = ['field', 'param', 'case', 'type', 'func', 'method', 'static'].includes(s.kind);
  if (typed) {
    const used = typesUsedIn(analysis, s).filter((t) => !sameSymbol(t, s));
    if (used.length) return used.map(locationOf);
  }
  return [locationOf(s)];
}

/**
 * Names the model keeps no symbol for (parameters, say): the first named type
 * in the type written after them.
 */
function typeOfUndeclaredName(analysis: Analysis, doc: WitDocument, pos: Position): Location[] {
  const ident = identifierAt(doc.tree, doc.offsetAt(pos));
  const owner = ident?.parent;
  if (!owner || owner.childForFieldName('name')?.startIndex !== ident.startIndex) return [];
  const type = owner.childForFieldName('type');
  if (!type) return [];
  let named: Node | undefined;
  forEachNode(type, (n) => {
    if (named) return 'skip';
    if (n.type === 'identifier') named = n;
    return undefined;
  });
  if (!named) return [];
  const hit = symbolAt(analysis, doc, doc.positionAt(named.startIndex));
  return hit ? [locationOf(hit.symbol)] : [];
}

/** The symbols named by type references inside a declaration, in source order. */
function typesUsedIn(analysis: Analysis, s: WitSymbol): WitSymbol[] {
  return analysis.references
    .filter((r) => r.uri === s.uri && r.role === 'type' && contains(s.range, r.range.start) && contains(s.range, r.range.end))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((r) => r.target);
}

export function locationOf(s: WitSymbol): Location {
  return { uri: s.uri, range: s.nameRange };
}
