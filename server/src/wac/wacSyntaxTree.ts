// WAC documents as tree-sitter trees (grammar-wac/tree-sitter-wac.wasm), for the features
// that read their structure: syntax errors, semantic tokens, symbols and folding. The
// web-tree-sitter runtime is the one the WIT grammar uses (initialised once per process by
// the core); only the WAC language is loaded here. A document's tree is kept until its text
// changes, so the requests after an edit share one parse.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Parser, type Language } from 'web-tree-sitter';
import { loadLanguage, PARSE_BUDGET_MS, WitGrammar, type Tree } from '../core/index';
import type { WitParse } from './wacDefinitions';
import { wacSyntaxErrors, type WacSyntaxError } from './wacSyntaxErrors';

export class WacGrammar {
  private readonly parser: Parser;
  /**
   * Parses the WIT of a package folder in deps/ (its interfaces and worlds are what a
   * package path names); undefined without tree-sitter-wit.wasm beside the WAC grammar.
   */
  readonly parseWit: WitParse | undefined;

  private constructor(language: Language, wit: WitGrammar | undefined) {
    this.parser = new Parser();
    this.parser.setLanguage(language);
    const witParser = wit?.createParser();
    this.parseWit = witParser && ((text) => witParser.parse(text));
  }

  /** Loads tree-sitter-wac.wasm from `wasmDir` (beside tree-sitter.wasm and, when there, tree-sitter-wit.wasm). */
  static async load(wasmDir: string): Promise<WacGrammar> {
    const language = await loadLanguage(wasmDir, 'tree-sitter-wac.wasm');
    const wit = existsSync(path.join(wasmDir, 'tree-sitter-wit.wasm')) ? await WitGrammar.load(wasmDir) : undefined;
    return new WacGrammar(language, wit);
  }

  /**
   * The tree of `text`, or undefined when the parse took longer than the WIT grammar's
   * budget (tree-sitter's recovery on thousands of unclosed brackets): the features then
   * have no tree to read, and wac still checks the document.
   */
  parse(text: string): Tree | undefined {
    const deadline = performance.now() + PARSE_BUDGET_MS;
    const tree = this.parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
    if (!tree) this.parser.reset();
    return tree ?? undefined;
  }
}

/** The trees of open WAC documents, by uri, each for the text it was parsed from. */
export class WacTrees {
  private readonly trees = new Map<string, { text: string; tree: Tree | undefined }>();

  constructor(private readonly grammar: Promise<WacGrammar>) {}

  /** The tree of `text` (the document `uri`'s current text), parsed once per text. */
  async tree(uri: string, text: string): Promise<Tree | undefined> {
    const grammar = await this.grammar;
    const kept = this.trees.get(uri);
    if (kept?.text === text) return kept.tree;
    kept?.tree?.delete();
    const tree = grammar.parse(text);
    this.trees.set(uri, { text, tree });
    return tree;
  }

  /** The syntax errors of `text` (the document `uri`'s), every one; undefined without a tree. */
  async syntaxErrors(uri: string, text: string): Promise<WacSyntaxError[] | undefined> {
    const tree = await this.tree(uri, text);
    if (!tree) return undefined;
    const grammar = await this.grammar;
    return wacSyntaxErrors(tree, text, (rest) => grammar.parse(rest));
  }

  /** The WIT parser of package folders, once the grammars are loaded. */
  async parseWit(): Promise<WitParse | undefined> {
    return (await this.grammar).parseWit;
  }

  forget(uri: string): void {
    this.trees.get(uri)?.tree?.delete();
    this.trees.delete(uri);
  }
}
