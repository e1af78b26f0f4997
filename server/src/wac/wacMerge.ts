// The diagnostics of a WAC document: the checker's own (syntax and semantics, every error at
// once, published on each edit) and, once it answers, wac's (one error: it stops at its
// first). wac decides: its error is always kept, and ours that say the same (at the same
// place, or the same words on the same line) give way to it, their reasons (plug fit's words)
// kept as its related information; when wac composes the document, our errors were wrong and
// are dropped (our warnings stay: wac has none). wac's error comes first, then ours in the
// order the resolver would meet them.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import { positionAt } from './wacCheck';
import type { WacSemanticProblem } from './wacSemantics';

/**
 * The semantic check's problems as diagnostics of `text`. Its errors are worded as wac words
 * them, so they say `wac` as the tree's syntax errors do (their code tells them from wac's
 * own, which has none); an unused instance is ours alone (wac has no warnings), shown faded.
 */
export function semanticDiagnostics(problems: WacSemanticProblem[], text: string): Diagnostic[] {
  return problems.map((p) => ({
    range: { start: positionAt(text, p.start), end: positionAt(text, p.end) },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: p.severity === 'error' ? 'wac' : 'wac-devkit',
    code: p.code,
    message: p.message,
    ...(p.code === 'unused-instance' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  }));
}

const firstLine = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : String(d.message)).split('\n')[0];
const samePlace = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;

const sameError = (w: Diagnostic, d: Diagnostic) =>
  samePlace(w, d) || (w.range.start.line === d.range.start.line && firstLine(w) === firstLine(d));

/**
 * `ours` (the checker's) with `wac`'s answer merged in; `composed` when wac composed the
 * document. Where ours said the same as wac's with reasons of its own (plug fit's words for a
 * misfit), wac's error keeps its message and carries ours as related information at `uri`.
 */
export function mergeWacDiagnostics(ours: Diagnostic[], wac: Diagnostic[], composed: boolean, uri?: string): Diagnostic[] {
  const theirs = wac.map((w) => {
    if (w.severity !== DiagnosticSeverity.Error || !uri) return w;
    const said = ours.find((d) => d.severity === DiagnosticSeverity.Error && sameError(w, d));
    const reasons = said ? String(said.message).split('\n').slice(1) : [];
    if (!said || reasons.length === 0) return w;
    const related = reasons.map((message) => ({ location: { uri, range: said.range }, message }));
    return { ...w, relatedInformation: [...(w.relatedInformation ?? []), ...related] };
  });
  const kept = ours.filter((d) => {
    if (d.severity !== DiagnosticSeverity.Error) return true;
    if (composed) return false;
    return !wac.some((w) => w.severity === DiagnosticSeverity.Error && sameError(w, d));
  });
  return [...theirs, ...kept];
}
