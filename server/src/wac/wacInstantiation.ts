// A `new pkg { ... }` expression, checked in the order wac's resolver checks it (new_expr in
// wac-parser's resolution.rs): the package; the inferred and named arguments in order (their
// names inferred by wac's rules), `...` last; the spreads, each filling the imports still
// unsatisfied from an instance's exports; then each argument against its import (there is
// one of that name, and the argument fits it); then, without `...`, the first import no
// argument satisfies. Unlike wac it goes on after an error, so every mistake shows at once.
import type { ExternItem } from '../../../common/component/model';
import { splitVersion, versionsCompatible } from '../../../common/component/plugFit';
import type { Node } from '../core/index';
import { argumentMisfit } from './wacFit';
import { expression, lookup, matchingInterfaceName, nameOf, report, splitPackage, type Scope, type Value } from './wacSemantics';

interface Argument {
  value: Value;
  /** Where wac points for this argument: its name, or the spread's instance. */
  at: Node;
  /** How it reads in the reasons (`the argument \`greeter\``). */
  label: string;
}

/** wac's are_semver_compatible: the same name, with versions the component model links as one. */
function semverCompatible(a: string, b: string): boolean {
  const x = splitVersion(a);
  const y = splitVersion(b);
  return x.base === y.base && x.version !== undefined && y.version !== undefined && versionsCompatible(x.version, y.version);
}

/** The name an inferred argument `ident` is passed as (wac's inferred_instantiation_arg). */
function inferredName(ident: string, value: Value, imports: string[]): string {
  if (value.sort === 'instance' && value.id && imports.includes(value.id)) return value.id;
  const source = value.importName ?? value.aliasName;
  if (source !== undefined && imports.includes(source)) return source;
  return matchingInterfaceName(ident, imports) ?? ident;
}

export function checkInstantiation(scope: Scope, node: Node): Value {
  const pkgNode = node.childForFieldName('package');
  const args = node.childForFieldName('arguments');
  if (!pkgNode || !args) return {};
  const { name: pkgName, version } = splitPackage(pkgNode.text);
  const self = pkgName === scope.self;
  const found = self ? undefined : scope.packages(pkgName, version);
  if (self) report(scope, pkgNode, 'instantiate-self', 'cannot instantiate the package being defined');
  else if (!found) report(scope, pkgNode, 'unknown-package', `unknown package \`${pkgName}\``);
  const info = found?.world;
  const imports: ExternItem[] = info?.imports ?? [];
  const importNames = imports.map((i) => i.name);
  const given = new Map<string, Argument>();
  const list = args.namedChildren.filter((n): n is Node => !!n);
  let requireAll = true;
  // An argument whose name or value is unknown (its error already reported) may be the one
  // that satisfies an import: nothing is then called missing, which wac would not say either.
  let uncertain = false;
  list.forEach((arg, i) => {
    let name: string | undefined;
    let entry: Argument | undefined;
    if (arg.type === 'inferred_argument') {
      const id = arg.childForFieldName('name');
      const value = id && lookup(scope, id);
      // (A name whose let failed: which import it is for depends on what it would have been.)
      const unknown = value && value.sort === undefined && !value.importName && !value.aliasName && !value.id;
      if (!id || !value || unknown) {
        uncertain = true;
        return;
      }
      name = info ? inferredName(nameOf(id), value, importNames) : nameOf(id);
      entry = { value, at: id, label: `\`${id.text}\`` };
    } else if (arg.type === 'named_argument') {
      const n = arg.childForFieldName('name');
      const valueNode = arg.childForFieldName('value');
      const value = expression(scope, valueNode);
      if (!n) return;
      name = n.type === 'string_literal' ? nameOf(n) : (matchingInterfaceName(nameOf(n), importNames) ?? nameOf(n));
      entry = { value, at: n, label: `\`${valueNode?.text ?? n.text}\`` };
    } else if (arg.type === 'fill_argument') {
      if (i !== list.length - 1) report(scope, arg, 'fill-not-last', 'implicit import argument `...` must be the last argument');
      requireAll = false;
      return;
    } else return;
    if (given.has(name)) report(scope, entry.at, 'duplicate-argument', `duplicate instantiation argument \`${name}\``);
    else given.set(name, entry);
  });
  for (const arg of list)
    if (arg.type === 'spread_argument' && !spread(scope, arg, info ? importNames : undefined, given)) uncertain = true;
  if (!info) return found ? { sort: 'instance' } : {};
  for (const [name, arg] of given) {
    const needed = imports.find((i) => i.name === name);
    if (!needed) {
      report(scope, arg.at, 'unknown-import', `component \`${pkgName}\` has no import named \`${name}\``);
      continue;
    }
    if (arg.value.sort === undefined || arg.value.type === undefined) continue;
    const reasons = argumentMisfit(needed, { sort: arg.value.sort, type: arg.value.type }, arg.label);
    if (reasons.length)
      report(scope, arg.at, 'mismatched-argument', [`mismatched instantiation argument \`${name}\``, ...reasons].join('\n'));
  }
  // With `...`, what no argument gives becomes an import of the composition.
  if (!requireAll)
    for (const i of imports) if (!given.has(i.name) && !scope.implicitImports.has(i.name)) scope.implicitImports.set(i.name, pkgName);
  if (requireAll && !uncertain) {
    const missing = imports.find((i) => !given.has(i.name));
    if (missing)
      report(scope, pkgNode, 'missing-argument', `missing instantiation argument \`${missing.name}\` for package \`${pkgNode.text}\``);
  }
  return {
    sort: 'instance',
    type: { kind: 'instance', exports: info.exports },
  };
}

/**
 * `...c`: the exports of instance c for the imports still unsatisfied (exact name, else a
 * compatible version). False when what it gives is not known (c is unknown or no instance).
 */
function spread(scope: Scope, arg: Node, imports: string[] | undefined, given: Map<string, Argument>): boolean {
  const id = arg.childForFieldName('instance');
  const value = id && lookup(scope, id);
  if (!id || !value || value.sort === undefined) return false;
  if (value.sort !== 'instance') {
    report(scope, id, 'not-an-instance', 'an instance is required to perform a spread operation');
    return false;
  }
  if (!imports || value.type?.kind !== 'instance') return false;
  const exports = value.type.exports;
  let matched = false;
  for (const name of imports) {
    if (given.has(name)) continue;
    const e = exports.find((x) => x.name === name) ?? exports.find((x) => semverCompatible(x.name, name));
    if (!e) continue;
    matched = true;
    given.set(name, { value: { sort: e.sort, type: e.type, aliasName: e.name }, at: id, label: `\`${id.text}\`'s export \`${e.name}\`` });
  }
  if (!matched) report(scope, id, 'spread-no-match', 'the instance has no matching exports for the remaining unsatisfied arguments');
  return true;
}

/**
 * An explicit import of a name an instantiation left to the composition (`...`): wac finds
 * it when it encodes the composition, after everything resolved, and says where in words only.
 */
export function implicitConflicts(scope: Scope): void {
  for (const [name, at] of scope.imports) {
    const pkg = scope.implicitImports.get(name);
    if (pkg !== undefined)
      report(
        scope,
        at,
        'implicit-import-conflict',
        `import \`${name}\` conflicts with an item that was implicitly imported by an instantiation of \`${pkg}\``,
      );
  }
}
