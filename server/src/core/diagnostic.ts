// Diagnostic constructors, so every message carries the same source and shape,
// and a code from the one list (diagnosticCodes.ts).
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { DiagnosticCode } from './diagnosticCodes';

export const SOURCE = 'wit';

export function errorDiagnostic(range: Range, message: string, code: DiagnosticCode, data?: unknown): Diagnostic {
  return { range, message, severity: DiagnosticSeverity.Error, source: SOURCE, code, ...(data !== undefined ? { data } : {}) };
}

export function warningDiagnostic(range: Range, message: string, code: DiagnosticCode, data?: unknown): Diagnostic {
  return { range, message, severity: DiagnosticSeverity.Warning, source: SOURCE, code, ...(data !== undefined ? { data } : {}) };
}
