// Tokenizes WAC with the extension's TextMate grammar (syntaxes/wac.tmLanguage.json) as VS
// Code does: vscode-textmate driving Oniguruma compiled to wasm.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

export const repoRoot = path.resolve(__dirname, '../..');
export const wacGrammarPath = path.join(repoRoot, 'syntaxes', 'wac.tmLanguage.json');

export interface Token {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

let grammar: Promise<IGrammar> | undefined;
let onigLoaded: Promise<void> | undefined;

async function loadGrammar(): Promise<IGrammar> {
  onigLoaded ??= oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  await onigLoaded.catch(() => undefined); // already loaded by another suite in this process
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.wac' ? parseRawGrammar(fs.readFileSync(wacGrammarPath, 'utf8'), wacGrammarPath) : null,
  });
  const loaded = await registry.loadGrammar('source.wac');
  if (!loaded) throw new Error(`could not load ${wacGrammarPath}`);
  return loaded;
}

/** The tokens of each line, carrying the grammar's state across lines as an editor does. */
export async function tokenize(text: string): Promise<Token[][]> {
  grammar ??= loadGrammar();
  const g = await grammar;
  let state = INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = g.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      start: t.startIndex,
      end: Math.min(t.endIndex, line.length),
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
}

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
