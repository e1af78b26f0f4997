// Walks over a tree-sitter tree's tokens, for grammars whose syntax errors are
// found by replaying the tokens around an ERROR against the parse table (WIT's
// syntaxErrors.ts, WAC's wacSyntaxErrors.ts). A grammar says which leaves are
// not tokens (its comments; for WAC also empty ERROR leaves).
import type { Language, Node } from '../parser';
import { childrenWithErrors } from './rawCursor';

/** Leaves that count as no token (comments ...); zero-width leaves never count. */
export type NotToken = (leaf: Node) => boolean;

const isToken = (n: Node, skip: NotToken) => n.childCount === 0 && n.endIndex > n.startIndex && !skip(n);

/** ERROR and MISSING nodes, outermost first, in document order. */
export function errorNodes(root: Node): Node[] {
  if (!root.hasError) return [];
  if (root.type === 'ERROR' || root.isMissing) return [root];
  // The children with an error found without a Node for each (rawCursor.ts); then only those are walked.
  const flagged = childrenWithErrors(root);
  if (!flagged) return errorNodesBelow(root);
  const out: Node[] = [];
  for (const i of flagged) {
    const child = root.child(i);
    if (child) out.push(...errorNodesBelow(child));
  }
  return out;
}

function errorNodesBelow(top: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [top];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'ERROR' || n.isMissing) {
      out.push(n);
      continue;
    }
    if (!n.hasError) continue;
    // All children in one call: child(i) walks from the first child each time,
    // quadratic over the hundreds of items of a big file.
    const children = n.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/**
 * The tokens inside a node, in order, walked with a cursor (bounded by the
 * node), made as they are asked for: a search for the rejected token stops at
 * it, and an error node may hold thousands (a broken tail of a big file).
 */
export function* leavesOf(node: Node, skip: NotToken, limit: number): Generator<Node> {
  const cursor = node.walk();
  let descending = true;
  let count = 0;
  try {
    for (;;) {
      if (descending && cursor.gotoFirstChild()) continue;
      const n = cursor.currentNode;
      if (isToken(n, skip)) {
        yield n;
        if (++count > limit) break;
      }
      if (cursor.gotoNextSibling()) {
        descending = true;
        continue;
      }
      if (!cursor.gotoParent() || cursor.currentNode.id === node.id) break;
      descending = false;
    }
  } finally {
    cursor.delete();
  }
}

// Both searches below go down from the root, level by level, to the token:
// starting from the smallest node around the offset and stepping with
// previousSibling/nextSibling went through a big node's children one by one,
// each step itself a walk over them in tree-sitter (40 ms for one broken edit
// inside WASI http's 60-member interface). A level's children are found by a
// binary search over their offsets, each made a Node only when looked at: all
// of the root's children as Nodes were ~50 KB of garbage per keystroke on a
// 5,000-line file (an error at its end).

/** The first token starting at or after `offset`. */
export function leafAtOrAfter(root: Node, offset: number, skip: NotToken): Node | undefined {
  const stack: { kids: Level; i: number }[] = [];
  let kids = levelOf(root);
  let i = kids.firstEndingAfter(offset);
  for (;;) {
    if (i >= kids.count) {
      const up = stack.pop();
      if (!up) return undefined;
      kids = up.kids;
      i = up.i + 1;
      continue;
    }
    const n = kids.at(i);
    if (n.startIndex >= offset && isToken(n, skip)) return n;
    if (n.childCount > 0) {
      stack.push({ kids, i });
      kids = levelOf(n);
      i = kids.firstEndingAfter(offset);
      continue;
    }
    i++;
  }
}

/** The last token ending at or before `offset`. */
export function leafBefore(root: Node, offset: number, skip: NotToken): Node | undefined {
  if (offset <= 0) return undefined;
  const stack: { kids: Level; i: number }[] = [];
  let kids = levelOf(root);
  let i = kids.lastStartingBefore(offset);
  for (;;) {
    if (i < 0) {
      const up = stack.pop();
      if (!up) return undefined;
      kids = up.kids;
      i = up.i - 1;
      continue;
    }
    const n = kids.at(i);
    if (n.endIndex <= offset && isToken(n, skip)) return n;
    if (n.childCount > 0) {
      stack.push({ kids, i });
      kids = levelOf(n);
      i = kids.lastStartingBefore(offset);
      continue;
    }
    i--;
  }
}

/**
 * The level below `node`, kept while `node` is: one pass over a file's syntax
 * errors asks from the same root for every error (27,000 in one fuzzed file),
 * and a level's Nodes are the same objects each time, so levels below are kept too.
 */
const levels = new WeakMap<Node, Level>();
function levelOf(node: Node): Level {
  let level = levels.get(node);
  if (!level) levels.set(node, (level = new Level(node)));
  return level;
}

/**
 * The children of one node, each made a Node the first time it is asked for.
 * Children do not overlap, so both their starts and their ends ascend.
 */
class Level {
  readonly count: number;
  private readonly made: (Node | undefined)[] = [];
  constructor(private readonly parent: Node) {
    this.count = parent.childCount;
  }
  at(i: number): Node {
    return (this.made[i] ??= this.parent.child(i)!);
  }
  /** The index of the first child ending after `offset` (count: none). */
  firstEndingAfter(offset: number): number {
    let lo = 0,
      hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).endIndex > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  /** The index of the last child starting before `offset` (-1: none). */
  lastStartingBefore(offset: number): number {
    let lo = 0,
      hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).startIndex < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

// The valid symbols of a parse state, per grammar (asked of the tree's own language).
const lookaheadCache = new WeakMap<Language, Map<number, Set<string>>>();

export function lookaheadOf(language: Language, state: number): Set<string> {
  let byState = lookaheadCache.get(language);
  if (!byState) lookaheadCache.set(language, (byState = new Map()));
  let set = byState.get(state);
  if (set) return set;
  set = new Set();
  const it = language.lookaheadIterator(state);
  if (it) {
    for (const name of it) set.add(name);
    it.delete();
  }
  byState.set(state, set);
  return set;
}
