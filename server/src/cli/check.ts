// `wit-devkit check`: every diagnostic the language server would show, for
// every package root the operands reach, each root analysed once.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { WitLanguageService } from '../core/index';
import { pathToUri, uriToPath } from '../core/index';

export interface FileDiagnostic {
  /** Absolute path of the file. */
  file: string;
  diagnostic: Diagnostic;
}

export interface CheckResult {
  files: number;
  diagnostics: FileDiagnostic[];
}

export function checkFiles(service: WitLanguageService, files: readonly string[]): CheckResult {
  const seen = new Set<string>();
  const out: FileDiagnostic[] = [];
  for (const file of files) {
    if (seen.has(file)) continue;
    // The diagnostics of the whole root (package and deps/) that holds the file.
    for (const [uri, list] of service.diagnostics(pathToUri(file))) {
      const p = uriToPath(uri);
      if (seen.has(p)) continue;
      seen.add(p);
      for (const diagnostic of list) out.push({ file: p, diagnostic });
    }
    seen.add(file);
  }
  out.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.diagnostic.range.start.line - b.diagnostic.range.start.line ||
      a.diagnostic.range.start.character - b.diagnostic.range.start.character,
  );
  return { files: seen.size, diagnostics: out };
}
