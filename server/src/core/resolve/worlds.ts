// Worlds: their own types, imports and exports, includes (with renames), and
// elaboration as wit-parser does it — interfaces that imports use are imported
// too, and exports' dependencies become imports unless exported themselves.
import type * as A from '../syntax/ast';
import type { InterfaceEntity, WorldEntity, WorldItemEntry } from './entities';
import { addReference, type ResolveContext } from './context';
import { resolvePath } from './paths';
import { declareDefinitions, declareUses } from './scope';
import { checkDefinitions, checkFunction } from './typecheck';
import { canonicalName } from './uniqueness';
import { checkGates, isExcluded } from './gates';
import { funcSymbol, makeSymbol } from './symbols';
import type { WorldItemModel } from '../model';

type Items = Map<string, WorldItemEntry>;

export function resolveWorld(ctx: ResolveContext, world: WorldEntity, inline: Map<A.ImportExportAst, InterfaceEntity>): void {
  const { sink } = ctx;
  const members = world.ast.members;
  checkGates(sink, world.uri, world.gates, world.pkg, world.nameRange);
  declareUses(ctx, world, members);
  declareDefinitions(ctx, world, members);
  checkDefinitions(ctx, world, members);
  if (!world.excluded) checkExcludedTypes(ctx, world, members);

  const imports: Items = new Map();
  const exports: Items = new Map();
  // The world's own types come first: they are imports by name.
  for (const [name, entity] of world.scope) {
    if (entity.kind !== 'type' || entity.excluded) continue;
    imports.set(name, { kind: 'type', model: { key: name, kind: 'type', symbol: entity.symbol, explicit: true } });
  }
  // A world's own resources bring their functions in as imports, named as wit-parser names them.
  for (const entity of world.scope.values()) {
    if (entity.kind !== 'type' || entity.excluded || entity.def?.kind !== 'resource') continue;
    const children = entity.symbol?.children ?? [];
    for (const f of entity.def.funcs) {
      if (isExcluded(f.gates, ctx.features)) continue;
      const key = f.kind === 'constructor' ? `[constructor]${entity.name}` : `[${f.kind}]${entity.name}.${f.name.name}`;
      const symbol = children.find((c) => c.nameRange === f.name.range);
      imports.set(key, { kind: 'func', model: { key, kind: 'function', symbol, explicit: true } });
    }
  }
  const excludedKeys = { import: new Set<string>(), export: new Set<string>() };
  for (const m of members) {
    if (m.kind !== 'import' && m.kind !== 'export') continue;
    const at = m.name?.range ?? (m.target.kind === 'path' ? m.target.path.range : m.range);
    checkGates(sink, world.uri, m.gates, world.pkg, at);
    // wit-parser finds duplicate names before it drops gated-out items.
    const key = m.name?.name ?? (m.target.kind === 'path' ? quietKey(ctx, world, m.target.path, m.kind) : undefined);
    const items = m.kind === 'import' ? imports : exports;
    const excluded = isExcluded(m.gates, ctx.features);
    if (key !== undefined && (excludedKeys[m.kind].has(key) || (excluded && items.has(key)))) {
      const message = m.name
        ? `${m.kind} \`${key}\` conflicts with prior item of same name`
        : `interface cannot be ${m.kind === 'import' ? 'imported' : 'exported'} more than once`;
      sink.error(world.uri, at, message, 'world-item');
      continue;
    }
    if (excluded) {
      if (key !== undefined) excludedKeys[m.kind].add(key);
      continue;
    }
    addExtern(ctx, world, m, items, inline);
  }
  for (const m of members) {
    if (m.kind !== 'include') continue;
    checkGates(sink, world.uri, m.gates, world.pkg, m.path.range);
    const target = resolvePath(ctx, world.uri, world.pkg, m.path, 'world', 'include') as WorldEntity | undefined;
    if (!target) continue;
    const nameAt = m.path.kind === 'local' ? m.path.name.range : (m.path.names[0]?.range ?? m.path.range);
    if (target.excluded && !isExcluded(m.gates, ctx.features)) {
      // A gated-out world of another package is "not found" there (foreignDeps.ts).
      if (m.path.kind === 'local')
        sink.error(
          world.uri,
          nameAt,
          'found a reference to a world which is excluded due to its feature not being activated',
          'feature-excluded',
        );
      continue;
    }
    if (isExcluded(m.gates, ctx.features)) continue;
    if (!world.model.includes.includes(target.model)) world.model.includes.push(target.model);
    include(ctx, world, m, target, imports, exports, nameAt);
  }
  checkCaseInsensitive(ctx, world, imports, 'import');
  checkCaseInsensitive(ctx, world, exports, 'export');
  elaborate(ctx, world, imports, exports);
  world.resolved = true;
}

function addExtern(
  ctx: ResolveContext,
  world: WorldEntity,
  m: A.ImportExportAst,
  items: Items,
  inline: Map<A.ImportExportAst, InterfaceEntity>,
): void {
  const dir = m.kind;
  const t = m.target;
  if (!m.name) {
    // `import a:b/c;` keyed by the interface itself.
    if (t.kind !== 'path') return;
    const iface = resolvePath(ctx, world.uri, world.pkg, t.path, 'interface', dir) as InterfaceEntity | undefined;
    if (!iface || excludedTarget(ctx, world, iface, t.path.range)) return;
    const key = iface.model.qualified;
    if (items.has(key)) {
      ctx.sink.error(
        world.uri,
        t.path.range,
        `interface cannot be ${dir === 'import' ? 'imported' : 'exported'} more than once`,
        'world-item',
      );
      return;
    }
    items.set(key, {
      kind: 'interface',
      iface,
      model: { key, kind: 'interface', interface: iface.model, symbol: iface.symbol, explicit: true },
    });
    return;
  }
  const name = m.name.name;
  const prior = items.get(name);
  if (prior) {
    ctx.sink.error(
      world.uri,
      m.name.range,
      `${dir} \`${name}\` conflicts with prior ${prior.kind === 'func' ? 'func' : prior.kind} of same name`,
      'world-item',
    );
    return;
  }
  let entry: WorldItemEntry | undefined;
  if (t.kind === 'func') {
    checkFunction(ctx, world, name, m.name.range, t.func, false);
    const symbol = funcSymbol({ name: m.name, type: t.func, range: m.range, docs: m.docs, gates: m.gates }, world.uri, world.symbol, dir);
    entry = { kind: 'func', model: { key: name, kind: 'function', symbol, explicit: true } };
  } else if (t.kind === 'interface') {
    const iface = inline.get(m);
    if (iface)
      entry = {
        kind: 'interface',
        iface,
        model: { key: name, kind: 'interface', interface: iface.model, symbol: iface.symbol, explicit: true },
      };
  } else {
    const iface = resolvePath(ctx, world.uri, world.pkg, t.path, 'interface', dir) as InterfaceEntity | undefined;
    if (iface && !excludedTarget(ctx, world, iface, t.path.range)) {
      // `import primary: logger;` declares the plain name `primary` (outline,
      // hover, rename, `with`); its interface is reached through the path.
      const symbol = makeSymbol(dir, name, world.uri, m.name.range, m.range, `${dir} ${m.name.raw}: ${iface.model.qualified}`, {
        container: world.symbol,
        docs: m.docs,
        gates: m.gates,
        packageName: world.pkg.key,
      });
      entry = { kind: 'interface', iface, model: { key: name, kind: 'interface', interface: iface.model, symbol, explicit: true } };
    }
  }
  if (entry) items.set(name, entry);
}

function include(
  ctx: ResolveContext,
  world: WorldEntity,
  m: A.IncludeAst,
  target: WorldEntity,
  imports: Items,
  exports: Items,
  at: A.Ident['range'],
): void {
  const renames = new Map<string, A.Ident>();
  for (const w of m.with) {
    if (!target.imports.has(w.name.name) && !target.exports.has(w.name.name)) {
      ctx.sink.error(world.uri, w.name.range, `\`${w.name.name}\` does not exist in world \`${target.name}\``, 'world-item');
      continue;
    }
    const sym = target.imports.get(w.name.name)?.model.symbol ?? target.exports.get(w.name.name)?.model.symbol;
    addReference(ctx, world.uri, w.name.range, sym, 'with');
    renames.set(w.name.name, w.alias);
  }
  const merge = (from: Items, into: Items, dir: 'import' | 'export') => {
    for (const [key, entry] of from) {
      // Interfaces imported by their own name dedupe; an inline `a: interface {}`
      // is keyed by a plain name (its qualified name is that name) and does not.
      if (entry.model.kind === 'interface' && entry.iface && entry.iface.name !== undefined && key === entry.iface.model.qualified) {
        if (!into.has(key)) into.set(key, { ...entry, model: { ...entry.model } });
        continue;
      }
      // Functions of a renamed resource follow it: `[method]r.m` becomes `[method]s.m`.
      const resourceFunc = /^\[(constructor|method|static)\]([^.]+)(\..*)?$/.exec(key);
      const newName =
        renames.get(key)?.name ??
        (resourceFunc && renames.has(resourceFunc[2])
          ? `[${resourceFunc[1]}]${renames.get(resourceFunc[2])!.name}${resourceFunc[3] ?? ''}`
          : key);
      if (into.has(newName)) {
        ctx.sink.error(world.uri, at, `${dir} of \`${newName}\` shadows previously ${dir}ed items`, 'world-item');
        continue;
      }
      into.set(newName, { ...entry, model: { ...entry.model, key: newName } });
    }
  };
  merge(target.imports, imports, 'import');
  merge(target.exports, exports, 'export');
}

function checkCaseInsensitive(ctx: ResolveContext, world: WorldEntity, items: Items, dir: string): void {
  const seen = new Map<string, string>();
  for (const key of items.keys()) {
    if (key.includes(':')) continue;
    // Strong uniqueness: also `[method]r.r` against `r` (wasm-tools 1.263).
    const canonical = canonicalName(key);
    const prev = seen.get(canonical);
    // A method and a static function of one name are reported as duplicates.
    if (prev !== undefined && prev.replace(/^\[(method|static)\]/, '') !== key.replace(/^\[(method|static)\]/, '')) {
      const sym = items.get(key)?.model.symbol;
      const range = sym && sym.uri === world.uri ? sym.nameRange : world.nameRange;
      ctx.sink.error(
        world.uri,
        range,
        prev.toLowerCase() === key.toLowerCase()
          ? `${dir} \`${key}\` in world \`${world.name}\` conflicts with ${dir} \`${prev}\` (kebab-case identifiers are case-insensitive)`
          : `name \`${key}\` conflicts with previous name \`${prev}\``,
        'world-item',
      );
    }
    if (prev === undefined) seen.set(canonical, key);
  }
}

function elaborate(ctx: ResolveContext, world: WorldEntity, imports: Items, exports: Items): void {
  const newImports: Items = new Map();
  const addImport = (key: string, iface: InterfaceEntity, entry?: WorldItemEntry) => {
    if (newImports.has(key)) return;
    // Explicit stack instead of recursion: dependency chains can be long.
    const stack: Array<{ iface: InterfaceEntity; key: string; entry?: WorldItemEntry; expanded: boolean }> = [
      { iface, key, entry, expanded: false },
    ];
    // Interfaces being expanded: a dependency cycle (already reported) must not loop.
    const expanding = new Set<InterfaceEntity>();
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (newImports.has(top.key)) {
        stack.pop();
        continue;
      }
      if (!top.expanded) {
        top.expanded = true;
        expanding.add(top.iface);
        for (let i = top.iface.deps.length - 1; i >= 0; i--) {
          const dep = top.iface.deps[i];
          if (!newImports.has(dep.model.qualified) && !expanding.has(dep))
            stack.push({ iface: dep, key: dep.model.qualified, expanded: false });
        }
        continue;
      }
      stack.pop();
      newImports.set(top.key, top.entry ?? implicit(top.iface));
    }
  };
  for (const [key, entry] of sortedItems(world, imports)) {
    if (entry.kind === 'interface' && entry.iface) addImport(key, entry.iface, entry);
    else {
      if (entry.kind === 'type') {
        const t = world.scope.get(key);
        const dep = t?.kind === 'type' ? t.target?.owner : undefined;
        if (dep?.kind === 'interface' && dep.name) addImport(dep.model.qualified, dep);
      }
      if (!newImports.has(key)) newImports.set(key, entry);
    }
  }

  const newExports: Items = new Map();
  // Exported interfaces in order, by key: a named export (`export kv: store;`)
  // is a copy of its interface of its own (wasm-tools 1.263), so two of one
  // interface are two exports, and only an export keyed by the interface itself
  // satisfies another export's dependency on it.
  const exportIfaces: Array<{ iface: InterfaceEntity; key: string; entry: WorldItemEntry }> = [];
  const exportedAsItself = new Map<InterfaceEntity, { key: string; entry: WorldItemEntry }>();
  for (const [key, entry] of exports) {
    if (entry.kind !== 'interface' || !entry.iface) {
      newExports.set(key, entry);
      continue;
    }
    exportIfaces.push({ iface: entry.iface, key, entry });
    if (key === entry.iface.model.qualified) exportedAsItself.set(entry.iface, { key, entry });
  }
  const required = new Set<InterfaceEntity>();
  // Interfaces on the current path (a cycle, already reported, must not recurse forever).
  const visiting = new Set<InterfaceEntity>();
  for (const { iface, key, entry } of exportIfaces) {
    if (!addExport(iface, key, true, entry)) {
      ctx.sink.error(
        world.uri,
        world.nameRange,
        `interface \`${key}\` transitively depends on an interface in incompatible ways`,
        'world-item',
      );
    }
  }

  function addExport(iface: InterfaceEntity, key: string, asExport: boolean, entry?: WorldItemEntry): boolean {
    // Recursion depth is bounded by the interface dependency chain, which the
    // toposort has made acyclic; chains are short in practice.
    if (newExports.has(key)) return asExport;
    if (!asExport && required.has(iface)) return true;
    if (visiting.has(iface)) return true;
    visiting.add(iface);
    for (const dep of iface.deps) {
      const asItself = asExport ? exportedAsItself.get(dep) : undefined;
      const ok = addExport(dep, dep.model.qualified, asItself !== undefined, asItself?.entry);
      if (!ok) {
        visiting.delete(iface);
        return false;
      }
    }
    visiting.delete(iface);
    if (asExport) {
      if (required.has(iface)) return false;
      newExports.set(key, entry ?? implicit(iface));
    } else {
      required.add(iface);
      if (!newImports.has(key)) newImports.set(key, implicit(iface));
    }
    return true;
  }

  // Sorted again, as wit-parser does: elaboration inserts interfaces among types.
  world.imports = new Map(sortedItems(world, newImports));
  world.exports = newExports;
  world.model.imports = [...newImports.values()].map((e) => e.model);
  world.model.exports = [...newExports.values()].map((e) => e.model);
}

/**
 * A world's items in wit-parser's order (a stable sort): interfaces, then types
 * `use`d from an interface, other types, functions, resource functions.
 */
function sortedItems(world: WorldEntity, items: Items): Array<[string, WorldItemEntry]> {
  const rank = ([key, entry]: [string, WorldItemEntry]): number => {
    if (entry.kind === 'interface') return 0;
    if (entry.kind === 'type') {
      const t = world.scope.get(key);
      return t?.kind === 'type' && t.target && t.target.owner !== world ? 1 : 2;
    }
    return key.startsWith('[') ? 4 : 3;
  };
  return [...items]
    .map((item, i) => ({ item, i, r: rank(item) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.item);
}

function implicit(iface: InterfaceEntity): WorldItemEntry {
  const model: WorldItemModel = {
    key: iface.model.qualified,
    kind: 'interface',
    interface: iface.model,
    symbol: iface.symbol,
    explicit: false,
  };
  return { kind: 'interface', iface, model };
}

/**
 * wit-parser (wasm-tools 1.239) makes each type of a world a world item that
 * refers to the type; a type left out by its gate leaves that item dangling.
 */
function checkExcludedTypes(ctx: ResolveContext, world: WorldEntity, members: readonly A.WorldMemberAst[]): void {
  const message = 'found a reference to a type which is excluded due to its feature not being activated';
  for (const m of members) {
    if (!isExcluded(m.gates, ctx.features)) continue;
    if (m.kind === 'use') for (const n of m.names) ctx.sink.error(world.uri, n.name.range, message, 'feature-excluded');
    else if (
      m.kind === 'type' ||
      m.kind === 'record' ||
      m.kind === 'variant' ||
      m.kind === 'enum' ||
      m.kind === 'flags' ||
      m.kind === 'resource'
    ) {
      ctx.sink.error(world.uri, m.name.range, message, 'feature-excluded');
    }
  }
}

/** The key of `import a:b/c;` without reporting or recording a reference (addExtern does both). */
function quietKey(ctx: ResolveContext, world: WorldEntity, path: A.UsePathAst, dir: 'import' | 'export'): string | undefined {
  const mark = ctx.references.length;
  const iface = resolvePath(ctx, world.uri, world.pkg, path, 'interface', dir, false) as InterfaceEntity | undefined;
  ctx.references.length = mark;
  return iface?.model.qualified;
}

/** An import or export that is itself in may not name an interface its gate leaves out. */
function excludedTarget(ctx: ResolveContext, world: WorldEntity, iface: InterfaceEntity, at: A.UsePathAst['range']): boolean {
  if (!iface.excluded || world.excluded) return false;
  // A gated-out interface of another package is "not found" there (foreignDeps.ts).
  if (iface.pkg === world.pkg)
    ctx.sink.error(
      world.uri,
      at,
      'found a reference to a interface which is excluded due to its feature not being activated',
      'feature-excluded',
    );
  return true;
}
