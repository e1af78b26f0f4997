// What the WAC differential testers share: a seeded generator (a failing mutant can be
// replayed), the WAC grammar, the checker's own diagnostics of a text (as the server
// publishes them at each edit) and what `wac compose` says of it.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { positionAt } from '../../server/src/wac/wacCheck';
import { parseWacErrors } from '../../server/src/wac/wacErrors';
import { semanticDiagnostics } from '../../server/src/wac/wacMerge';
import { wacPackage } from '../../server/src/wac/wacPackages';
import { checkWacSemantics } from '../../server/src/wac/wacSemantics';
import { wacSyntaxErrors } from '../../server/src/wac/wacSyntaxErrors';
import { WacGrammar } from '../../server/src/wac/wacSyntaxTree';
import { repoRoot } from './wacTokenizer';

const run = promisify(execFile);

/** The differential testers' seeded generator (mulberry32), so a failing mutant can be replayed. */
export { rng as random } from '../conformance/mutations';

export async function grammar(): Promise<WacGrammar> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-wac-grammar-'));
  fs.copyFileSync(path.join(repoRoot, 'node_modules/web-tree-sitter/tree-sitter.wasm'), path.join(dir, 'tree-sitter.wasm'));
  fs.copyFileSync(path.join(repoRoot, 'grammar-wac/tree-sitter-wac.wasm'), path.join(dir, 'tree-sitter-wac.wasm'));
  fs.copyFileSync(path.join(repoRoot, 'grammar/tree-sitter-wit.wasm'), path.join(dir, 'tree-sitter-wit.wasm'));
  return WacGrammar.load(dir);
}

/** The checker's own diagnostics of `text`, as the server publishes them at each edit: syntax errors, else semantics. */
export function ownDiagnostics(g: WacGrammar, text: string, depsDir: string): { syntax: boolean; diagnostics: Diagnostic[] } {
  const tree = g.parse(text);
  assert.ok(tree, 'parsed within the budget');
  try {
    const syntax = wacSyntaxErrors(tree, text, (rest) => g.parse(rest));
    if (syntax.length)
      return {
        syntax: true,
        diagnostics: syntax.map((e) => ({
          range: { start: positionAt(text, e.start), end: positionAt(text, e.end) },
          severity: DiagnosticSeverity.Error,
          message: e.message,
        })),
      };
    return {
      syntax: false,
      diagnostics: semanticDiagnostics(
        checkWacSemantics(tree, text, (n, v) => wacPackage(depsDir, n, v, g.parseWit)),
        text,
      ),
    };
  } finally {
    tree.delete();
  }
}

export const firstError = (ds: Diagnostic[]) => ds.find((d) => d.severity === DiagnosticSeverity.Error);
export const described = (d: Diagnostic | undefined, theirs: string) =>
  !d
    ? 'ok'
    : theirs.startsWith('- ')
      ? theirs
      : `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.message).split('\n')[0]}`;

/** `wac compose` of `text` saved as `dir`/mutant.wac: 'ok', or its error as `line:column message` (`-` without a location). */
export async function composeVerdict(wac: string, dir: string, text: string): Promise<string> {
  const file = path.join(dir, 'mutant.wac');
  fs.writeFileSync(file, text);
  try {
    await run(wac, ['compose', file, '-o', path.join(dir, 'mutant.wasm')], { cwd: dir, env: { ...process.env, RUST_BACKTRACE: '0' } });
    return 'ok';
  } catch (e) {
    const [err] = parseWacErrors(String((e as { stderr?: string }).stderr));
    return err ? `${err.line === undefined ? '-' : `${err.line + 1}:${(err.column ?? 0) + 1}`} ${err.message}` : 'error';
  }
}

/** A mutation: one line taken out at random. */
export function deleteLine(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  lines.splice(Math.floor(rnd() * lines.length), 1);
  return lines.join('\n');
}

/** A mutation: a random line repeated at a random place. */
export function duplicateLine(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const i = Math.floor(rnd() * lines.length);
  lines.splice(i, 0, lines[Math.floor(rnd() * lines.length)]);
  return lines.join('\n');
}
