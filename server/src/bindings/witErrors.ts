// A WIT with errors is refused with the server's own diagnostics (file, line,
// message) rather than jco's or wit-bindgen's location-less wording.
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';

export interface WitError {
  uri: string;
  diagnostic: Diagnostic;
}

export class WitErrorsError extends Error {
  constructor(
    readonly errors: WitError[],
    packageDir: string,
  ) {
    super(formatWitErrors(errors, packageDir));
  }
}

/** Errors (severity 1) among diagnostics by uri, each uri once, in file then line order. */
export function collectErrors(byUri: Iterable<[string, Diagnostic[]]>): WitError[] {
  const seen = new Set<string>();
  const errors: WitError[] = [];
  for (const [uri, diagnostics] of byUri) {
    for (const d of diagnostics) {
      if (d.severity !== 1) continue;
      const key = `${uri}|${d.range.start.line}|${d.range.start.character}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push({ uri, diagnostic: d });
    }
  }
  return errors.sort((a, b) => a.uri.localeCompare(b.uri) || a.diagnostic.range.start.line - b.diagnostic.range.start.line);
}

/** `The WIT has errors:\n  types.wit:12:5: expected ...` (paths relative to the package). */
export function formatWitErrors(errors: WitError[], packageDir: string): string {
  const lines = errors.map(({ uri, diagnostic: d }) => {
    const file = path.relative(packageDir, URI.parse(uri).fsPath) || URI.parse(uri).fsPath;
    return `  ${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`;
  });
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return `The WIT has ${count}; bindings were not generated:\n${lines.join('\n')}`;
}
