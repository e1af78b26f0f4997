// A small hand-written scanner of WAC documents: the tokens, and from them the top-level
// statements (package, import, let, export, and the WIT declarations WAC allows) and the
// packages named by `new` expressions. It never fails: text it does not understand is
// skipped up to the next `;` or statement keyword, so a half-typed document still has symbols.
export type WacTokenKind = 'id' | 'string' | 'punct' | 'spread';
export interface WacToken {
  kind: WacTokenKind;
  text: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}
export type WacStatementKind = 'package' | 'import' | 'let' | 'export' | 'interface' | 'world' | 'type';
export interface WacStatement {
  kind: WacStatementKind;
  /** The name it binds or exports (a let's or import's local name, an export's name). */
  name: string;
  nameSpan: Span;
  /** The whole statement, keyword to `;` (or to where it stops, when unfinished). */
  span: Span;
  /** For a let or export whose expression starts with `new`: the package instantiated. */
  instantiates?: string;
  /** For an import: the import's name in the composition (its `as` name, else its path). */
  importName?: string;
}
export interface WacPackageRef {
  name: string;
  span: Span;
}
export interface WacScan {
  tokens: WacToken[];
  statements: WacStatement[];
  packageRefs: WacPackageRef[];
}

const ID = /%?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/y;
const STATEMENT_KEYWORDS = new Set([
  'package',
  'import',
  'let',
  'export',
  'interface',
  'world',
  'record',
  'variant',
  'enum',
  'flags',
  'type',
  'resource',
]);

export function tokenizeWac(text: string): WacToken[] {
  const tokens: WacToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if (text.startsWith('/*', i)) {
      let depth = 0;
      while (i < text.length) {
        if (text.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (text.startsWith('*/', i)) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j++;
      const end = Math.min(j + 1, text.length);
      tokens.push({ kind: 'string', text: text.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    if (text.startsWith('...', i)) {
      tokens.push({ kind: 'spread', text: '...', start: i, end: i + 3 });
      i += 3;
      continue;
    }
    ID.lastIndex = i;
    const m = ID.exec(text);
    if (m) {
      tokens.push({ kind: 'id', text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if (text.startsWith('->', i)) {
      tokens.push({ kind: 'punct', text: '->', start: i, end: i + 2 });
      i += 2;
      continue;
    }
    tokens.push({ kind: 'punct', text: c, start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

/** A package name at tokens[k]: `ns:name(:more)*(@version)?`; returns it and the index after it. */
function packageNameAt(tokens: WacToken[], k: number): { name: string; span: Span; next: number } | undefined {
  if (tokens[k]?.kind !== 'id') return undefined;
  let name = tokens[k].text;
  let j = k + 1;
  while (tokens[j]?.text === ':' && tokens[j + 1]?.kind === 'id' && tokens[j].start === tokens[j - 1].end) {
    name += `:${tokens[j + 1].text}`;
    j += 2;
  }
  if (!name.includes(':')) return undefined;
  let end = tokens[j - 1].end;
  // A version (`@1.2.3-rc.1`) tokenizes as @, ids and punctuation without spaces.
  if (tokens[j]?.text === '@' && tokens[j].start === end) {
    j++;
    while (tokens[j] && tokens[j].start === tokens[j - 1].end && !['{', '}', ';', ',', '(', ')', '['].includes(tokens[j].text)) {
      end = tokens[j].end;
      j++;
    }
  }
  return { name, span: { start: tokens[k].start, end }, next: j };
}

export function scanWac(text: string): WacScan {
  const tokens = tokenizeWac(text);
  const statements: WacStatement[] = [];
  const packageRefs: WacPackageRef[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'id' && t.text === 'new') {
      const p = packageNameAt(tokens, k + 1);
      if (p) packageRefs.push({ name: p.name, span: p.span });
    }
  }
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k];
    if (t.kind !== 'id' || !STATEMENT_KEYWORDS.has(t.text)) {
      k++;
      continue;
    }
    // The statement runs to its `;` at bracket depth 0, or to a `}` closing a top-level block
    // (interface, world, record ...), or to the next statement keyword at depth 0.
    let depth = 0;
    // A let's or export's expression holds no statements: a keyword inside an unclosed brace
    // starts the next one. (Interfaces and worlds hold imports and exports of their own.)
    const inExpression = t.text === 'let' || t.text === 'export';
    let j = k + 1;
    let end = t.end;
    for (; j < tokens.length; j++) {
      const u = tokens[j];
      if (u.text === '{' || u.text === '(' || u.text === '[' || u.text === '<') depth++;
      else if (u.text === '}' || u.text === ')' || u.text === ']' || u.text === '>') {
        depth = Math.max(0, depth - 1);
        if (depth === 0 && u.text === '}' && ['interface', 'world', 'record', 'variant', 'enum', 'flags', 'resource'].includes(t.text)) {
          end = u.end;
          j++;
          if (tokens[j]?.text === ';') {
            end = tokens[j].end;
            j++;
          }
          break;
        }
      } else if (u.text === ';' && depth === 0) {
        end = u.end;
        j++;
        break;
      } else if (
        (depth === 0 || inExpression) &&
        u.kind === 'id' &&
        STATEMENT_KEYWORDS.has(u.text) &&
        !(t.text === 'import' && u.text === 'interface') &&
        !(u.text === 'interface' && tokens[j - 1]?.text === ':')
      )
        break;
      end = u.end;
    }
    const body = tokens.slice(k + 1, j);
    const statement = describe(t, body, { start: t.start, end });
    if (statement) statements.push(statement);
    k = Math.max(j, k + 1);
  }
  return { tokens, statements, packageRefs };
}

function describe(keyword: WacToken, body: WacToken[], span: Span): WacStatement | undefined {
  const first = body[0];
  const spanOf = (tok: WacToken) => ({ start: tok.start, end: tok.end });
  const unquote = (s: string) => s.replace(/^"|"$/g, '');
  switch (keyword.text) {
    case 'package': {
      const p = packageNameAt(body, 0);
      return p ? { kind: 'package', name: p.name, nameSpan: p.span, span } : undefined;
    }
    case 'import': {
      if (first?.kind !== 'id') return undefined;
      const statement: WacStatement = { kind: 'import', name: first.text, nameSpan: spanOf(first), span };
      const colon = body.findIndex((u) => u.text === ':');
      if (body[1]?.text === 'as' && body[2]) statement.importName = unquote(body[2].text);
      else if (colon >= 0) {
        const p = packageNameAt(body, colon + 1);
        if (p) {
          // The path: `ns:pkg/iface@version`.
          const last = body.findIndex((u, i) => i > colon && u.text === ';');
          const tail = body.slice(colon + 1, last < 0 ? undefined : last);
          statement.importName = tail.map((u) => u.text).join('');
        }
      }
      return statement;
    }
    case 'let': {
      if (first?.kind !== 'id') return undefined;
      const eq = body.findIndex((u) => u.text === '=');
      const statement: WacStatement = { kind: 'let', name: first.text, nameSpan: spanOf(first), span };
      if (eq >= 0 && body[eq + 1]?.text === 'new') statement.instantiates = packageNameAt(body, eq + 2)?.name;
      return statement;
    }
    case 'export': {
      if (!first) return undefined;
      const as = body.findIndex((u, i) => u.text === 'as' && i > 0);
      const named = as >= 0 ? body[as + 1] : undefined;
      const expr = body.slice(0, as >= 0 ? as : body.length).filter((u) => u.text !== ';');
      const last = expr[expr.length - 1];
      const statement: WacStatement = named
        ? { kind: 'export', name: unquote(named.text), nameSpan: spanOf(named), span }
        : last?.kind === 'spread' && expr.length >= 2
          ? { kind: 'export', name: `${expr[expr.length - 2].text}...`, nameSpan: spanOf(expr[expr.length - 2]), span }
          : last?.text === ']' && expr[expr.length - 2]?.kind === 'string'
            ? { kind: 'export', name: unquote(expr[expr.length - 2].text), nameSpan: spanOf(expr[expr.length - 2]), span }
            : { kind: 'export', name: (last ?? first).text, nameSpan: spanOf(last ?? first), span };
      if (first.text === 'new') statement.instantiates = packageNameAt(body, 1)?.name;
      return statement;
    }
    case 'interface':
    case 'world':
      return first?.kind === 'id' ? { kind: keyword.text, name: first.text, nameSpan: spanOf(first), span } : undefined;
    default:
      return first?.kind === 'id' ? { kind: 'type', name: first.text, nameSpan: spanOf(first), span } : undefined;
  }
}
