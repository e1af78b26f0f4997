// Where the cursor is, for completion. A half-typed file rarely parses into
// the node you are typing, so this reads the text before the cursor as tokens
// and keeps a stack of the brackets still open (and what opened them).
export type BlockKind =
  | 'interface'
  | 'world'
  | 'package'
  | 'resource'
  | 'record'
  | 'variant'
  | 'enum'
  | 'flags'
  | 'use-list'
  | 'with-list'
  | 'params'
  | 'case-type'
  | 'gate'
  | 'generic'
  | 'other';

export type CompletionPosition =
  | { kind: 'gate-name' }
  | { kind: 'gate-key' }
  | { kind: 'type' }
  | { kind: 'func-keyword'; block: BlockKind; inExtern: boolean }
  | { kind: 'statement'; block: BlockKind | 'top' }
  | { kind: 'path'; keyword: 'use' | 'import' | 'export' | 'include'; packageName?: string }
  | { kind: 'use-names'; path: string }
  | { kind: 'with-names'; path: string }
  | { kind: 'none' };

export interface CompletionContext {
  position: CompletionPosition;
  /** The partly typed word before the cursor (replaced by the completion). */
  prefix: string;
  /** Offset where `prefix` starts. */
  prefixStart: number;
  /** Offset of the `{` of the innermost enclosing interface, world or package body, if any. */
  enclosingBody?: number;
}

interface Tok {
  text: string;
  start: number;
}
interface Open {
  kind: BlockKind;
  token: string;
  start: number;
}

const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|->|%?[\p{L}\p{N}_-]+(?:\.[0-9][\p{L}\p{N}+-]*)*|\S/uy;
const WORD_END = /[%\p{L}\p{N}_-]*$/u;

/**
 * Reads the text before `offset` and says what kind of thing is being typed.
 * `scanFrom` is a top-level position before it (the start of the enclosing
 * top-level item), so that a long file is not read from its beginning.
 */
export function completionContext(text: string, offset: number, scanFrom = 0): CompletionContext {
  const prefixMatch = WORD_END.exec(text.slice(Math.max(0, offset - 200), offset));
  const prefix = prefixMatch ? prefixMatch[0] : '';
  const prefixStart = offset - prefix.length;
  const tokens = tokenize(text, Math.min(scanFrom, prefixStart), prefixStart);
  const stack = openBrackets(tokens);
  const top = stack[stack.length - 1];
  const enclosing = [...stack].reverse().find((o) => o.kind === 'interface' || o.kind === 'world' || o.kind === 'package');
  const ctx = (position: CompletionPosition): CompletionContext => ({ position, prefix, prefixStart, enclosingBody: enclosing?.start });

  const last = tokens[tokens.length - 1]?.text;
  if (last === '@' && top?.kind !== 'gate' && !isPathAt(tokens, tokens.length - 1)) return ctx({ kind: 'gate-name' });
  if (top?.kind === 'gate') return last === '(' ? ctx({ kind: 'gate-key' }) : ctx({ kind: 'none' });

  const path = pathBeingTyped(tokens);
  if (path) return ctx(path);
  if (top?.kind === 'use-list' || top?.kind === 'with-list') {
    if (last !== '{' && last !== ',') return ctx({ kind: 'none' });
    return ctx({ kind: top.kind === 'use-list' ? 'use-names' : 'with-names', path: top.token });
  }
  if (last === '->' || last === '<' || (last === ',' && top?.kind === 'generic')) return ctx({ kind: 'type' });
  if (last === '=' && statementKeyword(tokens) === 'type') return ctx({ kind: 'type' });
  if (last === '(' && top?.kind === 'case-type') return ctx({ kind: 'type' });
  if (last === ':') {
    if (top?.kind === 'params' || top?.kind === 'record') return ctx({ kind: 'type' });
    if (top && ['interface', 'world', 'resource'].includes(top.kind)) {
      const keyword = statementKeyword(tokens);
      return ctx({ kind: 'func-keyword', block: top.kind, inExtern: keyword === 'import' || keyword === 'export' });
    }
  }
  if (last === 'static' || last === 'async') return ctx({ kind: 'func-keyword', block: top?.kind ?? 'other', inExtern: false });
  const atStatementStart =
    last === undefined || last === '{' || last === ';' || last === '}' || (last === ')' && isGateClose(tokens)) || isCommentToken(last);
  if (atStatementStart) {
    if (!top || top.kind === 'package') return ctx({ kind: 'statement', block: 'top' });
    if (['interface', 'world', 'resource'].includes(top.kind)) return ctx({ kind: 'statement', block: top.kind });
  }
  return ctx({ kind: 'none' });
}

function tokenize(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  const src = text.slice(0, end);
  let i = start;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) {
      i++;
      continue;
    }
    if (!m[0].startsWith('//') && !m[0].startsWith('/*')) out.push({ text: m[0], start: i });
    i += m[0].length;
  }
  return out;
}

function isCommentToken(t: string): boolean {
  return t.startsWith('//') || t.startsWith('/*');
}

/** The brackets still open after `tokens`, each with what opened it. */
function openBrackets(tokens: Tok[]): Open[] {
  const stack: Open[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (t === '{') stack.push({ kind: braceKind(tokens, i), token: usePath(tokens, i), start: tokens[i].start });
    else if (t === '(') stack.push({ kind: parenKind(tokens, i), token: '(', start: tokens[i].start });
    else if (t === '<') stack.push({ kind: 'generic', token: '<', start: tokens[i].start });
    else if (t === '}' || t === ')' || t === '>') {
      const want = t === '}' ? '{' : t === ')' ? '(' : '<';
      // Pop to the matching opener; a stray closer in broken text pops nothing.
      const at = findLastIndex(stack, (o) => opener(o) === want);
      if (at >= 0) stack.length = at;
    }
  }
  return stack;
}

function opener(o: Open): string {
  return o.kind === 'params' || o.kind === 'case-type' || o.kind === 'gate' ? '(' : o.kind === 'generic' ? '<' : '{';
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i;
  return -1;
}

/** What a `{` opens, from the keyword of its statement. */
function braceKind(tokens: Tok[], i: number): BlockKind {
  const prev = tokens[i - 1]?.text;
  if (prev === '.') return 'use-list';
  if (prev === 'with') return 'with-list';
  if (prev === 'interface') return 'interface';
  for (let j = i - 1; j >= 0 && j >= i - 40; j--) {
    const t = tokens[j].text;
    if (t === ';' || t === '{' || t === '}') break;
    if (
      t === 'interface' ||
      t === 'world' ||
      t === 'package' ||
      t === 'resource' ||
      t === 'record' ||
      t === 'variant' ||
      t === 'enum' ||
      t === 'flags'
    )
      return t;
  }
  return 'other';
}

function parenKind(tokens: Tok[], i: number): BlockKind {
  const prev = tokens[i - 1]?.text;
  if (prev === 'func' || prev === 'constructor') return 'params';
  if (tokens[i - 2]?.text === '@') return 'gate';
  return 'case-type';
}

/** The path before `.{` (`use wasi:io/streams@0.2.0.{`) or before `with {` (`include w with {`). */
function usePath(tokens: Tok[], i: number): string {
  const prev = tokens[i - 1]?.text;
  if (prev !== '.' && prev !== 'with') return '{';
  const keyword = prev === '.' ? 'use' : 'include';
  let j = i - 2;
  const parts: string[] = [];
  while (j >= 0 && tokens[j].text !== keyword && j > i - 20) parts.unshift(tokens[j--].text);
  return parts.join('');
}

/** The first keyword of the statement the cursor is in. */
function statementKeyword(tokens: Tok[]): string | undefined {
  let j = tokens.length - 1;
  while (j >= 0 && !['{', '}', ';'].includes(tokens[j].text)) j--;
  let k = j + 1;
  while (k < tokens.length && (tokens[k].text === '@' || isGateToken(tokens, k))) k++;
  return tokens[k]?.text;
}

function isGateToken(tokens: Tok[], k: number): boolean {
  // Skip `@name(...)` gate tokens at the start of a statement.
  let j = k;
  while (j >= 0 && tokens[j].text !== '@' && tokens[j].text !== ';' && tokens[j].text !== '{') j--;
  if (j < 0 || tokens[j].text !== '@') return false;
  let depth = 0;
  for (let m = j + 1; m <= k; m++) {
    if (tokens[m].text === '(') depth++;
    if (tokens[m].text === ')') {
      depth--;
      if (depth === 0) return m >= k;
    }
  }
  return true;
}

function isGateClose(tokens: Tok[]): boolean {
  for (let j = tokens.length - 2; j >= 0; j--) {
    const t = tokens[j].text;
    if (t === '(') return tokens[j - 2]?.text === '@';
    if (t === ';' || t === '{' || t === '}') return false;
  }
  return false;
}

/** `@` inside `ns:pkg@1.0` is part of a path, not a gate. */
function isPathAt(tokens: Tok[], at: number): boolean {
  const prev = tokens[at - 1]?.text ?? '';
  return /^[%\p{L}\p{N}_-]+$/u.test(prev) && tokens[at - 2]?.text !== undefined && [':', '/'].includes(tokens[at - 2].text);
}

/** `use|import|export|include` followed by a path being typed. */
function pathBeingTyped(tokens: Tok[]): CompletionPosition | undefined {
  let j = tokens.length - 1;
  const parts: string[] = [];
  while (j >= 0 && /^([%\p{L}\p{N}_-]+|[:/@]|[0-9][\p{L}\p{N}.+-]*)$/u.test(tokens[j].text)) {
    if (['use', 'import', 'export', 'include'].includes(tokens[j].text)) break;
    parts.unshift(tokens[j--].text);
  }
  const keyword = tokens[j]?.text;
  if (keyword !== 'use' && keyword !== 'import' && keyword !== 'export' && keyword !== 'include') return undefined;
  const path = parts.join('');
  if (path === '') return { kind: 'path', keyword };
  if (!path.endsWith('/') || !path.includes(':')) return parts.length <= 1 || path.endsWith(':') ? { kind: 'path', keyword } : undefined;
  return { kind: 'path', keyword, packageName: path.slice(0, -1) };
}
