// Small tree helpers the features share. Every walk uses an explicit stack:
// WIT trees from hostile input can be deeper than the JS call stack allows.
import type { Node, Tree } from '../parser';

/** Every leaf token of the tree (comments included), in source order. */
export function leafTokens(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.childCount === 0) {
      if (node.endIndex > node.startIndex || node.isMissing) out.push(node);
      continue;
    }
    for (let i = node.childCount - 1; i >= 0; i--) stack.push(node.child(i)!);
  }
  return out;
}

/** Calls `visit` on every node, parents before children, in source order. */
export function forEachNode(root: Node, visit: (node: Node) => void | 'skip'): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (visit(node) === 'skip') continue;
    for (let i = node.childCount - 1; i >= 0; i--) stack.push(node.child(i)!);
  }
}

/** The smallest node spanning `offset` (the token just before it when it sits at a token's end). */
export function nodeAtOffset(tree: Tree, offset: number): Node {
  return tree.rootNode.descendantForIndex(offset, offset) ?? tree.rootNode;
}

/** The identifier token under or touching `offset`, if any. */
export function identifierAt(tree: Tree, offset: number): Node | undefined {
  const at = tree.rootNode.descendantForIndex(offset, offset);
  if (at?.type === 'identifier') return at;
  if (offset > 0) {
    const before = tree.rootNode.descendantForIndex(offset - 1, offset - 1);
    if (before?.type === 'identifier' && before.endIndex === offset) return before;
  }
  return undefined;
}

/** The nearest ancestor (or the node itself) of one of the given types. */
export function ancestorOfType(node: Node | null, ...types: string[]): Node | undefined {
  for (let n = node; n; n = n.parent) if (types.includes(n.type)) return n;
  return undefined;
}

/** The name as declared, without the `%` escape. */
export function unescapeName(text: string): string {
  return text.startsWith('%') ? text.slice(1) : text;
}

export const COMMENT_TYPES = new Set(['line_comment', 'block_comment']);

export function isComment(node: Node): boolean {
  return COMMENT_TYPES.has(node.type);
}
