// WIT's identifier rules, worded as wit-parser reports them: kebab-case
// fragments, each all-lowercase or all-uppercase; the first starts with a
// letter, later ones may start with a digit (`sync-16`, wasm-tools 1.263 and
// the label grammar of Explainer.md; 1.239 wanted a letter first in every
// fragment). Keywords need `%`.

export const KEYWORDS = new Set([
  'as',
  'async',
  'bool',
  'borrow',
  'char',
  'constructor',
  'enum',
  'error-context',
  'export',
  'f32',
  'f64',
  'flags',
  'from',
  'func',
  'future',
  'import',
  'include',
  'interface',
  'list',
  'map',
  'option',
  'own',
  'package',
  'record',
  'resource',
  'result',
  's16',
  's32',
  's64',
  's8',
  'static',
  'stream',
  'string',
  'tuple',
  'type',
  'u16',
  'u32',
  'u64',
  'u8',
  'use',
  'variant',
  'with',
  'world',
]);

/**
 * The problem with `name` (without `%`) as a WIT identifier, or undefined when it is valid.
 * One pass over the character codes: it runs for every name of every file opened
 * (a split and two regular expressions per name were 5 % of opening a big file).
 */
export function identifierProblem(name: string): { message: string; offset: number } | undefined {
  if (name.length === 0) return { message: 'empty identifier', offset: 0 };
  let fragment = 0;
  // Digits have no case: the fragment's first letter decides it.
  let lower: boolean | undefined;
  for (let i = 0; i <= name.length; i++) {
    // The end of the name ends its last fragment, as a '-' would.
    const c = i < name.length ? name.charCodeAt(i) : DASH;
    if (c === DASH) {
      if (i === fragment) return { message: "identifiers must have characters between '-'s", offset: fragment };
      fragment = i + 1;
      lower = undefined;
      continue;
    }
    const isDigit = c >= 48 && c <= 57,
      isLower = c >= 97 && c <= 122,
      isUpper = c >= 65 && c <= 90;
    // The first fragment starts with a letter, later ones may start with a digit.
    if (i === fragment && !(isLower || isUpper || (isDigit && fragment > 0)))
      return { message: `invalid character in identifier '${name[i]}'`, offset: fragment };
    if (isDigit) continue;
    lower ??= isLower ? true : isUpper ? false : undefined;
    if (lower === undefined || (lower ? !isLower : !isUpper)) return { message: `invalid character in identifier '${name[i]}'`, offset: i };
  }
  return undefined;
}

const DASH = 45;

/** Converts a name to valid kebab-case (for the quick fix): `fooBar_baz` -> `foo-bar-baz`. */
export function toKebabCase(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  let out = words.join('-');
  // Only the first fragment must start with a letter.
  out = out.replace(/^([0-9])/, 'n$1');
  return out || 'name';
}

/** `name` as it must be written in WIT: escaped with `%` when it is a keyword. */
export function escapeIdentifier(name: string): string {
  return KEYWORDS.has(name) ? `%${name}` : name;
}
