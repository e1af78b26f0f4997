// The verdict against semver. Changes that break importers need a breaking
// bump (major; minor below 1.0, patch below 0.1, as Cargo reads versions);
// additions need a feature bump (minor; patch below 1.0); gate-only changes
// a fix. A prerelease promises nothing, so a change to or from one is not
// judged. In a package that uses `@since`, every added item must carry
// `@since(version = <new version>)` (or be `@unstable`), unless it comes
// inside a container added in the same release with that gate.
import type { Change, PackageSurface, Verdict } from './types';

type Level = 'none' | 'fix' | 'feature' | 'breaking';
const RANK: Record<Level, number> = { none: 0, fix: 1, feature: 2, breaking: 3 };
const REQUIRED: Record<Level, Verdict['required']> = { none: 'none', fix: 'patch', feature: 'minor', breaking: 'major' };

interface Semver {
  major: number;
  minor: number;
  patch: number;
  pre: string;
}

function parse(v: string | undefined): Semver | undefined {
  const m = v && /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v);
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ?? '' } : undefined;
}

/** What a version change allows, read as Cargo does below 1.0. */
function bumpLevel(from: Semver, to: Semver): Level | 'down' {
  const cmp = to.major - from.major || to.minor - from.minor || to.patch - from.patch;
  if (cmp < 0) return 'down';
  if (from.major > 0 || to.major > 0) {
    if (to.major !== from.major) return 'breaking';
    if (to.minor !== from.minor) return 'feature';
    return to.patch !== from.patch ? 'fix' : 'none';
  }
  if (from.minor > 0 || to.minor > 0) {
    if (to.minor !== from.minor) return 'breaking';
    return to.patch !== from.patch ? 'feature' : 'none';
  }
  return to.patch !== from.patch ? 'breaking' : 'none';
}

export function judge(changes: readonly Change[], oldS: PackageSurface, newS: PackageSurface): Verdict {
  let needed: Level = changes.length ? 'fix' : 'none';
  const breaking: string[] = [],
    additions: string[] = [];
  for (const c of changes) {
    if (c.importers === 'breaking') breaking.push(c.path);
    else if (c.exporters === 'breaking' || c.change === 'added') additions.push(c.path);
  }
  if (additions.length) needed = 'feature';
  if (breaking.length) needed = 'breaking';
  const verdict: Verdict = {
    ok: true,
    required: REQUIRED[needed],
    from: oldS.version,
    to: newS.version,
    errors: [],
    warnings: [],
    gateProblems: [],
  };
  const list = (paths: string[]) =>
    paths
      .slice(0, 5)
      .map((p) => `\`${p}\``)
      .join(', ') + (paths.length > 5 ? ` and ${paths.length - 5} more` : '');

  const from = parse(oldS.version),
    to = parse(newS.version);
  if (oldS.name !== newS.name) verdict.warnings.push(`the package is renamed: ${oldS.name} -> ${newS.name}`);
  if (!from || !to) {
    if (needed !== 'none') verdict.warnings.push('a package without a version: semver is not checked');
  } else if (from.pre || to.pre) {
    if (needed !== 'none' && oldS.version !== newS.version)
      verdict.warnings.push(`a prerelease (${oldS.version} -> ${newS.version}) promises no compatibility: semver is not checked`);
    else if (needed !== 'none') verdict.errors.push(`changes without a version bump (still ${newS.version})`);
  } else {
    const got = bumpLevel(from, to);
    const bumpName = (l: Level) =>
      l === 'breaking'
        ? from.major > 0
          ? 'major'
          : from.minor > 0
            ? 'minor (below 1.0)'
            : 'patch (below 0.1)'
        : l === 'feature'
          ? from.major > 0
            ? 'minor'
            : 'patch (below 1.0)'
          : 'patch';
    if (got === 'down') verdict.errors.push(`the version goes down: ${oldS.version} -> ${newS.version}`);
    else if (RANK[got] < RANK[needed]) {
      const what =
        needed === 'breaking'
          ? `breaking changes (${list(breaking)})`
          : needed === 'feature'
            ? `additions (${list(additions)})`
            : 'gate changes';
      const msg = `${what} need a ${bumpName(needed)} version bump: ${oldS.version} -> ${newS.version} is ${got === 'none' ? 'no bump' : `a ${bumpName(got)} bump`}`;
      if (needed === 'fix') verdict.warnings.push(msg);
      else verdict.errors.push(msg);
    }
  }
  if (newS.usesGates && newS.version) {
    const added = new Map(changes.filter((c) => c.change === 'added').map((c) => [c.path, c]));
    // Inside a container that is new in this release and gated so, an item is new with it.
    const gatedByContainer = (c: Change): boolean => {
      for (let p = c.new?.parent; p; p = added.get(p)?.new?.parent) {
        const g = added.get(p)?.new?.gates;
        if (g && (g.since === newS.version || g.unstable)) return true;
      }
      return false;
    };
    for (const c of changes) {
      if (c.change !== 'added' || !c.new || !c.new.uri || c.new.gates.unstable || gatedByContainer(c)) continue;
      if (!c.new.gates.since)
        verdict.errors.push(`\`${c.path}\` is added without \`@since(version = ${newS.version})\` in a package that uses gates`);
      else if (c.new.gates.since !== newS.version)
        verdict.errors.push(`\`${c.path}\` is added with \`@since(version = ${c.new.gates.since})\`; this release is ${newS.version}`);
      else continue;
      verdict.gateProblems.push({ path: c.path, expected: newS.version, found: c.new.gates.since });
    }
  }
  verdict.ok = verdict.errors.length === 0;
  return verdict;
}
