// The builtin types and keywords of WIT, with a line on what each is. Used by
// completion (what to offer) and hover (what to say). Identifier rules are the
// resolver's (resolve/identifiers.ts), so both agree on what is valid.
import { escapeIdentifier, identifierProblem } from '../syntax/identifiers';
export const PRIMITIVE_TYPES: Record<string, string> = {
  bool: 'A boolean, `true` or `false`.',
  u8: 'An unsigned 8-bit integer.',
  u16: 'An unsigned 16-bit integer.',
  u32: 'An unsigned 32-bit integer.',
  u64: 'An unsigned 64-bit integer.',
  s8: 'A signed 8-bit integer.',
  s16: 'A signed 16-bit integer.',
  s32: 'A signed 32-bit integer.',
  s64: 'A signed 64-bit integer.',
  f32: 'A 32-bit IEEE 754 float.',
  f64: 'A 64-bit IEEE 754 float.',
  char: 'A Unicode scalar value.',
  string: 'A Unicode string.',
  'error-context': 'An opaque error context, for async error reporting.',
};

/** Generic builtins, with the snippet completion inserts. */
export const GENERIC_TYPES: Record<string, { doc: string; snippet: string }> = {
  list: { doc: 'A sequence of values: `list<T>`, or fixed-length `list<T, N>`.', snippet: 'list<${1:T}>' },
  option: { doc: 'An optional value: `option<T>`.', snippet: 'option<${1:T}>' },
  result: { doc: 'Success or failure: `result<T, E>`, `result<T>`, `result<_, E>`, `result`.', snippet: 'result<${1:T}, ${2:E}>' },
  tuple: { doc: 'A fixed sequence of values of different types: `tuple<A, B>`.', snippet: 'tuple<${1:A}, ${2:B}>' },
  map: { doc: 'A map from keys to values: `map<K, V>`.', snippet: 'map<${1:K}, ${2:V}>' },
  future: { doc: 'A value that arrives later: `future<T>`.', snippet: 'future<${1:T}>' },
  stream: { doc: 'A sequence of values over time: `stream<T>`.', snippet: 'stream<${1:T}>' },
  borrow: { doc: 'A borrowed handle to a resource: `borrow<R>`.', snippet: 'borrow<${1:R}>' },
  own: { doc: 'An owned handle to a resource: `own<R>`.', snippet: 'own<${1:R}>' },
};

export { KEYWORDS } from '../syntax/identifiers';

/** What the item keywords declare, for hover. */
const KEYWORD_DOCS: Record<string, string> = {
  package: 'Names the package this file belongs to: `package namespace:name@version;`.',
  interface: 'A named collection of types and functions that a world can import or export.',
  world: 'Describes a component: what it imports and what it exports.',
  use: 'Brings types from another interface into scope: `use iface.{a, b as c};`.',
  import: 'Something the component needs from its host: an interface or a function.',
  export: 'Something the component provides: an interface or a function.',
  include: 'Merges the imports and exports of another world into this one.',
  record: 'A type with named fields, all present.',
  variant: 'A type that is one of several cases, each with an optional payload.',
  enum: 'A variant whose cases have no payload.',
  flags: 'A set of named booleans.',
  resource: 'A handle type with methods, a constructor and static functions; values are `own` or `borrow`ed.',
  type: 'A type alias: `type name = other-type;`.',
  func: 'A function type: `func(params) -> result`.',
  async: 'An asynchronous function (Component Model async).',
  static: 'A static function of a resource (no `self`).',
  constructor: 'The constructor of a resource.',
};

export function builtinHover(word: string): string | undefined {
  if (PRIMITIVE_TYPES[word]) return '```wit\n' + word + '\n```\n\n' + PRIMITIVE_TYPES[word];
  if (GENERIC_TYPES[word]) return '```wit\n' + word + '\n```\n\n' + GENERIC_TYPES[word].doc;
  if (KEYWORD_DOCS[word]) return `\`${word}\` — ${KEYWORD_DOCS[word]}`;
  return undefined;
}

/** A WIT identifier: kebab-case words, each all lower-case or all upper-case, a letter first. */
export function isValidIdentifier(name: string): boolean {
  return identifierProblem(name) === undefined;
}

/** The name as it must be written: `%` before a keyword. */
export const escapeName = escapeIdentifier;
