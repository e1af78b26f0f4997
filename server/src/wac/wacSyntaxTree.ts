// WAC documents as tree-sitter trees (grammar-wac/tree-sitter-wac.wasm), for the features
// that read their structure: syntax errors, semantic tokens, symbols and folding. The
// web-tree-sitter runtime is the one the WIT grammar uses (initialised once per process by
// the core); only the WAC language is loaded here. A document's tree is kept until its text
// changes, so the requests after an edit share one parse.
import { Parser, type Language } from 'web-tree-sitter';
import { loadLanguage, PARSE_BUDGET_MS, type Tree } from '../core/index';
import { wacSyntaxErrors, type WacSyntaxError } from './wacSyntaxErrors';

export class WacGrammar {
  private readonly parser: Parser;

  private constructor(language: Language) {
    this.parser = new Parser();
    this.parser.setLanguage(language);
  }

  /** Loads tree-sitter-wac.wasm from `wasmDir` (beside tree-sitter.wasm and tree-sitter-wit.wasm). */
  static async load(wasmDir: string): Promise<WacGrammar> {
    return new WacGrammar(await loadLanguage(wasmDir, 'tree-sitter-wac.wasm'));
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

  forget(uri: string): void {
    this.trees.get(uri)?.tree?.delete();
    this.trees.delete(uri);
  }
}
