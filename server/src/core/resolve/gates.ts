// Feature gates: `@since(version = ..)`, `@unstable(feature = ..)`,
// `@deprecated(version = ..)`. Items behind an `@unstable` feature are excluded
// (no feature is active), and so is everything that refers to them.
import type { Range } from 'vscode-languageserver-types';
import type * as A from '../syntax/ast';
import { GATE_KEY } from '../syntax/ast';
import type { PackageEntity } from './entities';
import type { DiagnosticSink } from './diagnostics';
import { compareSemver, isSemver } from './packages';

/** Whether an item is left out: it is `@unstable` behind a feature that is not active. */
export function isExcluded(gates: A.Gate[], features: ReadonlySet<string>): boolean {
  return gates.some((g) => g.kind === 'unstable' && !(g.args[0] && features.has(g.args[0].value.text)));
}

/**
 * Checks the gates of one item; `at` is the item's name, where wit-parser reports
 * version problems, or undefined when the item makes nothing whose version
 * wit-parser checks (a `use` of no names).
 */
export function checkGates(sink: DiagnosticSink, uri: string, gates: A.Gate[], pkg: PackageEntity, at: Range | undefined): void {
  if (gates.length === 0) return;
  const kinds: string[] = [];
  for (const g of gates) {
    // `@external-id("...")` names an item for the outside world; it gates nothing.
    if (g.kind === 'external-id') continue;
    const expected = GATE_KEY[g.kind];
    if (!expected) {
      sink.error(uri, g.nameRange, `unknown attribute \`${g.kind}\``, 'invalid-gate');
      continue;
    }
    kinds.push(g.kind);
    const first = g.args[0];
    if (!first) {
      sink.error(uri, g.range, `expected \`${expected}\`, found ')'`, 'invalid-gate');
      continue;
    }
    if (first.key.name !== expected) {
      sink.error(uri, first.key.range, `expected \`${expected}\`, found \`${first.key.raw}\``, 'invalid-gate');
      continue;
    }
    // Each gate takes exactly one field (`@since(version = x, feature = y)` is gone
    // from wit-parser): it stops at the `,` expecting `)`.
    const extra = g.args[1];
    if (extra) {
      sink.error(uri, extra.key.range, `expected ')', found ','`, 'invalid-gate');
      continue;
    }
    if (expected === 'version') {
      if (!first.value.isVersion || !isSemver(first.value.text)) {
        sink.error(uri, first.value.range, `\`${first.value.text}\` is not a valid semver version`, 'invalid-version');
        continue;
      }
      // Only `@since` is checked against the package version; a `@deprecated` is
      // paired with a `@since` (checked) or an `@unstable` (never checked).
      if (g.kind === 'deprecated' || !at) continue;
      if (!pkg.version) {
        sink.error(uri, at, `feature gate \`@${g.kind}\` requires the package \`${pkg.key}\` to have a version`, 'invalid-gate');
      } else if (compareSemver(first.value.text, pkg.version) > 0) {
        sink.error(
          uri,
          at,
          `feature gate cannot reference unreleased version ${first.value.text} of package [${pkg.key}] (current version ${pkg.version})`,
          'invalid-gate',
        );
      }
    } else if (first.value.isVersion) {
      sink.error(uri, first.value.range, `expected an identifier, found \`${first.value.text}\``, 'invalid-gate');
    }
  }
  // As wasm-tools 1.263 reads them, at the attribute's name: a gate given twice
  // is wrong at the repeat, `@since` with `@unstable` at the `@since`, a lone
  // `@deprecated` at itself. (1.239 matched the list as a whole and pointed at
  // its second attribute: "unsupported combination of attributes".)
  const first = new Map<string, A.Gate>();
  for (const g of gates) {
    if (!GATE_KEY[g.kind]) continue;
    if (first.has(g.kind)) {
      sink.error(uri, g.nameRange, `cannot specify @${g.kind} twice`, 'invalid-gate');
      return;
    }
    first.set(g.kind, g);
  }
  const since = first.get('since');
  if (since && first.has('unstable')) sink.error(uri, since.nameRange, 'cannot specify both @since and @unstable', 'invalid-gate');
  else if (kinds.length === 1 && kinds[0] === 'deprecated') {
    sink.error(uri, first.get('deprecated')!.nameRange, '`@deprecated` must be paired with `@since` or `@unstable`', 'invalid-gate');
  }
}
