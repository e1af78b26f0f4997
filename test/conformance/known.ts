// Known differences between our diagnostics and a given wasm-tools release,
// each labelled with the versions it holds for. We follow the newest wit-parser
// (the corpus's, and the release users install); where an older release says
// otherwise the disagreement is expected and counted apart, not hidden: the
// runners print each one with its label. A difference listed for one version is
// a plain disagreement with any other, so a behaviour change shows up at once.
import { compareVersions } from './wasmTools';

export interface DifferenceContext {
  /** `ui`: a wit-parser UI case (uiJudge.ts); `diff`: a mutant (diff.ts). */
  suite: 'ui' | 'diff';
  /** The case name, or for a mutant its mutation description (`kind: file: what`). */
  name: string;
  /** How we disagree: missed, wrong-line, false-error, ... */
  grade: string;
  /** The tool's whole error text (empty when it passes). */
  message: string;
  /** Our first error (location and message), if any. */
  ours?: string;
}

interface KnownDifference {
  /** The versions it holds for: [first, last], inclusive. */
  versions: [string, string];
  why: string;
  applies(c: DifferenceContext): boolean;
}

const KNOWN: KnownDifference[] = [
  {
    // Label fragments after the first may start with a digit (`sync-16`; the
    // label grammar of Explainer.md, and 1.263); 1.239 wanted a letter first.
    versions: ['1.239.0', '1.239.0'],
    why: 'a label fragment starting with a digit (`sync-16`) rejected by 1.239',
    applies: (c) => c.grade === 'missed' && /invalid character in identifier '[0-9]'/.test(c.message),
  },
  {
    // Corpus bad-gate-record-field: a record field naming an excluded type is
    // reported at the field; 1.239 reports it at the record.
    versions: ['1.239.0', '1.239.0'],
    why: 'excluded type in a record field reported at the record',
    applies: (c) => (c.grade === 'wrong-line' || c.grade === 'elsewhere') && /failed to update field/.test(c.message),
  },
  {
    // 1.239 names an async function `[async]f` in a world, so `include w with
    // { f as g }` does not find it; the corpus's wit-parser names it `f`.
    versions: ['1.239.0', '1.239.0'],
    why: 'async function named [async]f in include-with',
    applies: (c) => c.grade === 'missed' && c.name.startsWith('async-func') && /Note that an ID does not support renaming/.test(c.message),
  },
  {
    // 1.239 reads `import x: i;` as package `x:i` and stops at the `;`; the
    // corpus's wit-parser and 1.263 import interface `i` under the name `x`
    // (corpus implements-*: the error is then the one of the name or path).
    versions: ['1.239.0', '1.239.0'],
    why: 'named import of an interface path (`import x: i;`) is a syntax error in 1.239',
    applies: (c) => c.grade !== 'false-error' && /expected `\/`, found [':;]/.test(c.message),
  },
  {
    // Cases of the corpus newer than 1.239: a gated-out import of an interface a
    // foreign package does not have is no error (1.263 and the corpus agree).
    versions: ['1.239.0', '1.239.0'],
    why: 'gated-out foreign interface looked up anyway',
    applies: (c) => c.suite === 'ui' && c.grade === 'missed' && /^foreign-(interface|world)-dep-gated\.wit$/.test(c.name),
  },
  {
    // `map<K, V>` is newer than 1.239 (corpus maps.wit, map-invalid-key.wit).
    versions: ['1.239.0', '1.239.0'],
    why: 'map<K, V> not parsed by 1.239',
    applies: (c) => c.grade !== 'false-error' && /found '<'/.test(c.message) && /map/.test(c.name),
  },
  {
    // Strong uniqueness (Binary.md; 1.263 and the corpus): 1.239 compared names
    // exactly, so `f`/`F`, `[method]a.a`/`a`, fields `a`/`A` passed or were
    // found later.
    versions: ['1.239.0', '1.239.0'],
    why: 'names compared exactly, not strongly-unique',
    applies: (c) =>
      c.grade !== 'missed' &&
      /conflicts with previous (name|field|flag|case) `|kebab-case identifiers are case-insensitive|duplicate (field|flag|case) `/.test(
        c.ours ?? '',
      ),
  },
  {
    // Nesting limits of the corpus and 1.263: 1.239 has none for types and
    // finds a nested package's misplacement before the package depth.
    versions: ['1.239.0', '1.239.0'],
    why: 'no type/package nesting limit',
    applies: (c) => /nesting too deep/.test(c.ours ?? ''),
  },
  {
    // 1.239 reports a bad list of gates at its second attribute; 1.263 at the
    // repeated gate, or at the `@since` of `@since` + `@unstable` (as we do).
    versions: ['1.239.0', '1.239.0'],
    why: 'bad gate list reported at its second attribute',
    applies: (c) => c.grade !== 'false-error' && /unsupported combination of attributes/.test(c.message),
  },
  {
    // 1.263 rejects `record r {}`, `flags f {}` and `tuple<>` (strong
    // validation of component types); the corpus's wit-parser and the spec's
    // WIT.md accept them, and so do we: the corpus's passing cases types.wit,
    // multi-file, union-fuzz-2 and use-chain have them, and parse-fail cases
    // async-bad-world3 and import-and-export5 fail on them before their own error.
    versions: ['1.263.0', '1.263.0'],
    why: 'empty record/flags/tuple rejected by 1.263, accepted by the corpus',
    applies: (c) => c.grade !== 'false-error' && /(^|: )empty (record|flags|tuple)$/.test(c.message.split(' / ').pop()!.trim()),
  },
];

/** `known-<version>: why` when the disagreement is listed for this version. */
export function knownDifference(version: string, c: DifferenceContext): string | undefined {
  const k = KNOWN.find((d) => compareVersions(version, d.versions[0]) >= 0 && compareVersions(version, d.versions[1]) <= 0 && d.applies(c));
  return k ? `known-${version}: ${k.why}` : undefined;
}
