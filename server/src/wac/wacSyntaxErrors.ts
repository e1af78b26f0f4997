// Every syntax error of a WAC document at once, from its tree-sitter tree, each at the
// token where wac's parser (recursive descent, one token of lookahead) would stop and
// worded as wac words it: "expected `;`, found identifier". wac itself reports only its
// first error; the tree shows them all. The token in error is found by replaying the
// tokens around each ERROR node against the parse table (what each state accepts); the
// expected tokens are those the state accepts, less the optional ones wac does not list.
// The grammar is permissive where wac's parser checks more than tokens (the package
// directive, empty records, versions): those are checked here on the tree.
import type { Language, Node, Tree } from '../core/index';
import {
  errorNodes,
  leafAtOrAfter as leafAtOrAfterIn,
  leafBefore as leafBeforeIn,
  leavesOf as leavesOfIn,
  lookaheadOf,
} from '../core/index';
import { wacParseMessage, wacExpected, describeFound, STATEMENT_STARTS, type Expected } from './wacSyntaxWords';

export interface WacSyntaxError {
  /** Offsets into the text. */
  start: number;
  end: number;
  message: string;
}

/** Parses another text with the document's grammar (for the statements after an error). */
export type Reparse = (text: string) => Tree | undefined;

export function wacSyntaxErrors(tree: Tree, text: string, reparse?: Reparse): WacSyntaxError[] {
  // The directive's error first: at the same token it says more than the tree's (the sort keeps the order).
  const errors = [...directives(tree.rootNode, text), ...invalidInput(text), ...lexical(tree.rootNode), ...treeErrors(tree, text, reparse)];
  errors.push(...emptyTypes(tree.rootNode), ...versions(tree.rootNode));
  errors.sort((a, b) => a.start - b.start || a.end - b.end);
  // One error per token: an unterminated comment also ends the tree in error there.
  return errors.filter((e, i) => i === 0 || e.start !== errors[i - 1].start);
}

// ---- what wac's lexer refuses before parsing: control codes, bidirectional overrides ----
const BIDI = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const DISCOURAGED = new Set([0x149, 0x673, 0xf77, 0xf79, 0x17a3, 0x17a4, 0x17b4, 0x17b5]);

function invalidInput(text: string): WacSyntaxError[] {
  const out: WacSyntaxError[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    const width = c > 0xffff ? 2 : 1;
    const escaped = `\\u{${c.toString(16)}}`;
    if (BIDI.has(c)) out.push({ start: i, end: i + width, message: `disallowed bidirectional override codepoint \`${escaped}\`` });
    else if (DISCOURAGED.has(c)) out.push({ start: i, end: i + width, message: `codepoint \`${escaped}\` is discouraged by Unicode` });
    else if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && c !== 0x09 && c !== 0x0a && c !== 0x0d)
      out.push({ start: i, end: i + width, message: `disallowed control code '${escaped}'` });
    if (width === 2) i++;
  }
  return out;
}

// ---- tokens that run to the end of the input -------------------------------------------
function lexical(root: Node): WacSyntaxError[] {
  const out: WacSyntaxError[] = [];
  for (const leaf of leavesOf(root, true)) {
    if (leaf.type === 'block_comment' && !closedComment(leaf.text)) {
      out.push({ start: leaf.startIndex, end: leaf.endIndex, message: 'an unterminated comment was encountered' });
    } else if (leaf.type === 'string_literal' && (leaf.text.length < 2 || !leaf.text.endsWith('"'))) {
      out.push({ start: leaf.startIndex, end: leaf.startIndex + 1, message: 'an unterminated string was encountered' });
    }
  }
  return out;
}

/** Whether a block comment's nesting closes (the scanner returns an unclosed one to the end). */
function closedComment(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('/*', i)) {
      depth++;
      i++;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i++;
      if (depth === 0) return i === text.length - 1;
    }
  }
  return false;
}

// ---- ERROR and MISSING nodes ------------------------------------------------------------
/** A token of the replay: a leaf of the tree, or characters no token matches. */
interface Token {
  start: number;
  end: number;
  node?: Node;
}

/** Errors after the first in a run of statements tree-sitter gave up on: at most this many reparses. */
const MAX_RESYNCS = 50;

function treeErrors(tree: Tree, text: string, reparse?: Reparse, depth = 0): WacSyntaxError[] {
  const root = tree.rootNode;
  if (!root.hasError) return [];
  const out: WacSyntaxError[] = [];
  let lastEnd = -1;
  for (const problem of errorNodes(root)) {
    if (problem.startIndex < lastEnd) continue;
    const language = tree.language;
    if (problem.isMissing) {
      const before = leafBefore(root, problem.startIndex);
      const state = before ? stateAfter(before) : 0;
      const missing: Expected = { type: problem.type, named: problem.isNamed };
      const expected = state ? expectedAt(language, state) : [];
      out.push(at(nextToken(root, text, problem.endIndex), text, expected.length ? expected : [missing]));
      lastEnd = problem.endIndex + 1;
      continue;
    }
    const error = offending(root, problem, text);
    out.push(error);
    lastEnd = problem.endIndex;
    // tree-sitter's recovery may swallow the statements after the error into it. Like
    // a parser in panic mode, start again at the next statement and read the rest alone
    // (the text before it blanked, so offsets and lines stay).
    const resync = reparse && depth < MAX_RESYNCS ? resyncPoint(problem, error, text) : undefined;
    if (resync !== undefined) {
      const rest = text.slice(0, resync).replace(/[^\n]/g, ' ') + text.slice(resync);
      const restTree = reparse!(rest);
      if (restTree) {
        out.push(...treeErrors(restTree, rest, reparse, depth + 1).filter((e) => e.start >= resync));
        restTree.delete();
        return out;
      }
    }
  }
  return out;
}

const STATEMENT_KEYWORDS = new Set(['import', 'let', 'export', 'interface', 'world', 'variant', 'record', 'flags', 'enum', 'type']);

/**
 * Where the next statement starts inside an ERROR node, after its error: a statement's
 * keyword after a `;` or `}`, or first on its line (the token in error itself, when it is
 * one: a `let` after an unclosed brace starts the next statement).
 */
function resyncPoint(error: Node, at: WacSyntaxError, text: string): number | undefined {
  const firstOnLine = (offset: number) => /(^|\n)[ \t]*$/.test(text.slice(Math.max(0, offset - 200), offset));
  let previous: Node | undefined;
  for (const leaf of leavesOf(error, false)) {
    const keyword = !leaf.isNamed && STATEMENT_KEYWORDS.has(leaf.type);
    if (keyword && leaf.startIndex === at.start && firstOnLine(leaf.startIndex)) return leaf.startIndex;
    if (keyword && leaf.startIndex > at.start && (previous?.type === ';' || previous?.type === '}' || firstOnLine(leaf.startIndex)))
      return leaf.startIndex;
    previous = leaf;
  }
  return undefined;
}

/** The error for `found` (undefined: the end of the input), expecting `expected`. */
function at(found: Token | undefined, text: string, expected: Expected[]): WacSyntaxError {
  if (!found) {
    // wac points at the input's last character when it ended too soon.
    const start = Math.max(0, text.length - 1);
    const end = text[start] === '\n' || !text.length ? start : start + 1;
    return { start, end, message: wacParseMessage(expected, 'end of input', openBracketAt(text, text.length)) };
  }
  if (!found.node) return { start: found.start, end: found.end, message: 'unexpected token was encountered' };
  // No state says what was expected (inside tree-sitter's recovery): after a statement's
  // `;`, another statement.
  if (wacExpected(expected).length === 0 && openBracket(found.node) === '' && leafBefore(rootOf(found.node), found.start)?.type === ';') {
    expected = STATEMENT_STARTS;
  }
  return { start: found.start, end: found.end, message: wacParseMessage(expected, describeFound(found.node), openBracket(found.node)) };
}

function offending(root: Node, error: Node, text: string): WacSyntaxError {
  const tokens: Token[] = [];
  const before = leafBefore(root, error.startIndex);
  if (before) tokens.push(token(before));
  tokens.push(...tokensOf(error, text));
  const after = nextToken(root, text, error.endIndex);
  if (after) tokens.push(after);
  const language = root.tree.language;
  let unaccepted: Token | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!b.node) return at(b, text, []);
    const state = a.node ? stateAfter(a.node) : 0;
    if (state === 0) {
      // No state after `a` (inside the error): the state `b` was met in tells whether
      // tree-sitter could take it there.
      const met = b.node.parseState;
      if (met !== 0 && !accepts(language, met, b.node)) return at(b, text, expectedAt(language, met));
      unaccepted ??= b;
      continue;
    }
    if (!accepts(language, state, b.node)) return stringAsName(a, b, text) ?? at(b, text, expectedAt(language, state));
    // Taken by a reduction the merged states allow (`}` may close an enclosing list in
    // some other context): the state tree-sitter met it in, after reducing, decides.
    const met = b.node.parseState;
    if (met !== 0 && met !== state && language.nextState(state, b.node.grammarId) === 0 && !accepts(language, met, b.node)) {
      return at(b, text, expectedAt(language, met));
    }
  }
  // The error runs to the end of the input: the input ended too soon when the last token
  // cannot end it.
  const last = tokens[tokens.length - 1];
  if (!after && last?.node && last.node.nextParseState !== 0 && !accepts(language, last.node.nextParseState, undefined)) {
    return at(undefined, text, expectedAt(language, last.node.nextParseState));
  }
  const first = unaccepted ?? tokens[before ? 1 : 0];
  if (!first?.node) return at(first, text, []);
  return at(first, text, first.node.parseState ? expectedAt(language, first.node.parseState) : []);
}

/** The innermost bracket open before `node` (`{`, `(`, `[`, `<`), or '' at a statement. */
function rootOf(node: Node): Node {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

function openBracket(node: Node): string {
  const stack: string[] = [];
  for (const leaf of leavesOf(rootOf(node), false)) {
    if (leaf.startIndex >= node.startIndex) break;
    bracketStep(stack, leaf.type);
  }
  return stack[stack.length - 1] ?? '';
}

const CLOSES: Record<string, string> = { '}': '{', ')': '(', ']': '[', '>': '<' };

function bracketStep(stack: string[], type: string): void {
  if (type === '{' || type === '(' || type === '[' || type === '<') stack.push(type);
  else if (CLOSES[type] && stack[stack.length - 1] === CLOSES[type]) stack.pop();
  // A `;` ends any expression: brackets it left open are not the context of what follows.
  else if (type === ';' && stack[stack.length - 1] !== '{') stack.length = 0;
}

/** The innermost bracket open before `offset`, from the text (at the end of the input). */
function openBracketAt(text: string, offset: number): string {
  const stack: string[] = [];
  for (const m of text.slice(0, offset).matchAll(/"[^"]*"?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|->|[{}()[\]<>;]/g)) {
    if (m[0].length === 1 || m[0] === '->') bracketStep(stack, m[0]);
  }
  return stack[stack.length - 1] ?? '';
}

/**
 * A string where an argument's name goes, without the `:` after it: wac reads a string
 * argument only when a `:` follows, else it takes the argument for a name and stops at
 * the string itself.
 */
function stringAsName(a: Token, b: Token, text: string): WacSyntaxError | undefined {
  if (a.node?.type !== 'string_literal' || b.node?.type === ':') return undefined;
  const before = text.slice(0, a.start).trimEnd();
  if (!before.endsWith('{') && !before.endsWith(',')) return undefined;
  if (!/\bnew\s+[^;]*$/.test(before)) return undefined;
  return { start: a.start, end: a.end, message: 'expected identifier, found string literal' };
}

const token = (node: Node): Token => ({ start: node.startIndex, end: node.endIndex, node });

/**
 * The parse state after a token. The last token of a finished node (the `;` of a
 * statement) may carry none when an error follows it; the node it ends does.
 */
function stateAfter(leaf: Node): number {
  let n: Node | null = leaf;
  for (let guard = 0; n && guard < 1000; guard++) {
    if (n.nextParseState !== 0) return n.nextParseState;
    const parent: Node | null = n.parent;
    if (!parent || parent.type === 'ERROR' || parent.lastChild?.id !== n.id) break;
    n = parent;
  }
  return 0;
}

/** The leaves of an ERROR node and, between them, the characters no token matched. */
function tokensOf(error: Node, text: string): Token[] {
  const out: Token[] = [];
  let at = error.startIndex;
  const gap = (end: number) => {
    const skipped = /\S+/.exec(text.slice(at, end));
    if (skipped) out.push({ start: at + skipped.index, end: at + skipped.index + 1 });
  };
  for (const leaf of leavesOf(error, false)) {
    gap(leaf.startIndex);
    if (!isTrivia(leaf)) out.push(token(leaf));
    at = leaf.endIndex;
  }
  gap(error.endIndex);
  return out;
}

/** The first real token at or after `offset`, or characters no token matched there. */
function nextToken(root: Node, text: string, offset: number): Token | undefined {
  const leaf = leafAtOrAfter(root, offset);
  // What lies between is whitespace, comments, or characters no token matched.
  let at = offset;
  for (const comment of leavesOf(root, true)) {
    if (comment.startIndex < at || !isTrivia(comment)) continue;
    if (leaf && comment.startIndex >= leaf.startIndex) break;
    const skipped = /\S/.exec(text.slice(at, comment.startIndex));
    if (skipped) return { start: at + skipped.index, end: at + skipped.index + 1 };
    at = comment.endIndex;
  }
  const skipped = /\S/.exec(text.slice(at, leaf ? leaf.startIndex : text.length));
  if (skipped) return { start: at + skipped.index, end: at + skipped.index + 1 };
  return leaf ? token(leaf) : undefined;
}

// ---- the parse table: what a state accepts ---------------------------------------------
const lookahead = lookaheadOf;

/** Whether `state` takes `node` next (undefined: the end of the input). */
function accepts(language: Language, state: number, node: Node | undefined): boolean {
  return lookahead(language, state).has(node ? node.type : 'end');
}

/** The tokens a state accepts (its constructs left out: tokens are what wac names). */
function expectedAt(language: Language, state: number): Expected[] {
  const out: Expected[] = [];
  for (const name of lookahead(language, state)) {
    if (name === 'end' || isTriviaType(name)) continue;
    if (TOKEN_NODES.has(name)) out.push({ type: name, named: true });
    else if (language.idForNodeType(name, false) !== null) out.push({ type: name, named: false });
  }
  return out;
}

/** The named nodes that are tokens (the rest of the named types are constructs). */
const TOKEN_NODES = new Set(['identifier', 'package_name', 'package_path', 'string_literal', 'fill_argument', 'omitted']);

// ---- checks the grammar leaves to the tree ----------------------------------------------
const PACKAGE: Expected = { type: 'package', named: false };

/** The directive comes first and once, as wac reads it; the grammar takes it anywhere. */
function directives(root: Node, text: string): WacSyntaxError[] {
  // wac reads the directive first: anything else there is its first error.
  const first = nextToken(root, text, 0);
  if (!first || first.node?.type !== 'package' || first.node.isNamed) return [at(first, text, [PACKAGE])];
  const items = root.namedChildren.filter((n): n is Node => !!n && !isTrivia(n) && n.type !== 'ERROR');
  return items
    .slice(1)
    .filter((n) => n.type === 'package_decl')
    .map((n) => at(token(n.firstChild!), text, STATEMENT_STARTS));
}

const EMPTY: Record<string, [string, string]> = {
  record_decl: ['record', 'field'],
  variant_decl: ['variant', 'case'],
  flags_decl: ['flags', 'flag'],
  enum_decl: ['enum', 'case'],
};

/** `record r {}`: wac wants at least one field (case, flag), and says so at the `}`. */
function emptyTypes(root: Node): WacSyntaxError[] {
  const out: WacSyntaxError[] = [];
  for (const decl of root.descendantsOfType(Object.keys(EMPTY))) {
    if (!decl || decl.hasError || decl.namedChildCount > 1) continue;
    const close = decl.lastChild;
    if (close?.type !== '}' || close.isMissing) continue;
    const [ty, kind] = EMPTY[decl.type];
    out.push({ start: close.startIndex, end: close.endIndex, message: `${ty} must contain at least one ${kind}` });
  }
  return out;
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

/** A package's `@version` must be a semantic version (wac parses it with the semver crate). */
function versions(root: Node): WacSyntaxError[] {
  const out: WacSyntaxError[] = [];
  for (const name of root.descendantsOfType(['package_name', 'package_path'])) {
    const at = name?.text.indexOf('@') ?? -1;
    if (!name || at < 0) continue;
    const version = name.text.slice(at + 1);
    if (!SEMVER.test(version)) {
      out.push({ start: name.startIndex + at + 1, end: name.endIndex, message: `\`${version}\` is not a valid semantic version` });
    }
  }
  return out;
}

// ---- walking the tree -------------------------------------------------------------------
const isTriviaType = (type: string) => type === 'line_comment' || type === 'block_comment';
const isTrivia = (n: Node) => isTriviaType(n.type);

/** Comments and empty ERROR leaves are no tokens here. */
const notToken = (n: Node) => isTrivia(n) || n.type === 'ERROR';
const leavesOf = (node: Node, trivia: boolean) => leavesOfIn(node, trivia ? (n) => n.type === 'ERROR' : notToken, 20_000);
const leafAtOrAfter = (root: Node, offset: number) => leafAtOrAfterIn(root, offset, notToken);
const leafBefore = (root: Node, offset: number) => leafBeforeIn(root, offset, notToken);
