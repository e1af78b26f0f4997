// The resolver: packages of a root (its package and deps/) to a checked model.
// Passes: group files into packages; declare items; order interfaces and worlds
// so that what is used comes first (reporting cycles); resolve each in order.
import type * as A from '../syntax/ast';
import type { Analysis, WitReference } from '../model';
import type { InterfaceEntity, PackageEntity, WorldEntity } from './entities';
import { DiagnosticSink } from './diagnostics';
import { PackageTable, compareSemver, groupPackages, packageKey, type LoweredSource } from './packages';
import type { ResolveContext } from './context';
import { declareFileUses, declarePackage } from './declare';
import { opaqueInterface, resolvePath, type PathTarget } from './paths';
import { declareDefinitions, declareUses } from './scope';
import { checkDefinitions } from './typecheck';
import { checkInterfaceNames } from './uniqueness';
import { checkForeignNames, collectForeignNames } from './foreignDeps';
import { checkGates, isExcluded } from './gates';
import { resolveWorld } from './worlds';
import { makeSymbol } from './symbols';
import { reportPackageCycles } from './cycles';
import type { BinaryPackageSource } from './discover';

/**
 * The resolved packages of a root's deps/, reused while they do not change:
 * an edit in the root package then resolves only the root (WASI http's deps are
 * four fifths of its text). Valid only when nothing in them could depend on the
 * root: see `canResolveOnTop`.
 */
export interface ResolvedBase {
  entities: PackageEntity[];
  references: WitReference[];
  /** The deps resolved without a diagnostic (so none of them names a package outside them). */
  clean: boolean;
}

export interface Resolved extends Pick<Analysis, 'references' | 'packages'> {
  /** Every package, binary ones included (a base for `resolveRoot` on top of it). */
  entities: PackageEntity[];
}

/**
 * Resolves the sources (with `base` already resolved underneath: its packages
 * are looked up, never changed, and not checked again).
 */
export function resolveRoot(
  sources: LoweredSource[],
  binaries: BinaryPackageSource[],
  sink: DiagnosticSink,
  features: ReadonlySet<string>,
  base?: ResolvedBase,
): Resolved {
  const table = new PackageTable();
  for (const p of base?.entities ?? []) table.adopt(p);
  for (const s of sources) groupPackages(s, table, sink);
  for (const b of binaries) addBinaryPackages(table, b);
  const underneath = new Set(base?.entities);
  const own = table.packages.filter((p) => !p.opaque && !underneath.has(p));
  const ctx: ResolveContext = { sink, features, table, references: [], fileUses: new Map(), nodes: [], packageOf: new Map() };
  for (const pkg of own) declarePackage(ctx, pkg);
  // wit-parser's order: each package's own references first, then the packages
  // sorted (cycles), then each package's foreign names looked up in that order.
  const foreign = new Map(own.map((p) => [p, collectForeignNames(ctx, p)] as const));
  for (const pkg of checkPackageCycles(ctx)) {
    const names = foreign.get(pkg);
    if (names) checkForeignNames(ctx, pkg, names);
  }
  for (const pkg of own) declareFileUses(ctx, pkg);

  for (const pkg of own) reportPackageCycles(ctx, pkg);
  const inline = createInlineInterfaces(ctx);
  for (const node of topologicalOrder(ctx, inline, underneath)) {
    if (node.kind === 'interface') resolveInterface(ctx, node);
    else resolveWorld(ctx, node, inline);
  }
  // In the order of a resolution of everything: the root's packages, then the deps'.
  const entities = base ? [...table.packages.filter((p) => !underneath.has(p)), ...base.entities] : table.packages;
  return {
    references: base ? [...base.references, ...ctx.references] : ctx.references,
    packages: entities.filter((p) => !p.opaque).map((p) => p.model),
    entities,
  };
}

/**
 * Whether `files` can be resolved on top of `base` with the result a resolution
 * of everything would give: the base is clean (no package in it names one
 * outside it, so none depends on these files, and it has no cycle), and no
 * package here is one of the base's (a package defined twice is an error that
 * belongs to both).
 */
export function canResolveOnTop(base: ResolvedBase, files: readonly A.FileAst[]): boolean {
  if (!base.clean) return false;
  const keys = new Set(base.entities.map((p) => p.key));
  for (const file of files) {
    const decl = file.packageDecls[0];
    if (decl && keys.has(packageKey(decl.name).key)) return false;
    const stack = file.items.filter((i): i is A.NestedPackageAst => i.kind === 'nested-package');
    while (stack.length) {
      const nested = stack.pop()!;
      if (keys.has(packageKey(nested.name).key)) return false;
      for (const i of nested.items) if (i.kind === 'nested-package') stack.push(i);
    }
  }
  return true;
}

function addBinaryPackages(table: PackageTable, b: BinaryPackageSource): void {
  for (const full of b.interfaceNames) {
    const m = /^([^/]+)\/([^@]+)(?:@(.+))?$/.exec(full);
    if (!m) continue;
    const [, baseName, name, version] = m;
    const key = version ? `${baseName}@${version}` : baseName;
    const pkg = table.getOrCreate(key, baseName, version, true, true);
    if (!pkg.items.has(name)) pkg.items.set(name, opaqueInterface(pkg, name, b.location));
  }
}

/** `import x: interface { ... }` makes an interface of its own, resolved before its world. */
function createInlineInterfaces(ctx: ResolveContext): Map<A.ImportExportAst, InterfaceEntity> {
  const inline = new Map<A.ImportExportAst, InterfaceEntity>();
  for (const node of [...ctx.nodes]) {
    if (node.kind !== 'world') continue;
    for (const m of node.ast.members) {
      if ((m.kind !== 'import' && m.kind !== 'export') || m.target.kind !== 'interface' || !m.name) continue;
      const symbol = makeSymbol('interface', m.name.name, node.uri, m.name.range, m.range, `${m.kind} ${m.name.raw}: interface`, {
        container: node.symbol,
        docs: m.docs,
        gates: m.gates,
        packageName: node.pkg.key,
      });
      const iface: InterfaceEntity = {
        kind: 'interface',
        name: undefined,
        pkg: node.pkg,
        uri: node.uri,
        nameRange: m.name.range,
        gates: [],
        members: m.target.members,
        scope: new Map(),
        deps: [],
        excluded: isExcluded(m.gates, ctx.features),
        opaque: false,
        symbol,
        world: node,
        model: { qualified: m.name.name, package: node.pkg.model, symbol, uses: [], functions: [], types: [] },
      };
      inline.set(m, iface);
    }
  }
  return inline;
}

/** What a node needs resolved before it (paths are looked up quietly here; errors come later). */
function dependencies(
  ctx: ResolveContext,
  node: InterfaceEntity | WorldEntity,
  inline: Map<A.ImportExportAst, InterfaceEntity>,
): PathTarget[] {
  const out: PathTarget[] = [];
  const add = (t: PathTarget | undefined) => {
    if (t && !out.includes(t)) out.push(t);
  };
  const members = node.kind === 'interface' ? node.members : node.ast.members;
  for (const m of members) {
    if (m.kind === 'use') add(resolvePath(ctx, node.uri, node.pkg, m.path, 'interface', 'use', false));
    else if (m.kind === 'include') add(resolvePath(ctx, node.uri, node.pkg, m.path, 'world', 'include', false));
    else if (m.kind === 'import' || m.kind === 'export') {
      if (m.target.kind === 'path') add(resolvePath(ctx, node.uri, node.pkg, m.target.path, 'interface', m.kind, false));
      else if (m.target.kind === 'interface') add(inline.get(m));
    }
  }
  return out;
}

/**
 * Depth-first order over use/include/import edges, so that what an item needs
 * is resolved before it. An edge that closes a cycle is dropped (cycles.ts
 * reports cycles as wit-parser does).
 */
function topologicalOrder(
  ctx: ResolveContext,
  inline: Map<A.ImportExportAst, InterfaceEntity>,
  resolvedBefore: ReadonlySet<PackageEntity>,
): Array<InterfaceEntity | WorldEntity> {
  const all: Array<InterfaceEntity | WorldEntity> = [];
  for (const n of ctx.nodes) {
    all.push(n);
    if (n.kind === 'world')
      for (const m of n.ast.members) {
        const i = m.kind === 'import' || m.kind === 'export' ? inline.get(m) : undefined;
        if (i) all.push(i);
      }
  }
  const order: Array<InterfaceEntity | WorldEntity> = [];
  const state = new Map<InterfaceEntity | WorldEntity, 1 | 2>();
  const deps = new Map<InterfaceEntity | WorldEntity, PathTarget[]>();
  const depsOf = (n: InterfaceEntity | WorldEntity) => {
    let d = deps.get(n);
    if (!d) deps.set(n, (d = n.kind === 'interface' && n.opaque ? [] : dependencies(ctx, n, inline)));
    return d;
  };
  for (const root of all) {
    if (state.has(root)) continue;
    const path: Array<{ node: InterfaceEntity | WorldEntity; i: number }> = [{ node: root, i: 0 }];
    state.set(root, 1);
    while (path.length) {
      const top = path[path.length - 1];
      const d = depsOf(top.node);
      if (top.i >= d.length) {
        state.set(top.node, 2);
        order.push(top.node);
        path.pop();
        continue;
      }
      const next = d[top.i++];
      if (resolvedBefore.has(next.pkg)) continue;
      const s = state.get(next);
      if (s === 1) {
        // Drop the edge so resolution can go on without the cycle.
        d.splice(--top.i, 1);
        continue;
      }
      if (s === undefined) {
        state.set(next, 1);
        path.push({ node: next, i: 0 });
      }
    }
  }
  return order;
}

/**
 * Packages may not depend on each other in a cycle. wit-parser orders them
 * topologically, visiting packages by name and, below each, its dependencies in
 * the order it first names them; a dependency met again while it is being
 * visited is the error, at the reference that names it (so in a cycle a1 -> a2
 * -> a1 it is a1's reference to a2, whichever package the walk came from).
 * Returns the packages in the order wit-parser adds them.
 */
function checkPackageCycles(ctx: ResolveContext): PackageEntity[] {
  const byName = [...ctx.table.packages].sort(comparePackageNames);
  // Finished packages, in the order wit-parser adds them (dependencies first).
  const done = new Set<PackageEntity>();
  const reported = new Set<string>();
  for (const root of byName) {
    if (done.has(root)) continue;
    // The dependencies being visited (wit-parser's `visiting`), and the walk.
    const visiting = new Set<PackageEntity>();
    const path: Array<{ pkg: PackageEntity; deps: PackageEntity[]; i: number; via?: PackageEntity }> = [
      { pkg: root, deps: [...root.refs.keys()], i: 0 },
    ];
    while (path.length) {
      const top = path[path.length - 1];
      if (done.has(top.pkg) || top.i >= top.deps.length) {
        done.add(top.pkg);
        if (top.via) visiting.delete(top.via);
        path.pop();
        continue;
      }
      const dep = top.deps[top.i++];
      if (visiting.has(dep)) {
        const at = top.pkg.refs.get(dep)!;
        const key = `${at.uri}:${at.range.start.line}:${at.range.start.character}`;
        if (!reported.has(key)) ctx.sink.error(at.uri, at.range, `package \`${dep.key}\` creates a dependency cycle`, 'dependency-cycle');
        reported.add(key);
        continue;
      }
      visiting.add(dep);
      path.push({ pkg: dep, deps: [...dep.refs.keys()], i: 0, via: dep });
    }
  }
  return [...done];
}

/** wit-parser's order of package names: namespace, name, then version (none first). */
function comparePackageNames(a: PackageEntity, b: PackageEntity): number {
  const [an, ap] = a.baseName.split(':'),
    [bn, bp] = b.baseName.split(':');
  if (an !== bn) return an < bn ? -1 : 1;
  if (ap !== bp) return ap < bp ? -1 : 1;
  if (a.version === b.version) return 0;
  if (a.version === undefined) return -1;
  if (b.version === undefined) return 1;
  return compareSemver(a.version, b.version);
}

function resolveInterface(ctx: ResolveContext, iface: InterfaceEntity): void {
  if (iface.opaque) return;
  if (iface.ast) checkGates(ctx.sink, iface.uri, iface.gates, iface.pkg, iface.nameRange!);
  declareUses(ctx, iface, iface.members);
  declareDefinitions(ctx, iface, iface.members);
  // Names first: a method named as its resource (`[method]a.a`) is where
  // wasm-tools 1.263 stops, before a later duplicate method is looked at.
  checkInterfaceNames(ctx, iface, iface.members);
  checkDefinitions(ctx, iface, iface.members);
  iface.resolved = true;
}

export type { WitReference, PackageEntity };
