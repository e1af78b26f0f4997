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

/** The problem with `name` (without `%`) as a WIT identifier, or undefined when it is valid. */
export function identifierProblem(name: string): { message: string; offset: number } | undefined {
  if (name.length === 0) return { message: 'empty identifier', offset: 0 };
  let offset = 0;
  const parts = name.split('-');
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (part.length === 0) return { message: "identifiers must have characters between '-'s", offset };
    const first = part[0];
    if (!(k === 0 ? /[a-zA-Z]/ : /[a-zA-Z0-9]/).test(first)) return { message: `invalid character in identifier '${first}'`, offset };
    // Digits have no case: the fragment's first letter decides it.
    let lower: boolean | undefined;
    for (let i = 0; i < part.length; i++) {
      const c = part[i];
      if (c >= '0' && c <= '9') continue;
      const isLower = c >= 'a' && c <= 'z',
        isUpper = c >= 'A' && c <= 'Z';
      lower ??= isLower ? true : isUpper ? false : undefined;
      if (lower === undefined || (lower ? !isLower : !isUpper))
        return { message: `invalid character in identifier '${c}'`, offset: offset + i };
    }
    offset += part.length + 1;
  }
  return undefined;
}

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
