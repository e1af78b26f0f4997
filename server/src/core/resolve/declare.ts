// First pass: every interface and world of every package gets its entity and
// symbol, and package-level names are checked (duplicates, top-level `use`).
import type * as A from '../syntax/ast';
import type { InterfaceEntity, PackageEntity, WorldEntity } from './entities';
import { checkGates } from './gates';
import type { ResolveContext } from './context';
import { makeSymbol } from './symbols';
import { resolvePath } from './paths';
import { isExcluded } from './gates';

export function declarePackage(ctx: ResolveContext, pkg: PackageEntity): void {
  if (pkg.declUri && pkg.declRange) {
    pkg.model.symbol = makeSymbol('package', pkg.key, pkg.declUri, pkg.declRange, pkg.declRange, `package ${pkg.key}`, {
      packageName: pkg.key,
    });
  }
  const seenLower = new Map<string, string>();
  for (const unit of pkg.units) {
    ctx.packageOf.set(unit.uri, pkg);
    for (const item of unit.items) {
      if (item.kind !== 'interface' && item.kind !== 'world') continue;
      const name = item.name.name;
      if (pkg.items.has(name)) {
        ctx.sink.error(unit.uri, item.name.range, `duplicate item named \`${name}\``, 'duplicate-name');
        continue;
      }
      const lower = name.toLowerCase();
      const clash = seenLower.get(lower);
      if (clash !== undefined && clash !== name) {
        ctx.sink.error(
          unit.uri,
          item.name.range,
          `item \`${name}\` conflicts with item \`${clash}\` (kebab-case identifiers are case-insensitive)`,
          'duplicate-name',
        );
      }
      seenLower.set(lower, name);
      const entity = item.kind === 'interface' ? declareInterface(ctx, pkg, unit.uri, item) : declareWorld(ctx, pkg, unit.uri, item);
      pkg.items.set(name, entity);
    }
  }
}

function declareInterface(ctx: ResolveContext, pkg: PackageEntity, uri: string, ast: A.InterfaceAst): InterfaceEntity {
  const qualified = `${pkg.baseName}/${ast.name.name}${pkg.version ? `@${pkg.version}` : ''}`;
  const symbol = makeSymbol('interface', ast.name.name, uri, ast.name.range, ast.range, `interface ${qualified}`, {
    container: pkg.model.symbol,
    docs: ast.docs,
    gates: ast.gates,
    packageName: pkg.key,
  });
  const iface: InterfaceEntity = {
    kind: 'interface',
    name: ast.name.name,
    pkg,
    uri,
    nameRange: ast.name.range,
    gates: ast.gates,
    members: ast.members,
    ast,
    scope: new Map(),
    deps: [],
    excluded: isExcluded(ast.gates, ctx.features),
    opaque: false,
    symbol,
    model: { name: ast.name.name, qualified, package: pkg.model, symbol, uses: [], functions: [], types: [] },
  };
  if (!iface.excluded) pkg.model.interfaces.push(iface.model);
  ctx.nodes.push(iface);
  return iface;
}

function declareWorld(ctx: ResolveContext, pkg: PackageEntity, uri: string, ast: A.WorldAst): WorldEntity {
  const qualified = `${pkg.baseName}/${ast.name.name}${pkg.version ? `@${pkg.version}` : ''}`;
  const symbol = makeSymbol('world', ast.name.name, uri, ast.name.range, ast.range, `world ${qualified}`, {
    container: pkg.model.symbol,
    docs: ast.docs,
    gates: ast.gates,
    packageName: pkg.key,
  });
  const world: WorldEntity = {
    kind: 'world',
    name: ast.name.name,
    pkg,
    uri,
    nameRange: ast.name.range,
    gates: ast.gates,
    ast,
    scope: new Map(),
    excluded: isExcluded(ast.gates, ctx.features),
    symbol,
    imports: new Map(),
    exports: new Map(),
    resolved: false,
    model: { name: ast.name.name, qualified, package: pkg.model, symbol, imports: [], exports: [], includes: [] },
  };
  if (!world.excluded) pkg.model.worlds.push(world.model);
  ctx.nodes.push(world);
  return world;
}

/** Top-level `use a:b/c as d;`: file-scoped names for interfaces. */
export function declareFileUses(ctx: ResolveContext, pkg: PackageEntity): void {
  for (const unit of pkg.units) {
    const names = ctx.fileUses.get(unit.uri) ?? new Map<string, InterfaceEntity | undefined>();
    ctx.fileUses.set(unit.uri, names);
    for (const item of unit.items) {
      if (item.kind !== 'toplevel-use') continue;
      // Gates are refused here (while lowering), but wit-parser reads them first.
      checkGates(ctx.sink, unit.uri, item.gates, pkg, undefined);
      const local = item.alias ?? (item.path.kind === 'local' ? item.path.name : item.path.names[item.path.names.length - 1]);
      if (!local) continue;
      const target = resolvePath(ctx, unit.uri, pkg, item.path, 'interface', 'use');
      if (names.has(local.name)) {
        ctx.sink.error(unit.uri, local.range, `duplicate name \`${local.name}\` in this file`, 'duplicate-name');
        continue;
      }
      names.set(local.name, target as InterfaceEntity | undefined);
    }
    // An item of this file may not reuse a name a top-level `use` brought in.
    for (const item of unit.items) {
      if ((item.kind === 'interface' || item.kind === 'world') && names.has(item.name.name)) {
        ctx.sink.error(unit.uri, item.name.range, `duplicate name \`${item.name.name}\` in this file`, 'duplicate-name');
      }
    }
  }
}
