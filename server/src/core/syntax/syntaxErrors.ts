// Syntax errors from the tree-sitter tree, placed where wit-parser (an LL
// parser) stops: at the first token the grammar cannot accept. tree-sitter's
// ERROR node wraps the construct it gave up on, so the offending token is found
// by replaying the tokens around it against the parse table (lookahead sets).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Node } from '../parser';
import { PARSE_BUDGET_MS, wasAbandoned } from '../parser';
import type { WitDocument } from '../document';
import { errorDiagnostic } from '../diagnostic';
import { KEYWORDS } from './identifiers';
import {
  errorNodes,
  leafAtOrAfter as leafAtOrAfterIn,
  leafBefore as leafBeforeIn,
  leavesOf as leavesOfIn,
  lookaheadOf,
} from './treeTokens';

export function syntaxErrors(doc: WitDocument): Diagnostic[] {
  if (wasAbandoned(doc.tree)) {
    const message = `this file is too complex to parse within ${PARSE_BUDGET_MS} ms (thousands of unclosed brackets?); it is checked as empty`;
    return [errorDiagnostic(doc.rangeOf(0, 0), message, 'syntax-error')];
  }
  const root = doc.tree.rootNode;
  if (!root.hasError) return [];
  const out: Diagnostic[] = [];
  let lastEnd = -1;
  for (const problem of errorNodes(root)) {
    if (problem.startIndex < lastEnd) continue;
    if (problem.isMissing) {
      const next = leafAtOrAfter(root, problem.endIndex);
      // wit-parser places "found eof" at the very end of the input.
      const range = next ? doc.rangeOf(next.startIndex, next.endIndex) : doc.rangeOf(doc.text.length, doc.text.length);
      out.push(errorDiagnostic(range, `expected ${describeType(problem.type)}, found ${describeLeaf(next)}`, 'syntax-error'));
      lastEnd = problem.endIndex + 1;
      continue;
    }
    const afterGates = tokenAfterTopLevelGates(root, problem);
    if (afterGates !== undefined) {
      const range = afterGates ? doc.rangeOf(afterGates.startIndex, afterGates.endIndex) : doc.rangeOf(doc.text.length, doc.text.length);
      out.push(
        errorDiagnostic(
          range,
          afterGates?.text === 'package'
            ? 'cannot place attributes on nested packages'
            : `expected \`world\`, \`interface\` or \`use\`, found ${describeLeaf(afterGates ?? undefined)}`,
          'syntax-error',
        ),
      );
      lastEnd = problem.endIndex;
      continue;
    }
    const found = offendingToken(root, problem);
    const keyword = keywordAsName(root, problem, found.token);
    const { token, expected, atEof } = keyword ? { token: keyword, expected: ['an identifier'], atEof: false } : found;
    const start = token ? token.startIndex : atEof ? doc.text.length : problem.startIndex;
    const end = token ? token.endIndex : start;
    const message = keyword
      ? `expected an identifier, found keyword \`${keyword.text}\``
      : expected.length
        ? `expected ${expected.slice(0, 6).join(', ')}${expected.length > 6 ? ', ...' : ''}, found ${describeLeaf(token)}`
        : `unexpected ${describeLeaf(token)}`;
    out.push(errorDiagnostic(doc.rangeOf(start, Math.max(end, start)), message, keyword ? 'invalid-identifier' : 'syntax-error'));
    lastEnd = problem.endIndex;
  }
  return out;
}

/**
 * Gates at the top level (of a file or a nested package) followed by anything
 * but an item: tree-sitter wraps them in an ERROR with what follows; wit-parser
 * reads the attributes and stops at the next token. Returns that token (null at
 * the end of the input), or undefined when the error is not of this shape.
 */
function tokenAfterTopLevelGates(root: Node, error: Node): Node | null | undefined {
  const parent = error.parent;
  if (!parent || (parent.type !== 'source_file' && parent.type !== 'package_body')) return undefined;
  // The leading gates (a `gates` node, or loose `gate`s when the input ends after them).
  let end = -1;
  for (let i = 0; i < error.childCount; i++) {
    const c = error.child(i)!;
    if ((c.type !== 'gates' && c.type !== 'gate') || c.hasError) break;
    end = c.endIndex;
  }
  if (end < 0) return undefined;
  const next = leafAtOrAfter(root, end);
  // An item keyword after the gates: the item itself is what went wrong.
  if (next && ['world', 'interface', 'use'].includes(next.text)) return undefined;
  return next ?? null;
}

/**
 * A keyword that tree-sitter took as a name on its way to the rejected token
 * (`async constructor();` in a resource reads `async` as a method name): wit-parser
 * lexes keywords as keywords, so it stops there, before the token tree-sitter rejects.
 */
function keywordAsName(root: Node, error: Node, rejected: Node | undefined): Node | undefined {
  if (!rejected) return undefined;
  const before = leafBefore(root, error.startIndex);
  const isKeywordName = (t: Node) => t.type === 'identifier' && KEYWORDS.has(t.text);
  if (before && before.startIndex < rejected.startIndex && isKeywordName(before)) return before;
  for (const t of leavesOf(error)) {
    if (t.startIndex >= rejected.startIndex) break;
    if (isKeywordName(t)) return t;
  }
  return undefined;
}

/** Comments are no tokens. */
function isTrivia(n: Node): boolean {
  return n.type === 'line_comment' || n.type === 'block_comment';
}
const leafAtOrAfter = (root: Node, offset: number) => leafAtOrAfterIn(root, offset, isTrivia);
const leafBefore = (root: Node, offset: number) => leafBeforeIn(root, offset, isTrivia);
const leavesOf = (node: Node) => leavesOfIn(node, isTrivia, 5000);

function offendingToken(root: Node, error: Node): { token: Node | undefined; expected: string[]; atEof?: boolean } {
  // The tokens from the one before the error to the one after it, read lazily:
  // the first rejected token ends the search, and an error node may hold
  // thousands of tokens (a broken tail typed at the end of a big file).
  const before = leafBefore(root, error.startIndex);
  const around = { reachedEof: false };
  const lookahead = (state: number) => lookaheadOf(root.tree.language, state);
  let afterUnknown: Node | undefined;
  let first: Node | undefined;
  let a: Node | undefined;
  let index = 0;
  for (const b of tokensAround(root, error, before, around)) {
    if (index++ === (before ? 1 : 0)) first = b;
    if (!a) {
      a = b;
      continue;
    }
    const { state, direct } = stateAfter(a);
    const isFirstPair = index === 2;
    a = b;
    if (state === 0) {
      // The state a token was met in, when it cannot take that token, marks
      // the token tree-sitter rejected (`interface {` is met expecting a name).
      const met = b.parseState;
      if (met !== 0 && !lookahead(met).has(b.type)) return { token: b, expected: describeExpected(lookahead(met)) };
      afterUnknown ??= b;
      continue;
    }
    const valid = lookahead(state);
    if (!valid.has(b.type)) return { token: b, expected: describeExpected(valid) };
    // A state taken from the node the token ends is shared with other contexts
    // (a top-level item and one in a nested package): tree-sitter's rejection of
    // the error's first token still counts when nothing later is rejected.
    if (isFirstPair && !direct) afterUnknown ??= b;
  }
  // The error runs to the end of the input: the input ended too soon when the
  // last token cannot end a file.
  const last = a;
  if (around.reachedEof && last && last.nextParseState !== 0) {
    const valid = lookahead(last.nextParseState);
    if (!valid.has('end')) return { token: undefined, expected: describeExpected(valid), atEof: true };
  }
  return { token: afterUnknown ?? first, expected: [] };
}

/** `before`, the tokens of `error`, then the token after it (or `reachedEof`). */
function* tokensAround(root: Node, error: Node, before: Node | undefined, around: { reachedEof: boolean }): Generator<Node> {
  if (before) yield before;
  yield* leavesOf(error);
  const after = leafAtOrAfter(root, error.endIndex);
  if (after) yield after;
  else around.reachedEof = true;
}

/**
 * The parse state after a token. The last token of a finished node (the `;` of
 * an item) may carry none when an error follows it; the node it ends does.
 */
function stateAfter(token: Node): { state: number; direct: boolean } {
  let n: Node | null = token;
  for (let guard = 0; n && guard < 1000; guard++) {
    if (n.nextParseState !== 0) return { state: n.nextParseState, direct: n === token };
    const parent: Node | null = n.parent;
    if (!parent || parent.type === 'ERROR' || parent.lastChild?.id !== n.id) break;
    n = parent;
  }
  return { state: 0, direct: true };
}

function describeExpected(valid: Set<string>): string[] {
  const names = [...valid].filter(
    (n) => n !== 'line_comment' && n !== 'block_comment' && n !== 'end' && !n.startsWith('_') && n !== 'ERROR',
  );
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
