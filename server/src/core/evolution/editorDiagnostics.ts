// Interface evolution in the editor: each change against the base (the
// `wit.compatibility.base` ref) as a diagnostic where the item is now, with
// the base's declaration in its message (so hover shows it), and a missing
// `@since` gate as a diagnostic whose quick fix adds it (sinceGateEdit).
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { WitDocument } from '../document';
import type { Change, EvolutionReport, SurfaceItem } from './types';
import { SOURCE } from '../diagnostic';

export const COMPATIBILITY_CODE = 'compatibility';
export const MISSING_SINCE_CODE = 'missing-since';

export interface CompatibilityOptions {
  /** How the base is named in messages (the git ref). */
  baseLabel: string;
  /** The severity of a change that breaks one side. */
  breaking: 'error' | 'warning';
}

/** The base's text of a declaration, when its file can be read. */
export type BaseText = (item: SurfaceItem) => string | undefined;

export function compatibilityDiagnostics(
  report: EvolutionReport,
  options: CompatibilityOptions,
  baseText: BaseText,
): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const push = (uri: string, d: Diagnostic) => {
    let list = out.get(uri);
    if (!list) out.set(uri, (list = []));
    list.push(d);
  };
  const byPath = new Map(report.changes.map((c) => [c.path, c]));
  for (const c of report.changes) {
    const at = placeOf(c, report, byPath);
    if (!at) continue;
    const breaking = c.importers === 'breaking' || c.exporters === 'breaking';
    const sides = `importers: ${c.importers}, exporters: ${c.exporters}`;
    const lines = [`\`${c.path}\` ${c.change} since ${options.baseLabel} (${sides})`, ...c.reasons.map((r) => `- ${r}`)];
    const was = c.old && c.change !== 'added' ? baseText(c.old) : undefined;
    if (was) lines.push(`${options.baseLabel} had:`, was);
    push(at.uri, {
      range: at.range,
      severity: !breaking
        ? DiagnosticSeverity.Information
        : options.breaking === 'error'
          ? DiagnosticSeverity.Error
          : DiagnosticSeverity.Warning,
      source: SOURCE,
      code: COMPATIBILITY_CODE,
      message: lines.join('\n'),
      data: { path: c.path, change: c.change },
    });
  }
  for (const g of report.verdict.gateProblems) {
    const item = byPath.get(g.path)?.new;
    if (!item?.uri || !item.range) continue;
    push(item.uri, {
      range: item.range,
      severity: DiagnosticSeverity.Warning,
      source: SOURCE,
      code: MISSING_SINCE_CODE,
      message: g.found
        ? `\`${g.path}\` is new since ${options.baseLabel} but gated \`@since(version = ${g.found})\`; this release is ${g.expected}`
        : `\`${g.path}\` is new since ${options.baseLabel}: add \`@since(version = ${g.expected})\` (the package uses gates)`,
      data: { path: g.path, version: g.expected, found: g.found },
    });
  }
  return out;
}

/** Where a change is shown: the item now; for a removed one, the nearest container that is left, else the package. */
function placeOf(c: Change, report: EvolutionReport, byPath: Map<string, Change>): { uri: string; range: Range } | undefined {
  if (c.new?.uri && c.new.range) return { uri: c.new.uri, range: c.new.range };
  if (c.change !== 'removed') return undefined;
  // A removed item's container either survives (not removed itself) or is reported in its own right.
  const parent = c.old?.parent;
  if (parent) return byPath.get(parent)?.change === 'removed' ? undefined : containerPlace(parent, report);
  return report.newLocation;
}

function containerPlace(path: string, report: EvolutionReport): { uri: string; range: Range } | undefined {
  const item = report.newItems.get(path);
  return item?.uri && item.range ? { uri: item.uri, range: item.range } : report.newLocation;
}

/**
 * The quick fix for a missing or wrong `@since`: a gate line above the item
 * (its own indentation), or the wrong version replaced in the existing gate.
 */
export function sinceGateEdit(doc: WitDocument, diagnostic: Diagnostic): TextEdit | undefined {
  const data = diagnostic.data as { version?: string; found?: string } | undefined;
  if (diagnostic.code !== MISSING_SINCE_CODE || !data?.version) return undefined;
  const line = diagnostic.range.start.line;
  const lineStart = doc.offsetAt({ line, character: 0 });
  if (data.found) {
    // The gate is on one of the lines above the item (after its doc comment).
    for (let l = line; l >= Math.max(0, line - 8); l--) {
      const start = doc.offsetAt({ line: l, character: 0 });
      const text = doc.text.slice(start, doc.offsetAt({ line: l + 1, character: 0 }));
      const m = /@since\s*\(\s*version\s*=\s*([^\s),]+)/.exec(text);
      if (m) {
        const from = start + m.index + m[0].length - m[1].length;
        return { range: doc.rangeOf(from, from + m[1].length), newText: data.version };
      }
    }
    return undefined;
  }
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart))![0];
  return { range: doc.rangeOf(lineStart, lineStart), newText: `${indent}@since(version = ${data.version})\n` };
}

/** Quick fixes for the missing-since diagnostics among `diagnostics` (the editor's code action request). */
export function sinceGateActions(doc: WitDocument, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  if (only?.length && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const edit = sinceGateEdit(doc, d);
    if (!edit) continue;
    const version = (d.data as { version: string }).version;
    out.push({
      title: edit.newText === version ? `Change the gate to @since(version = ${version})` : `Add @since(version = ${version})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [doc.uri]: [edit] } },
    });
  }
  return out;
}
