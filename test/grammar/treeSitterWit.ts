// Loads the committed tree-sitter-wit grammar (grammar/tree-sitter-wit.wasm) into the real
// web-tree-sitter runtime, as the language server does, and reports where a parse failed.
import * as path from 'node:path';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { repoRoot } from './corpusFiles';

let language: Promise<Language> | undefined;
let parser: Promise<Parser> | undefined;

/** The WIT language, loaded once. */
export function witLanguage(): Promise<Language> {
  language ??= (async () => {
    const runtimeDir = path.join(repoRoot, 'node_modules', 'web-tree-sitter');
    await Parser.init({ locateFile: (name: string) => path.join(runtimeDir, name) });
    return Language.load(path.join(repoRoot, 'grammar', 'tree-sitter-wit.wasm'));
  })();
  return language;
}

async function createParser(): Promise<Parser> {
  const wit = await witLanguage(); // also initializes the runtime, which `new Parser()` needs
  const p = new Parser();
  p.setLanguage(wit);
  return p;
}

/** The syntax tree of `source`; the caller deletes it. */
export async function parseWit(source: string): Promise<Tree> {
  parser ??= createParser();
  const tree = (await parser).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** `ERROR` and `MISSING` nodes of `source`'s tree, as `row:column kind "text"` (1-based). */
export async function syntaxErrors(source: string): Promise<string[]> {
  const tree = await parseWit(source);
  const errors: string[] = [];
  const visit = (node: Node): void => {
    if (node.isError || node.isMissing) {
      const at = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      errors.push(`${at} ${node.isMissing ? `MISSING ${node.type}` : 'ERROR'} ${JSON.stringify(node.text)}`);
    }
    if (node.hasError || node.isMissing) for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  return errors;
}
