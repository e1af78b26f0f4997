// The one place that knows how WIT text becomes a tree-sitter tree.
// web-tree-sitter needs an async, once-per-process initialisation of its
// runtime; after that, parsing is synchronous and incremental.
import { Parser, Language, type Tree, type Node, type Point } from 'web-tree-sitter';
import * as path from 'node:path';

export type { Tree, Node, Point };

let language: Language | undefined;

/** Loads the runtime and the WIT grammar from `wasmDir` (holds tree-sitter.wasm and tree-sitter-wit.wasm). */
export async function initParser(wasmDir: string): Promise<void> {
  if (language) return;
  await Parser.init({ locateFile: (name: string) => path.join(wasmDir, name) });
  language = await Language.load(path.join(wasmDir, 'tree-sitter-wit.wasm'));
}

export class WitParser {
  private readonly parser: Parser;
  constructor() {
    if (!language) throw new Error('initParser() must finish before parsing');
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

export function witLanguage(): Language {
  if (!language) throw new Error('initParser() must finish first');
  return language;
}
