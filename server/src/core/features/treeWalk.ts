// Small tree helpers the features share. Every walk uses an explicit stack:
// WIT trees from hostile input can be deeper than the JS call stack allows.
import type { Node, Tree } from '../parser';
import { checkBudget } from '../budget';

/** Every leaf token of the tree (comments included), in source order. */
export function leafTokens(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    checkBudget();
    const node = stack.pop()!;
    if (node.childCount === 0) {
      if (node.endIndex > node.startIndex || node.isMissing) out.push(node);
      continue;
    }
    pushChildren(stack, node);
  }
  return out;
}

/**
 * Calls `visit` on every node, parents before children, in source order, with
 * the node's parent (asking `node.parent` instead is a walk down from the root).
 */
export function forEachNode(root: Node, visit: (node: Node, parent: Node | null) => void | 'skip'): void {
  const stack: Node[] = [root];
  const parents: Array<Node | null> = [null];
  while (stack.length) {
    checkBudget();
    const node = stack.pop()!;
    const parent = parents.pop()!;
    if (visit(node, parent) === 'skip') continue;
    const before = stack.length;
    pushChildren(stack, node);
    for (let i = before; i < stack.length; i++) parents.push(node);
  }
}

/**
 * `node` and its ancestors, innermost first. tree-sitter keeps no parent
 * links: each `node.parent` walks down from the root, so climbing with it is
 * quadratic in the depth; this is one walk down.
 */
export function ancestry(node: Node): Node[] {
  const down: Node[] = [];
  for (let n: Node | null = node.tree.rootNode; n; n = n.childWithDescendant(node)) {
    checkBudget();
    down.push(n);
    if (n.equals(node)) break;
  }
  if (!down[down.length - 1].equals(node)) down.push(node);
  return down.reverse();
}

/**
 * Pushes a node's children, last first. `children` reads them all in one call;
 * `child(i)` walks from the first child each time, which is quadratic in wide
 * nodes (an interface of 20,000 types).
 */
function pushChildren(stack: Node[], node: Node): void {
  if (node.childCount === 0) return;
  const children = node.children;
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
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
  return node ? ancestry(node).find((a) => types.includes(a.type)) : undefined;
}

/** The name as declared, without the `%` escape. */
export function unescapeName(text: string): string {
  return text.startsWith('%') ? text.slice(1) : text;
}

export const COMMENT_TYPES = new Set(['line_comment', 'block_comment']);

export function isComment(node: Node): boolean {
  return COMMENT_TYPES.has(node.type);
}
