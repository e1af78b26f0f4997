// Syntax errors from the tree-sitter tree, placed where wit-parser (an LL
// parser) stops: at the first token the grammar cannot accept. tree-sitter's
// ERROR node wraps the construct it gave up on, so the offending token is found
// by replaying the tokens around it against the parse table (lookahead sets).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Node } from '../parser';
import { witLanguage } from '../parser';
import type { WitDocument } from '../document';
import { errorDiagnostic } from '../diagnostic';

export function syntaxErrors(doc: WitDocument): Diagnostic[] {
  const root = doc.tree.rootNode;
  if (!root.hasError) return [];
  const leaves = tokenLeaves(root);
  const out: Diagnostic[] = [];
  let lastEnd = -1;
  for (const problem of errorNodes(root)) {
    if (problem.startIndex < lastEnd) continue;
    if (problem.isMissing) {
      const next = leaves.find((l) => l.startIndex >= problem.endIndex && !l.isMissing);
      const at = next ?? problem;
      out.push(errorDiagnostic(doc.rangeOf(at.startIndex, Math.max(at.endIndex, at.startIndex)), `expected ${describeType(problem.type)}, found ${describeLeaf(next)}`));
      lastEnd = problem.endIndex + 1;
      continue;
    }
    const { token, expected } = offendingToken(leaves, problem);
    const start = token ? token.startIndex : problem.startIndex;
    const end = token ? token.endIndex : problem.startIndex;
    const message = expected.length
      ? `expected ${expected.slice(0, 6).join(', ')}${expected.length > 6 ? ', ...' : ''}, found ${describeLeaf(token)}`
      : `unexpected ${describeLeaf(token)}`;
    out.push(errorDiagnostic(doc.rangeOf(start, Math.max(end, start)), message));
    lastEnd = problem.endIndex;
  }
  return out;
}

/** ERROR and MISSING nodes, outermost first, in document order. */
function errorNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'ERROR' || n.isMissing) { out.push(n); continue; }
    if (!n.hasError) continue;
    for (let i = n.childCount - 1; i >= 0; i--) stack.push(n.child(i)!);
  }
  return out;
}

/** Every token of the tree in order (comments left out), walked with a cursor. */
function tokenLeaves(root: Node): Node[] {
  const out: Node[] = [];
  const cursor = root.walk();
  let descending = true;
  for (;;) {
    if (descending && cursor.gotoFirstChild()) continue;
    const n = cursor.currentNode;
    if (n.childCount === 0 && n.type !== 'line_comment' && n.type !== 'block_comment' && (n.endIndex > n.startIndex || n.isMissing)) out.push(n);
    if (cursor.gotoNextSibling()) { descending = true; continue; }
    if (!cursor.gotoParent()) break;
    descending = false;
  }
  cursor.delete();
  return out;
}

function offendingToken(leaves: Node[], error: Node): { token: Node | undefined; expected: string[] } {
  let first = leaves.findIndex((l) => l.startIndex >= error.startIndex);
  if (first < 0) first = leaves.length;
  let last = first;
  while (last < leaves.length && leaves[last].startIndex < error.endIndex) last++;
  // From the token before the error to the one after it.
  const from = Math.max(0, first - 1);
  const to = Math.min(leaves.length - 1, last);
  let afterUnknown: Node | undefined;
  for (let i = from; i < to; i++) {
    const a = leaves[i], b = leaves[i + 1];
    const state = a.nextParseState;
    if (state === 0) {
      afterUnknown ??= b;
      continue;
    }
    const valid = lookahead(state);
    if (!valid.has(b.type)) return { token: b, expected: describeExpected(valid) };
  }
  if (last >= leaves.length && first < leaves.length && error.endIndex >= (leaves[leaves.length - 1]?.endIndex ?? 0)) {
    return { token: afterUnknown ?? leaves[first], expected: [] };
  }
  return { token: afterUnknown ?? leaves[first], expected: [] };
}

const lookaheadCache = new Map<number, Set<string>>();
function lookahead(state: number): Set<string> {
  let set = lookaheadCache.get(state);
  if (set) return set;
  set = new Set();
  const it = witLanguage().lookaheadIterator(state);
  if (it) {
    for (const name of it) set.add(name);
    it.delete();
  }
  lookaheadCache.set(state, set);
  return set;
}

function describeExpected(valid: Set<string>): string[] {
  const names = [...valid].filter((n) => n !== 'line_comment' && n !== 'block_comment' && n !== 'end' && !n.startsWith('_') && n !== 'ERROR');
  return names.map(describeType);
}

function describeType(type: string): string {
  if (type === 'identifier') return 'an identifier';
  if (type === 'version') return 'a version';
  if (type === 'integer') return 'fixed-length';
  if (/^[a-z][a-z0-9-]*$/.test(type)) return `keyword \`${type}\``;
  if (/_/.test(type)) return type.replace(/_/g, ' ');
  return `'${type}'`;
}

function describeLeaf(node: Node | undefined): string {
  if (!node || node.endIndex === node.startIndex) return 'eof';
  const text = node.text;
  if (node.type === 'identifier') return 'an identifier';
  if (/^[a-z][a-z0-9-]*$/.test(node.type) && node.type === text) return `keyword \`${text}\``;
  return `'${text.slice(0, 40)}'`;
}
