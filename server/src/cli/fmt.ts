// `wit-devkit fmt [--check]`: the language server's formatter over files.
// Writes changed files in place; with --check lists the files that are not
// formatted and changes nothing. A file with syntax errors is never touched
// (the formatter refuses it, as in the editor) and counts as a failure.
import * as fs from 'node:fs';
import type { WitLanguageService } from '../core/index';
import { pathToUri } from '../core/index';
import { displayPath } from './files';

export interface FmtOutcome {
  /** Files not in the canonical style (rewritten unless checking). */
  changed: string[];
  /** Files left alone because they do not parse. */
  broken: string[];
}

export function formatFiles(service: WitLanguageService, files: readonly string[], write: boolean): FmtOutcome {
  const outcome: FmtOutcome = { changed: [], broken: [] };
  for (const file of files) {
    const uri = pathToUri(file);
    const doc = service.document(uri);
    const formatted = service.formattedText(uri);
    if (!doc || formatted === undefined) {
      outcome.broken.push(file);
      continue;
    }
    if (formatted === doc.text) continue;
    outcome.changed.push(file);
    if (write) fs.writeFileSync(file, formatted);
  }
  return outcome;
}

export function reportFmt(outcome: FmtOutcome, check: boolean, cwd: string): { stdout: string; stderr: string; code: number } {
  const stdout = outcome.changed.map((f) => (check ? displayPath(f, cwd) : `formatted ${displayPath(f, cwd)}`)).join('\n');
  const stderr = outcome.broken
    .map((f) => `${displayPath(f, cwd)}: not formatted: it has syntax errors (wit-devkit check shows them)`)
    .join('\n');
  const failed = outcome.broken.length > 0 || (check && outcome.changed.length > 0);
  return { stdout: stdout ? stdout + '\n' : '', stderr: stderr ? stderr + '\n' : '', code: failed ? 1 : 0 };
}
