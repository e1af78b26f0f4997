// Code actions: quick fixes for the diagnostics in the request (quickFixes.ts)
// and refactors where the cursor is (refactors.ts).
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { WitDocument } from '../document';
import { quickFixes } from './quickFixes';
import { refactors } from './refactors';

export function codeActions(analysis: Analysis, doc: WitDocument, range: Range, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const all = [...quickFixes(analysis, doc, diagnostics), ...refactors(analysis, doc, range)];
  if (!only?.length) return all;
  return all.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`)));
}
