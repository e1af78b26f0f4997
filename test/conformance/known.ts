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
  /** The tool's error text (empty when it passes). */
  message: string;
}

interface KnownDifference {
  /** The versions it holds for: [first, last], inclusive. */
  versions: [string, string];
  why: string;
  applies(c: DifferenceContext): boolean;
}

const KNOWN: KnownDifference[] = [
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
];

/** `known-<version>: why` when the disagreement is listed for this version. */
export function knownDifference(version: string, c: DifferenceContext): string | undefined {
  const k = KNOWN.find((d) => compareVersions(version, d.versions[0]) >= 0 && compareVersions(version, d.versions[1]) <= 0 && d.applies(c));
  return k ? `known-${version}: ${k.why}` : undefined;
}
