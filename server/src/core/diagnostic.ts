// Diagnostic constructors, so every message carries the same source and shape.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';

export const SOURCE = 'wit';

export function errorDiagnostic(range: Range, message: string, code?: string): Diagnostic {
  return { range, message, severity: DiagnosticSeverity.Error, source: SOURCE, ...(code ? { code } : {}) };
}

export function warningDiagnostic(range: Range, message: string, code?: string): Diagnostic {
  return { range, message, severity: DiagnosticSeverity.Warning, source: SOURCE, ...(code ? { code } : {}) };
}
