// The one place that knows how WIT text becomes a tree-sitter tree.
// web-tree-sitter needs an async, once-per-process initialisation of its
// runtime and an async load of the grammar; after that, parsing is synchronous
// and incremental. The loaded grammar is a value (`WitGrammar`) handed to the
// language service, so no parser can exist before it is loaded.
import { Parser, Language, type Tree, type Node, type Point } from 'web-tree-sitter';
import * as path from 'node:path';

export type { Tree, Node, Point, Language };

/** web-tree-sitter's runtime is per process; its initialisation is shared by every load. */
let runtime: Promise<void> | undefined;
/** Loaded grammars by folder: services made in one process share one compiled grammar. */
const loaded = new Map<string, Promise<WitGrammar>>();

export class WitGrammar {
  private constructor(readonly language: Language) {}

  /** Loads the runtime and the WIT grammar from `wasmDir` (holds tree-sitter.wasm and tree-sitter-wit.wasm). */
  static load(wasmDir: string): Promise<WitGrammar> {
    let grammar = loaded.get(wasmDir);
    if (!grammar) {
      grammar = (async () => {
        runtime ??= Parser.init({ locateFile: (name: string) => path.join(wasmDir, name) });
        await runtime;
        return new WitGrammar(await Language.load(path.join(wasmDir, 'tree-sitter-wit.wasm')));
      })();
      loaded.set(wasmDir, grammar);
      // A failed load (missing file) is not kept: the next call tries again.
      grammar.catch(() => loaded.delete(wasmDir));
    }
    return grammar;
  }

  createParser(): WitParser {
    return new WitParser(this.language);
  }
}

export class WitParser {
  private readonly parser: Parser;
  constructor(language: Language) {
    this.parser = new Parser();
    this.parser.setLanguage(language);
  }
  /** Parses `text`; pass the previous tree (already `edit`ed) for an incremental reparse. */
  parse(text: string, previous?: Tree): Tree {
    const tree = this.parser.parse(text, previous ?? null);
    if (!tree) throw new Error('tree-sitter returned no tree');
    return tree;
  }
}
