// Tokenizes WAC with the extension's TextMate grammar (syntaxes/wac.tmLanguage.json) as VS
// Code does: vscode-textmate driving Oniguruma compiled to wasm.
import * as path from 'node:path';
import { grammarTokenizer } from '../grammar/textmateTokenizer';

export const repoRoot = path.resolve(__dirname, '../..');
export const wacGrammarPath = path.join(repoRoot, 'syntaxes', 'wac.tmLanguage.json');

/** WAC's tokens, from the same tokenizer the WIT grammar tests use. */
export const tokenize = grammarTokenizer('source.wac', wacGrammarPath);

/** The innermost scope of the token that is exactly `needle`, at its `occurrence`-th whole-word appearance. */
export async function scopeOf(source: string, needle: string, occurrence = 0): Promise<string> {
  const lines = source.split('\n');
  const before = /^[A-Za-z0-9]/.test(needle) ? '(?<![A-Za-z0-9%-])' : '';
  const after = /[A-Za-z0-9]$/.test(needle) ? '(?![A-Za-z0-9-])' : '';
  const pattern = new RegExp(before + needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + after, 'g');
  const hits = lines.flatMap((line, row) => [...line.matchAll(pattern)].map((m) => ({ row, column: m.index ?? 0 })));
  const hit = hits[occurrence];
  if (!hit) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  const token = (await tokenize(source))[hit.row].find((t) => t.start <= hit.column && hit.column < t.end);
  if (!token || token.text !== needle) throw new Error(`"${needle}" is not one token (got ${JSON.stringify(token?.text)})`);
  return token.scopes[token.scopes.length - 1];
}
