// How `check` prints its diagnostics: `human` (file:line:col: error: message,
// what compilers print and editors' problem matchers read), `github` (workflow
// commands, which GitHub turns into annotations on the pull request) and `json`.
// Lines and columns are 1-based; columns count UTF-16 code units, as LSP does.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CheckResult, FileDiagnostic } from './check';
import { displayPath } from './files';

export function severityName(d: Diagnostic): 'error' | 'warning' | 'note' {
  if (d.severity === undefined || d.severity === DiagnosticSeverity.Error) return 'error';
  return d.severity === DiagnosticSeverity.Warning ? 'warning' : 'note';
}

/** The message as plain text (LSP 3.18 lets a diagnostic carry markup). */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function countErrors(result: CheckResult): { errors: number; warnings: number } {
  let errors = 0,
    warnings = 0;
  for (const { diagnostic } of result.diagnostics) {
    const s = severityName(diagnostic);
    if (s === 'error') errors++;
    else if (s === 'warning') warnings++;
  }
  return { errors, warnings };
}

export function formatHuman(result: CheckResult, cwd: string): string {
  const lines = result.diagnostics.map(
    ({ file, diagnostic: d }) =>
      `${displayPath(file, cwd)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityName(d)}: ${oneLine(messageText(d))}`,
  );
  const { errors, warnings } = countErrors(result);
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(result.files, 'file')}`);
  return lines.join('\n') + '\n';
}

/**
 * GitHub workflow commands: `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::MESSAGE`.
 * Escaping as the runner expects (actions/toolkit's command.ts): `%`, CR and
 * LF in the message; those and `:` and `,` in property values.
 */
export function formatGithub(result: CheckResult, cwd: string): string {
  return result.diagnostics.map((fd) => githubLine(fd, cwd)).join('\n') + (result.diagnostics.length ? '\n' : '');
}

function githubLine({ file, diagnostic: d }: FileDiagnostic, cwd: string): string {
  const command = severityName(d) === 'note' ? 'notice' : severityName(d);
  const props = [
    ['file', displayPath(file, cwd)],
    ['line', String(d.range.start.line + 1)],
    ['col', String(d.range.start.character + 1)],
    ['endLine', String(d.range.end.line + 1)],
    ['endColumn', String(d.range.end.character + 1)],
    ['title', `wit ${severityName(d)}`],
  ]
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  return `::${command} ${props}::${escapeData(messageText(d))}`;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatJson(result: CheckResult, cwd: string): string {
  const { errors, warnings } = countErrors(result);
  return (
    JSON.stringify(
      {
        files: result.files,
        errors,
        warnings,
        diagnostics: result.diagnostics.map(({ file, diagnostic: d }) => ({
          file: displayPath(file, cwd),
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: severityName(d),
          message: messageText(d),
          ...(d.code !== undefined ? { code: String(d.code) } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

function oneLine(s: string): string {
  return s.replace(/\r?\n/g, ' / ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
