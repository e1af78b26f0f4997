// The canonical WIT layout, decided token by token: 4-space indent, one item per
// line, `a: func(x: u32) -> string;`, a blank line between top-level items,
// trailing commas in multi-line lists and none in one-line lists.
//
// The layout only ever changes whitespace and optional trailing commas between
// the tokens of the tree, so it cannot change meaning: every token (comments
// included) is written back in order, and a line comment is always followed by
// a line break.
import type { Node } from '../parser';
import { checkBudget } from '../budget';

const INDENT = '    ';

/** Braces whose contents go one per line. */
const BLOCK_PARENTS = new Set([
  'interface_body',
  'world_body',
  'package_body',
  'resource_body',
  'record_item',
  'variant_item',
  'enum_item',
  'flags_item',
]);
/** Blocks whose elements are separated by commas (one per line, each with a comma). */
const BLOCK_LISTS = new Set(['record_item', 'variant_item', 'enum_item', 'flags_item']);
/** Parents where `:`, `/` and `@` join the parts of a package or interface path. */
const PATH_PARENTS = new Set(['package_name', 'use_path']);
const CLOSERS = new Set(['}', ')', '>']);

export interface Layout {
  text: string;
  /** For each input token, its [start, end) in `text`, or undefined when it was dropped. */
  spans: Array<[number, number] | undefined>;
}

interface Tok {
  node: Node;
  text: string;
  type: string;
  parent: string;
  isComment: boolean;
  leaf: Leaf;
}

/**
 * A leaf token with what the layout needs of its ancestors, gathered in one
 * walk: `node.parent` costs a walk down from the root in tree-sitter, so asking
 * it per token is quadratic in the nesting depth (a type nested 20,000 deep).
 */
export interface Leaf {
  node: Node;
  parent: Node | null;
  /** Start of the parameter list the token is in, below the nearest `*_item`. */
  paramList?: number;
  inToplevelUse: boolean;
}

/** Every leaf token (comments included), in source order, with its context. */
export function layoutLeaves(root: Node): Leaf[] {
  const out: Leaf[] = [];
  interface Frame {
    node: Node;
    parent: Node | null;
    paramList?: number;
    inToplevelUse: boolean;
  }
  const stack: Frame[] = [{ node: root, parent: null, inToplevelUse: root.type === 'toplevel_use' }];
  while (stack.length) {
    checkBudget();
    const f = stack.pop()!;
    const { node } = f;
    if (node.childCount === 0) {
      if (node.endIndex > node.startIndex || node.isMissing) out.push(f);
      continue;
    }
    // What a child sees looking up: this node decides before its ancestors.
    const type = node.type;
    const paramList = type === 'param_list' ? node.startIndex : type.endsWith('_item') ? undefined : f.paramList;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      stack.push({ node: child, parent: node, paramList, inToplevelUse: f.inToplevelUse || child.type === 'toplevel_use' });
    }
  }
  return out;
}

/**
 * Lays out `tokens` (leaves of the tree in source order, from one or more whole
 * top-level items) in the canonical style. `source` is the original text, used
 * to keep where comments and blank lines were.
 */
export function layoutTokens(leaves: Leaf[], source: string, eol: string): Layout {
  const toks: Tok[] = leaves.map((leaf) => {
    const { node } = leaf;
    const type = node.type;
    const text = source.slice(node.startIndex, node.endIndex);
    return {
      node,
      text: type === 'line_comment' ? text.replace(/\s+$/, '') : text,
      type,
      parent: leaf.parent?.type ?? '',
      isComment: type === 'line_comment' || type === 'block_comment',
      leaf,
    };
  });
  // A parameter list with comments in it (doc comments on parameters) goes one
  // parameter per line, like a record; others stay on the function's line.
  const verticalParams = new Set<number>();
  for (const t of toks) if (t.isComment && t.leaf.paramList !== undefined) verticalParams.add(t.leaf.paramList);
  const inVerticalParams = (t: Tok) => t.parent === 'param_list' && verticalParams.has(t.leaf.parent!.startIndex);
  /** Lists laid out one element per line, each followed by a comma. */
  const isBlockList = (t: Tok) => BLOCK_LISTS.has(t.parent) || inVerticalParams(t);
  const nextSignificant = (i: number) => {
    for (let j = i + 1; j < toks.length; j++) if (!toks[j].isComment) return j;
    return -1;
  };
  const prevSignificant = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (!toks[j].isComment) return j;
    return -1;
  };

  // Optional trailing commas: dropped in one-line lists, added in block lists.
  const dropped = new Set<number>();
  const commaAfter = new Set<number>();
  toks.forEach((t, i) => {
    if (t.type === ',' && !isBlockList(t)) {
      const n = nextSignificant(i);
      if (n >= 0 && CLOSERS.has(toks[n].type)) dropped.add(i);
    }
    if ((t.type === '}' || t.type === ')') && isBlockList(t)) {
      const p = prevSignificant(i);
      if (p >= 0 && toks[p].type !== ',' && toks[p].type !== '{' && toks[p].type !== '(') commaAfter.add(p);
    }
  });

  const isBlockOpen = (t: Tok) => (t.type === '{' && BLOCK_PARENTS.has(t.parent)) || (t.type === '(' && inVerticalParams(t));
  const isBlockClose = (t: Tok) => (t.type === '}' && BLOCK_PARENTS.has(t.parent)) || (t.type === ')' && inVerticalParams(t));
  // Line breaks before each offset, so that counting them between two tokens
  // is constant time (a comment after many comments looks back to the code).
  const breaksBefore = new Uint32Array(source.length + 1);
  for (let k = 0; k < source.length; k++) breaksBefore[k + 1] = breaksBefore[k] + (source.charCodeAt(k) === 10 ? 1 : 0);
  const newlinesBetween = (a: Tok, b: Tok) => Math.max(0, breaksBefore[b.node.startIndex] - breaksBefore[a.node.endIndex]);
  const keptBlanks = (a: Tok, b: Tok) => Math.min(1, Math.max(0, newlinesBetween(a, b) - 1));

  const out: string[] = [];
  let length = 0;
  const write = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const spans: Layout['spans'] = new Array(toks.length);
  // Open blocks, innermost last; top level is "no block or a package body".
  const blocks: string[] = [];
  const atTopLevel = () => blocks.length === 0 || blocks[blocks.length - 1] === 'package_body';
  let prev: Tok | undefined;
  // A trailing comment after `;` (or `{`, `}` ...) stays on that line, but the
  // line break it delayed is still owed to the next token.
  let owedBreak = false;
  let lastCode: Tok | undefined;

  for (let i = 0; i < toks.length; i++) {
    checkBudget();
    const tok = toks[i];
    if (dropped.has(i)) continue;
    if (isBlockClose(tok)) blocks.pop();
    if (prev) {
      const sep = separator(prev, tok);
      if (sep === 'newline') {
        const blanks = blankLines(prev, tok);
        trimTrailingSpaces();
        write(eol.repeat(1 + blanks) + INDENT.repeat(blocks.length));
      } else {
        write(sep);
      }
    }
    spans[i] = [length, length + tok.text.length];
    write(tok.text);
    if (commaAfter.has(i)) write(',');
    if (isBlockOpen(tok)) blocks.push(tok.parent);
    prev = tok;
    if (!tok.isComment) lastCode = tok;
  }
  trimTrailingSpaces();
  return { text: out.join(''), spans };

  function trimTrailingSpaces() {
    while (out.length && / +$/.test(out[out.length - 1])) {
      const last = out[out.length - 1];
      const trimmed = last.replace(/ +$/, '');
      length -= last.length - trimmed.length;
      if (trimmed) {
        out[out.length - 1] = trimmed;
        break;
      }
      out.pop();
    }
  }

  /** 'newline', or the spaces to put between two tokens on one line. */
  function separator(a: Tok, b: Tok): 'newline' | string {
    if (a.type === 'line_comment') {
      owedBreak = false;
      return 'newline';
    }
    if (b.isComment) {
      if (newlinesBetween(a, b) > 0) {
        owedBreak = false;
        return 'newline';
      }
      if (!a.isComment && breaksAfter(a)) owedBreak = true;
      return ' ';
    }
    if (owedBreak) {
      owedBreak = false;
      return 'newline';
    }
    if (a.type === 'block_comment' && newlinesBetween(a, b) > 0) return 'newline';
    if (isBlockOpen(a) && isBlockClose(b)) return '';
    if (isBlockOpen(a) || isBlockClose(b)) return 'newline';
    if (a.type === ';' || (isBlockClose(a) && a.type === '}')) return 'newline';
    if (a.type === ',' && isBlockList(a)) return 'newline';
    if (a.type === ')' && a.parent === 'gate') return 'newline';
    return spaceBetween(a, b);
  }

  /** Tokens that end a line whatever follows them. */
  function breaksAfter(a: Tok): boolean {
    return (
      a.type === ';' ||
      isBlockOpen(a) ||
      (isBlockClose(a) && a.type === '}') ||
      (a.type === ',' && isBlockList(a)) ||
      (a.type === ')' && a.parent === 'gate')
    );
  }

  function blankLines(a: Tok, b: Tok): number {
    // A comment trailing an item on its line counts as the end of that item.
    if (a.isComment && lastCode && newlinesBetween(lastCode, a) === 0) a = lastCode;
    if (isBlockOpen(a) || isBlockClose(b)) return 0;
    if (a.type === ')' && a.parent === 'gate') return 0;
    if (!atTopLevel()) return keptBlanks(a, b);
    const endsItem = a.type === ';' || (isBlockClose(a) && a.type === '}');
    if (!endsItem) return keptBlanks(a, b);
    // Consecutive top-level `use`s may stay together.
    if (a.parent === 'toplevel_use' && (b.isComment || b.leaf.inToplevelUse)) return keptBlanks(a, b);
    return 1;
  }
}

/** The spaces between two tokens on the same line. */
function spaceBetween(a: Tok, b: Tok): string {
  const bt = b.type,
    at = a.type;
  if (bt === ',' || bt === ';' || bt === ')' || bt === '>' || bt === '.' || bt === ':') return '';
  if (at === '.' || at === '(' || at === '<' || bt === '(' || bt === '<') return '';
  if (at === '/' || bt === '/') return '';
  if (at === ':' && PATH_PARENTS.has(a.parent)) return '';
  if (at === '@') return '';
  if (bt === '@' && PATH_PARENTS.has(b.parent)) return '';
  // `use x.{a, b}` keeps its names tight; `include x with { a as b }` does not.
  if (at === '{' && bt === '}') return '';
  if (at === '{' && a.parent === 'use_item') return '';
  if (bt === '}' && b.parent === 'use_item') return '';
  return ' ';
}
