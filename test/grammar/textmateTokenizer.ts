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

let grammar: Promise<IGrammar> | undefined;

async function loadGrammar(): Promise<IGrammar> {
  const onigWasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(onigWasm);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.wit' ? parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const loaded = await registry.loadGrammar('source.wit');
  if (!loaded) throw new Error(`could not load ${grammarPath}`);
  return loaded;
}

/** The tokens of each line of `text`, carrying the grammar's state across lines as an editor does. */
export async function tokenize(text: string): Promise<Token[][]> {
  grammar ??= loadGrammar();
  const witGrammar = await grammar;
  let state = INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = witGrammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      start: t.startIndex,
      end: Math.min(t.endIndex, line.length),
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
}
