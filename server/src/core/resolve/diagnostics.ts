// Collects diagnostics per file; one message per place (resolution can reach
// the same mistake twice, e.g. through a use and through its target).
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { errorDiagnostic, warningDiagnostic } from '../diagnostic';
import type { DiagnosticCode } from '../diagnosticCodes';

export class DiagnosticSink {
  readonly byUri = new Map<string, Diagnostic[]>();
  private seen = new Set<string>();

  error(uri: string, range: Range, message: string, code: DiagnosticCode, data?: unknown): void {
    this.push(uri, errorDiagnostic(range, message, code, data));
  }

  warning(uri: string, range: Range, message: string, code: DiagnosticCode, data?: unknown): void {
    this.push(uri, warningDiagnostic(range, message, code, data));
  }

  push(uri: string, d: Diagnostic): void {
    const key = `${uri}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    let list = this.byUri.get(uri);
    if (!list) this.byUri.set(uri, (list = []));
    list.push(d);
  }

  ensure(uri: string): void {
    if (!this.byUri.has(uri)) this.byUri.set(uri, []);
  }
}
