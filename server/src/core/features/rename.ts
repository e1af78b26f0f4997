// Rename with prepareRename: types, fields, cases, flags, functions, methods,
// parameters, interfaces, worlds and named world imports/exports. Every declaration and use is edited (use
// lists, includes, `with` renames, paths) in every file; a new name that is a
// keyword is written with `%`. Keywords and invalid identifiers are refused.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis, SymbolKind } from '../model';
import type { WitDocument } from '../document';
import { symbolAt, flattenSymbols } from './symbolAt';
import { occurrences, type DocumentLookup } from './references';
import { escapeName, isValidIdentifier, KEYWORDS } from './builtins';

export type RenameRefusal = { error: string };

const RENAMEABLE = new Set<SymbolKind>([
  'interface',
  'world',
  'type',
  'record',
  'variant',
  'enum',
  'flags',
  'resource',
  'func',
  'method',
  'static',
  'field',
  'case',
  'flag',
  'param',
]);

export function prepareRename(analysis: Analysis, doc: WitDocument, pos: Position): { range: Range; placeholder: string } | RenameRefusal {
  const offset = doc.offsetAt(pos);
  const node = doc.tree.rootNode.descendantForIndex(offset, offset);
  if (node && !node.isNamed && KEYWORDS.has(node.type)) return { error: `\`${node.type}\` is a WIT keyword and cannot be renamed.` };
  const hit = symbolAt(analysis, doc, pos);
  if (!hit) return { error: 'There is no renameable name here.' };
  const s = hit.symbol;
  // A world's named import/export (`import log: func();`) is renameable; a path (`import wasi:io/x;`) is not.
  const namedExtern = (s.kind === 'import' || s.kind === 'export') && !/[:/]/.test(s.name);
  if (!RENAMEABLE.has(s.kind) && !namedExtern) return { error: `A ${s.kind} name cannot be renamed here.` };
  if (isInDependency(analysis, s.uri)) {
    return { error: `\`${s.name}\` is declared in a dependency (deps/); rename it in its own package.` };
  }
  return { range: hit.range, placeholder: s.name };
}

export function rename(
  analyses: Analysis[],
  doc: WitDocument,
  pos: Position,
  newName: string,
  documents: DocumentLookup,
): WorkspaceEdit | RenameRefusal {
  const prepared = prepareRename(analyses[0], doc, pos);
  if ('error' in prepared) return prepared;
  const symbol = symbolAt(analyses[0], doc, pos)!.symbol;
  const bare = newName.startsWith('%') ? newName.slice(1) : newName;
  if (!isValidIdentifier(bare)) {
    return {
      error:
        `\`${newName}\` is not a valid WIT identifier: use kebab-case words of letters and digits, ` +
        'each all lower-case or all upper-case, starting with a letter (e.g. `my-type`).',
    };
  }
  if (bare === symbol.name) return { changes: {} };
  const siblings = symbol.container?.children ?? analyses[0].symbolsByUri.get(symbol.uri) ?? [];
  const clash = flattenSymbols(siblings).find((c) => c.container === symbol.container && c.name === bare && c !== symbol);
  if (clash) return { error: `\`${bare}\` is already declared here (${clash.kind} ${clash.name}).` };

  const text = escapeName(bare);
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrences(analyses, symbol, documents, true)) {
    (changes[o.uri] ??= []).push({ range: o.range, newText: text });
  }
  return { changes };
}

function isInDependency(analysis: Analysis, uri: string): boolean {
  return analysis.packages.some((p) => p.isDependency && p.uris.includes(uri));
}
