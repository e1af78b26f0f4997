// Every diagnostic code the core gives, in one place. A code names the kind of
// mistake, stays the same when a message is reworded, and is what quick fixes,
// tests and other tools key on (never the message text). Codes that a fix needs
// more for carry it in the diagnostic's `data` (see `UnknownNameData`).
// The README's "Diagnostic codes" table lists them for other editors' users.

export const DIAGNOSTIC_CODES = {
  /** The text does not parse (tree-sitter's error, worded as wit-parser's). */
  'syntax-error': 'the text does not parse',
  /** A character WIT does not allow, or an unterminated comment. */
  'invalid-character': 'a character or comment the lexer rejects',
  /** An identifier that breaks the kebab-case rules, or a keyword used as one. */
  'invalid-identifier': 'an identifier that is not kebab-case, or a keyword',
  /** A version that is not semver. */
  'invalid-version': 'a version that is not semver',
  /** A type or name used but not declared (data: `{ name }`). */
  'unknown-name': 'a type or name that is not defined',
  /** An interface or world path that names nothing (data: `{ name, package? }`). */
  'unknown-item': 'an interface or world that does not exist',
  /** A package that is neither in the folder nor under deps/. */
  'unknown-package': 'a package that is not found',
  /** A name declared twice, or two names that differ only in case. */
  'duplicate-name': 'a name defined more than once',
  /** A function used as a type, a handle of a non-resource. */
  'not-a-type': 'something used as a type that is not one',
  /** A type WIT rejects: an empty variant or enum, a bad constructor result, a borrow in a result, a bad map key or list length. */
  'invalid-type': 'a type definition wit-parser rejects',
  /** Packages that depend on each other. */
  'dependency-cycle': 'packages that depend on each other',
  /** Interfaces or worlds that `use` each other (reported once per cycle). */
  'use-cycle': 'interfaces or worlds that depend on themselves',
  /** A type that contains itself. */
  'type-cycle': 'a type that depends on itself',
  /** A package header that is missing, repeated or conflicting, or a nested package out of place. */
  'package-header': 'a missing, repeated or conflicting package declaration',
  /** A malformed `@since`, `@unstable` or `@deprecated`, or gates that contradict each other. */
  'invalid-gate': 'a feature gate wit-parser rejects',
  /** A reference to an item left out because its `@unstable` feature is not active. */
  'feature-excluded': 'a reference to an item whose feature is not active',
  /** A world import, export or include that conflicts, shadows or names nothing. */
  'world-item': 'a world import, export or include wit-parser rejects',
  /** An item changed against `wit.compatibility.base` in a way that breaks a side of the contract. */
  compatibility: 'a change against the compatibility base',
  /** An item added without the `@since` gate of the package's new version. */
  'missing-since': 'an added item without its @since gate',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** `data` of `unknown-name` and `unknown-item` diagnostics: what the quick fixes look for. */
export interface UnknownNameData {
  name: string;
  /** For `unknown-item`: the package the path named, when it named one. */
  package?: string;
}
