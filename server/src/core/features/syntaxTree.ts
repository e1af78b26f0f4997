// The tree-sitter tree of a document as indented text, for "Show Syntax Tree".
import type { WitDocument } from '../document';
import type { Node } from '../parser';

export function printSyntaxTree(doc: WitDocument): string {
  const out: string[] = [];
  // An explicit stack: trees can be deeper than the JS call stack allows.
  const stack: Array<{ node: Node; depth: number; field: string | null }> = [
    { node: doc.tree.rootNode, depth: 0, field: null },
  ];
  while (stack.length) {
    const { node, depth, field } = stack.pop()!;
    const s = node.startPosition, e = node.endPosition;
    const label = node.isMissing ? `MISSING ${node.type}` : node.type;
    const text = node.childCount === 0 && node.isNamed ? ` ${JSON.stringify(node.text.slice(0, 60))}` : '';
    out.push(`${'  '.repeat(depth)}${field ? field + ': ' : ''}${label} [${s.row + 1}:${s.column + 1}-${e.row + 1}:${e.column + 1}]${text}`);
    const kids: Array<{ node: Node; depth: number; field: string | null }> = [];
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i)!;
      if (!child.isNamed && !child.isMissing && child.type !== 'ERROR') continue;
      kids.push({ node: child, depth: depth + 1, field: node.fieldNameForChild(i) });
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out.join('\n') + '\n';
}
