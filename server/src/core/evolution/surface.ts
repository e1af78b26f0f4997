// A package's surface: from the resolved model (which interfaces and worlds
// exist with the active features, and each world's imports and exports as
// wit-parser elaborates them) and the syntax of its files (the members, their
// types and gates), every item keyed by its path inside the package.
import type * as A from '../syntax/ast';
import type { Analysis, InterfaceModel, PackageModel, WorldItemModel, WorldModel } from '../model';
import type { WitDocument } from '../document';
import { lowerFile } from '../syntax/lower';
import { isExcluded } from '../resolve/gates';
import { funcShape, gatesOf, typeDefShape, usePathName, withoutVersion, type Scope } from './shapes';
import type { PackageSurface, SurfaceItem } from './types';

export class SurfaceError extends Error {}

export function packageSurface(analysis: Analysis, document?: (uri: string) => WitDocument | undefined): PackageSurface {
  const features = analysis.features ?? new Set<string>();
  const pkg = analysis.packages.find((p) => !p.isDependency && p.symbol);
  if (!pkg) throw new SurfaceError('no `package` declaration (a package needs a name to be compared)');
  const base = withoutVersion(pkg.name);
  const at = pkg.name.indexOf('@');
  const surface: PackageSurface = {
    name: base,
    version: at < 0 ? undefined : pkg.name.slice(at + 1),
    usesGates: false,
    items: new Map(),
    location: pkg.symbol ? { uri: pkg.symbol.uri, range: pkg.symbol.nameRange } : undefined,
  };
  const asts = itemAsts(analysis, document);
  const add = (item: SurfaceItem) => {
    if (item.gates.since) surface.usesGates = true;
    // A name declared twice is an error the checker reports; the first one counts.
    if (!surface.items.has(item.path)) surface.items.set(item.path, item);
  };
  for (const iface of pkg.interfaces) {
    const ast = iface.symbol && asts.get(key(iface.symbol.uri, iface.symbol.nameRange.start));
    if (!iface.name || !ast || ast.kind !== 'interface') continue;
    add({
      path: iface.name,
      kind: 'interface',
      shape: 'interface',
      parts: [],
      gates: gatesOf(ast.gates),
      uri: iface.symbol!.uri,
      range: ast.name.range,
      declRange: ast.range,
    });
    const scope: Scope = (n) => `${base}/${iface.name}.${n}`;
    addMembers(ast.members, iface.name, scope, iface.symbol!.uri, base, features, add);
  }
  for (const world of pkg.worlds) {
    const ast = world.symbol && asts.get(key(world.symbol.uri, world.symbol.nameRange.start));
    if (!ast || ast.kind !== 'world') continue;
    addWorld(world, ast, pkg, base, features, add, asts);
  }
  return surface;
}

function addMembers(
  members: readonly A.InterfaceMemberAst[],
  owner: string,
  scope: Scope,
  uri: string,
  base: string,
  features: ReadonlySet<string>,
  add: (i: SurfaceItem) => void,
): void {
  for (const m of members) {
    if (isExcluded(m.gates, features)) continue;
    if (m.kind === 'use') {
      const from = usePathName(m.path, base);
      for (const n of m.names) {
        const name = (n.alias ?? n.name).name;
        const target = `${from}.${n.name.name}`;
        add({
          path: `${owner}/${name}`,
          kind: 'type',
          shape: `use ${target}`,
          parts: [['use', target]],
          gates: gatesOf(m.gates),
          uri,
          range: (n.alias ?? n.name).range,
          declRange: m.range,
          parent: owner,
        });
      }
    } else if (m.kind === 'func') {
      const { shape, parts } = funcShape(m.type, scope);
      add({
        path: `${owner}/${m.name.name}`,
        kind: 'function',
        shape,
        parts,
        gates: gatesOf(m.gates),
        uri,
        range: m.name.range,
        declRange: m.range,
        parent: owner,
      });
    } else {
      const { shape, parts } = typeDefShape(m, scope);
      const path = `${owner}/${m.name.name}`;
      add({ path, kind: 'type', shape, parts, gates: gatesOf(m.gates), uri, range: m.name.range, declRange: m.range, parent: owner });
      if (m.kind !== 'resource') continue;
      for (const f of m.funcs) {
        if (isExcluded(f.gates, features)) continue;
        const name = f.kind === 'constructor' ? 'constructor' : f.name.name;
        const fs = funcShape(f.type, scope, f.kind === 'constructor' ? 'constructor ' : f.kind === 'static' ? 'static ' : 'method ');
        add({
          path: `${path}.${name}`,
          kind: 'function',
          shape: fs.shape,
          parts: fs.parts,
          gates: gatesOf(f.gates),
          uri,
          range: f.name.range,
          declRange: f.range,
          parent: path,
        });
      }
    }
  }
}

function addWorld(
  world: WorldModel,
  ast: A.WorldAst,
  pkg: PackageModel,
  base: string,
  features: ReadonlySet<string>,
  add: (i: SurfaceItem) => void,
  asts: Map<string, A.InterfaceAst | A.WorldAst>,
): void {
  const uri = world.symbol!.uri;
  add({
    path: world.name,
    kind: 'world',
    shape: 'world',
    parts: [],
    gates: gatesOf(ast.gates),
    uri,
    range: ast.name.range,
    declRange: ast.range,
  });
  const scope: Scope = (n) => `${base}/${world.name}.${n}`;
  // The world's own imports and exports: named ones (functions, inline
  // interfaces, `name: path`) by name, `import path;` by the interface named.
  const declared = new Map<string, A.ImportExportAst>();
  for (const m of ast.members) {
    if ((m.kind !== 'import' && m.kind !== 'export') || isExcluded(m.gates, features)) continue;
    const name = m.name ? m.name.name : m.target.kind === 'path' ? usePathName(m.target.path, base) : undefined;
    if (name) declared.set(`${m.kind} ${name}`, m);
  }
  // A world's own types (declared or `use`d) are items of the world.
  const typeMembers = ast.members.filter(
    (m): m is A.UseAst | A.TypeDefAst => m.kind !== 'import' && m.kind !== 'export' && m.kind !== 'include',
  );
  addMembers(typeMembers, world.name, scope, uri, base, features, add);
  for (const [direction, list] of [
    ['import', world.imports],
    ['export', world.exports],
  ] as const) {
    for (const item of list) {
      if (item.kind === 'type') continue;
      const byPath = item.interface?.name && item.key === item.interface.qualified;
      const m = declared.get(`${direction} ${byPath ? withoutVersion(item.key) : item.key}`);
      const entry = worldItem(item, direction, m, pkg, world.name, base, scope, features);
      if (entry && !m) {
        // An item from an `include` keeps the gates of its declaration there;
        // one wit-parser adds (a dependency of another) has its interface's.
        // wit-parser (1.239 and 1.263) leaves an item included from another package's world ungated.
        const included = includedDeclaration(world, direction, item, base, features, asts, new Set());
        const sym = item.interface?.symbol;
        const target = included ?? (sym ? asts.get(key(sym.uri, sym.nameRange.start)) : undefined);
        if (target && target !== 'foreign') entry.gates = gatesOf(target.gates);
      }
      // Items from an `include` or added by elaboration have no declaration here.
      if (entry) add({ ...entry, parent: world.name, ...(m ? { uri, range: m.name?.range ?? m.range, declRange: m.range } : {}) });
    }
  }
}

/** The import or export an included world (or one it includes) declares for `item`; `foreign` when that world is another package's. */
function includedDeclaration(
  world: WorldModel,
  direction: 'import' | 'export',
  item: WorldItemModel,
  base: string,
  features: ReadonlySet<string>,
  asts: Map<string, A.InterfaceAst | A.WorldAst>,
  seen: Set<WorldModel>,
): A.ImportExportAst | 'foreign' | undefined {
  for (const inc of world.includes) {
    if (seen.has(inc) || !inc.symbol) continue;
    seen.add(inc);
    const ast = asts.get(key(inc.symbol.uri, inc.symbol.nameRange.start));
    if (ast?.kind !== 'world') continue;
    const incBase = withoutVersion(inc.package.name);
    for (const m of ast.members) {
      if ((m.kind !== 'import' && m.kind !== 'export') || m.kind !== direction || isExcluded(m.gates, features)) continue;
      const name = m.name ? m.name.name : m.target.kind === 'path' ? usePathName(m.target.path, incBase) : undefined;
      const wanted = item.interface?.name && item.key === item.interface.qualified ? withoutVersion(item.key) : item.key;
      if (name === wanted) return inc.package === world.package ? m : 'foreign';
    }
    const deeper = includedDeclaration(inc, direction, item, base, features, asts, seen);
    if (deeper) return deeper;
  }
  return undefined;
}

function worldItem(
  item: WorldItemModel,
  direction: 'import' | 'export',
  ast: A.ImportExportAst | undefined,
  pkg: PackageModel,
  world: string,
  base: string,
  scope: Scope,
  features: ReadonlySet<string>,
): Omit<SurfaceItem, 'parent'> | undefined {
  const iface: InterfaceModel | undefined = item.interface;
  const gates = ast ? gatesOf(ast.gates) : {};
  const viaInterface = (target: string, segment: string): Omit<SurfaceItem, 'parent'> => ({
    path: `${world}/${segment}`,
    kind: 'world-item',
    direction,
    shape: `${direction} interface ${target}`,
    parts: [[direction, target]],
    gates,
  });
  if (item.kind === 'interface' && iface?.name) {
    const target = withoutVersion(iface.qualified);
    // Keyed by the interface (`import ns:pkg/iface;`): the package's own by name, others by `ns:pkg/iface`.
    if (item.key === iface.qualified) return viaInterface(target, iface.package === pkg ? iface.name : target);
    return viaInterface(target, item.key);
  }
  if (!ast) return undefined;
  const path = `${world}/${item.key}`;
  if (ast.target.kind === 'func') {
    const { shape, parts } = funcShape(ast.target.func, scope, `${direction} `);
    return { path, kind: 'world-item', direction, shape, parts, gates };
  }
  if (ast.target.kind === 'path') return viaInterface(usePathName(ast.target.path, base), item.key);
  // An inline interface: its members are part of the item's shape.
  const inner: string[] = [];
  const innerScope: Scope = (n) => `${base}/${world}/${item.key}.${n}`;
  addMembers(ast.target.members, '', innerScope, '', base, features, (i) => inner.push(`${i.path.slice(1)}: ${i.shape}`));
  return {
    path,
    kind: 'world-item',
    direction,
    shape: `${direction} interface { ${inner.join('; ')} }`,
    parts: inner.map((s): [string, string] => ['member', s]),
    gates,
  };
}

function key(uri: string, p: { line: number; character: number }): string {
  return `${uri}:${p.line}:${p.character}`;
}

/** Interface and world ASTs of the package's files, by the position of their name. */
function itemAsts(analysis: Analysis, document?: (uri: string) => WitDocument | undefined): Map<string, A.InterfaceAst | A.WorldAst> {
  const out = new Map<string, A.InterfaceAst | A.WorldAst>();
  // Every package's: the gates of an interface from deps/ are read where it is declared.
  for (const uri of analysis.packages.flatMap((p) => p.uris)) {
    // The analysis keeps each file's AST; lowering again is for analyses made without.
    const doc = analysis.files?.has(uri) ? undefined : document?.(uri);
    const ast = analysis.files?.get(uri) ?? (doc ? lowerFile(doc).ast : undefined);
    if (!ast) continue;
    for (const item of ast.items) {
      if (item.kind === 'interface' || item.kind === 'world') out.set(key(uri, item.name.range.start), item);
    }
  }
  return out;
}
