// wac's words for a parse error (wac-parser's `Expected`/`Found` display): which tokens it
// lists, in the order its parser tries them, and how it names each. The parse table's
// lookahead holds every token a state can take; wac lists only those its parser peeked
// for, so the optional continuations it tests silently (`.x` after an expression, `as`,
// `targets`, `->`, ...) are left out when the token it requires is among them.
import type { Node } from '../core/index';

/** A token type of tree-sitter-wac: named (identifier, package_name ...) or a literal. */
export interface Expected {
  type: string;
  named: boolean;
}

const NAMED: Record<string, string> = {
  identifier: 'identifier',
  string_literal: 'string literal',
  package_name: 'package name',
  package_path: 'package path',
  fill_argument: '`...`',
  omitted: '`_`',
};

export function describeToken(type: string, named: boolean): string {
  if (named) return NAMED[type] ?? type.replace(/_/g, ' ');
  return /^[a-z]/.test(type) ? `\`${type}\` keyword` : `\`${type}\``;
}

export function describeFound(node: Node): string {
  return describeToken(node.type, node.isNamed);
}

const lit = (type: string): Expected => ({ type, named: false });

/** What may start a statement, as wac lists it after the package directive. */
export const STATEMENT_STARTS: Expected[] = [
  'import',
  'let',
  'export',
  'interface',
  'world',
  'variant',
  'record',
  'flags',
  'enum',
  'type',
].map(lit);

/**
 * The order wac's parser tries tokens in: the list's closing token first (it checks for
 * the end of a list before an item), statements and items by keyword, expressions, types,
 * then names and punctuation.
 */
const ORDER = [
  '}',
  ')',
  '>',
  ']',
  'use',
  'import',
  'let',
  'export',
  'include',
  'constructor',
  '...',
  'new',
  '(',
  'async',
  'func',
  'interface',
  'world',
  'resource',
  'variant',
  'record',
  'flags',
  'enum',
  'type',
  '_',
  'u8',
  's8',
  'u16',
  's16',
  'u32',
  's32',
  'u64',
  's64',
  'f32',
  'f64',
  'char',
  'bool',
  'string',
  'tuple',
  'list',
  'option',
  'result',
  'borrow',
  'stream',
  'future',
  'error-context',
  'package_path',
  'package_name',
  'identifier',
  'string_literal',
  ';',
  ':',
  ',',
  '=',
  '.',
  '[',
  '->',
  '<',
];

/** Optional continuations wac tests without listing them: dropped when other tokens remain. */
const SILENT = new Set(['.', '[', 'as', 'targets', '->', 'with', '<']);
/** Optional after an item whose end wac requires (`;`, or `)` in parentheses): dropped then. */
const SILENT_BEFORE_END = new Set([':', '...']);
/** The closing tokens and the comma, by the bracket the error is inside (none: a statement). */
const FOREIGN: Record<string, string[]> = {
  '': ['}', ')', ']', '>', ','],
  '{': [')', ']', '>'],
  '(': ['}', ']', '>', ';'],
  '[': ['}', ')', '>', ';', ','],
  '<': ['}', ')', ']', ';'],
};

/**
 * The tokens wac would list, in its order, named as it names them. `bracket` is the
 * innermost bracket open before the token in error: the parse table merges the states of
 * an expression in a statement and in a list, so their endings are told apart by it.
 */
export function wacExpected(expected: Expected[], bracket = ''): string[] {
  let tokens = expected.map((e) => (e.type === 'fill_argument' ? lit('...') : e.type === 'omitted' ? lit('_') : e));
  const has = (type: string) => tokens.some((t) => t.type === type);
  const keep = (f: (t: Expected) => boolean) => {
    const kept = tokens.filter(f);
    if (kept.length) tokens = kept;
  };
  const foreign = FOREIGN[bracket] ?? [];
  keep((t) => t.named || !foreign.includes(t.type));
  // The directive is checked on its own (wacSyntaxErrors.ts): it is never a statement.
  keep((t) => t.type !== 'package');
  keep((t) => t.named || !SILENT.has(t.type));
  if (has(';') || (bracket === '(' && has(')'))) keep((t) => t.named || !SILENT_BEFORE_END.has(t.type));
  // After a list's item, wac wants the comma before it looks for the list's end.
  if (has(',')) tokens = [lit(',')];
  // `name: static func`: `static` and `async` are optional, `func` is what wac asks for.
  if (has('static') || (tokens.length === 2 && has('async') && has('func'))) tokens = [lit('func')];
  const rank = (t: Expected) => {
    // In an interface, wac tries an export (a name) right after `use`.
    if (t.type === 'identifier' && has('use') && !has('import')) return ORDER.indexOf('use') + 0.5;
    const i = ORDER.indexOf(t.type);
    return i < 0 ? ORDER.length : i;
  };
  const seen = new Set<string>();
  return tokens
    .sort((a, b) => rank(a) - rank(b))
    .map((t) => describeToken(t.type, t.named))
    .filter((d) => !seen.has(d) && !!seen.add(d));
}

/** `expected X, found Y` as wac says it, for one, two or more expected tokens. */
export function wacParseMessage(expected: Expected[], found: string, bracket = ''): string {
  const names = wacExpected(expected, bracket);
  if (names.length === 0) return `unexpected ${found}`;
  if (names.length === 1) return `expected ${names[0]}, found ${found}`;
  if (names.length === 2) return `expected ${names[0]} or ${names[1]}, found ${found}`;
  const shown = names.slice(0, 10).map((n, i) => (i === names.length - 1 ? `or ${n}` : n));
  return `expected either ${shown.join(', ')}${names.length > 10 ? ', or more...' : ''}, found ${found}`;
}
