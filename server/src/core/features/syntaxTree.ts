// The tree-sitter tree of a document as indented text, for "Show Syntax Tree".
import type { WitDocument } from '../document';
import type { Node } from '../parser';
import { checkBudget } from '../budget';

/** Indentation stops growing here; deeper lines say their depth instead (the text stays linear in the tree). */
const MAX_INDENT = 60;

export function printSyntaxTree(doc: WitDocument): string {
  const out: string[] = [];
  // A cursor walk: no recursion (trees can be deeper than the JS stack), and
  // field names come from the cursor (`fieldNameForChild(i)` scans the children).
  const cursor = doc.tree.walk();
  let depth = 0;
  for (;;) {
    checkBudget();
    const node = cursor.currentNode;
    if (depth === 0 || node.isNamed || node.isMissing || node.type === 'ERROR') {
      out.push(line(node, depth, cursor.currentFieldName ?? null));
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return out.join('\n') + '\n';
      depth--;
    }
  }
}

function line(node: Node, depth: number, field: string | null): string {
  const s = node.startPosition,
    e = node.endPosition;
  const label = node.isMissing ? `MISSING ${node.type}` : node.type;
  const text = node.childCount === 0 && node.isNamed ? ` ${JSON.stringify(node.text.slice(0, 60))}` : '';
  const indent = depth <= MAX_INDENT ? '  '.repeat(depth) : `${'  '.repeat(MAX_INDENT)}[depth ${depth}] `;
  return `${indent}${field ? field + ': ' : ''}${label} [${s.row + 1}:${s.column + 1}-${e.row + 1}:${e.column + 1}]${text}`;
}
