// A package's foreign references (`ns:pkg/name`) as wit-parser collects them
// before anything is resolved (populate_foreign_deps): every path, gated or
// not, in file order; in a world its `use`s and `include`s, then its imports,
// then its exports. What wit-parser decides from that list is checked here:
// - the first mention of `ns:pkg/name` fixes whether it is an interface or a
//   world (a top-level `use` counts as an interface), so a later mention of the
//   other kind is the error, at that mention, whatever the dependency holds;
// - the order a package's dependencies are visited in (package cycles);
// - every foreign package mentioned must exist, even behind an inactive gate;
// - a foreign name with a mention whose own gate is active must be in its
//   package as that kind and not gated out there, whether or not the item
//   holding the mention is gated out: else `interface 'x' not found in package
//   'p'`, at the first mention (the resolver does not report foreign misses).
import type { Range } from 'vscode-languageserver-types';
import type * as A from '../syntax/ast';
import type { PackageEntity } from './entities';
import type { ResolveContext } from './context';
import { isExcluded } from './gates';

type Kind = 'interface' | 'world';
interface Mention {
  uri: string;
  path: Extract<A.UsePathAst, { kind: 'foreign' }>;
  kind: Kind;
  gates: A.Gate[];
}

/** One foreign name of a package: its kind and place from its first mention, and whether any mention is active. */
export interface ForeignName {
  key: string;
  name: string;
  kind: Kind;
  uri: string;
  range: Range;
  pathRange: Range;
  active: boolean;
}

/** The foreign paths of a package, in wit-parser's order. */
function mentions(pkg: PackageEntity): Mention[] {
  const out: Mention[] = [];
  for (const unit of pkg.units) {
    const add = (path: A.UsePathAst, kind: Kind, gates: A.Gate[]) => {
      if (path.kind === 'foreign') out.push({ uri: unit.uri, path, kind, gates });
    };
    const interfaceUses = (members: readonly A.InterfaceMemberAst[]) => {
      for (const m of members) if (m.kind === 'use') add(m.path, 'interface', m.gates);
    };
    for (const item of unit.items) {
      if (item.kind === 'toplevel-use') add(item.path, 'interface', item.gates);
      else if (item.kind === 'interface') interfaceUses(item.members);
      else if (item.kind === 'world') {
        for (const m of item.members) {
          if (m.kind === 'use') add(m.path, 'interface', m.gates);
          else if (m.kind === 'include') add(m.path, 'world', m.gates);
        }
        for (const dir of ['import', 'export'] as const) {
          for (const m of item.members) {
            if (m.kind !== dir) continue;
            if (m.target.kind === 'path') add(m.target.path, 'interface', m.gates);
            else if (m.target.kind === 'interface') interfaceUses(m.target.members);
          }
        }
      }
    }
  }
  return out;
}

const packageKey = (path: Mention['path']) => {
  const base = path.segments.map((s) => s.name).join(':');
  return path.version ? `${base}@${path.version.text}` : base;
};

const article = (k: Kind) => (k === 'world' ? 'a world' : 'an interface');

/**
 * First pass, before anything is resolved: reports a mention whose kind
 * conflicts with the first one, and records the dependencies of `pkg` in
 * `pkg.refs` in the order wit-parser visits them. Returns the foreign names.
 */
export function collectForeignNames(ctx: ResolveContext, pkg: PackageEntity): ForeignName[] {
  const names = new Map<string, ForeignName>();
  for (const { uri, path, kind, gates } of mentions(pkg)) {
    // Nested namespaces are refused where the path is resolved.
    if (path.segments.length !== 2 || path.names.length !== 1) continue;
    const key = packageKey(path);
    const dep = ctx.table.get(key);
    if (dep && dep !== pkg && !pkg.refs.has(dep)) pkg.refs.set(dep, { uri, range: path.range });
    const name = path.names[0];
    const active = !isExcluded(gates, ctx.features);
    const known = names.get(`${key}/${name.name}`);
    if (!known) {
      names.set(`${key}/${name.name}`, { key, name: name.name, kind, uri, range: name.range, pathRange: path.range, active });
      continue;
    }
    known.active ||= active;
    if (known.kind !== kind)
      ctx.sink.error(uri, name.range, `name \`${name.name}\` is defined as ${article(known.kind)}, not ${article(kind)}`, 'not-a-type');
  }
  return [...names.values()];
}

/** Second pass, package by package in wit-parser's order: missing packages, then missing (or gated-out) items. */
export function checkForeignNames(ctx: ResolveContext, pkg: PackageEntity, names: readonly ForeignName[]): void {
  for (const n of names) {
    const dep = ctx.table.get(n.key);
    if (!dep) {
      const known = ctx.table.packages
        .map((p) => p.key)
        .sort()
        .map((k) => `\n    ${k}`)
        .join('');
      ctx.sink.error(n.uri, n.pathRange, `package '${n.key}' not found. known packages:${known}`, 'unknown-package');
      continue;
    }
    // A self-reference is a dependency cycle (paths.ts).
    if (dep === pkg || !n.active) continue;
    const item = dep.items.get(n.name);
    // An encoded package is known by its interface names only.
    const missing = dep.opaque ? !item : !item || item.kind !== n.kind || item.excluded;
    if (missing)
      ctx.sink.error(n.uri, n.range, `${n.kind} '${n.name}' not found in package '${dep.key}'`, 'unknown-item', {
        name: n.name,
        package: dep.key,
      });
  }
}
