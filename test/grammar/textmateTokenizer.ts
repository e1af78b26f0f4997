// Tokenizes WIT with the extension's TextMate grammar exactly as VS Code does:
// vscode-textmate driving the Oniguruma regex engine compiled to wasm.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { repoRoot } from './corpusFiles';

export const grammarPath = path.join(repoRoot, 'syntaxes', 'wit.tmLanguage.json');

export interface Token {
  /** Column range [start, end) on its line. */
  start: number;
  end: number;
  text: string;
  /** Scopes from the outermost (`source.wit`) to the innermost. */
  scopes: string[];
}

/** Oniguruma's wasm loads once per process, whichever grammar asks first. */
let onig: Promise<void> | undefined;

/** A tokenizer for the TextMate grammar `scopeName` in `file` (WIT's, WAC's). */
export function grammarTokenizer(scopeName: string, file: string): (text: string) => Promise<Token[][]> {
  let grammar: Promise<IGrammar> | undefined;
  const load = async (): Promise<IGrammar> => {
    onig ??= oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
    await onig;
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
        createOnigString: (text: string) => oniguruma.createOnigString(text),
      }),
      loadGrammar: async (name: string) => (name === scopeName ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null),
    });
    const loaded = await registry.loadGrammar(scopeName);
    if (!loaded) throw new Error(`could not load ${file}`);
    return loaded;
  };
  // The tokens of each line of `text`, carrying the grammar's state across lines as an editor does.
  return async (text) => {
    grammar ??= load();
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
  };
}

/** The tokens of each line of WIT `text`, carrying the grammar's state across lines as an editor does. */
export const tokenize = grammarTokenizer('source.wit', grammarPath);
