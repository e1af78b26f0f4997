// Resolving `use`/`import`/`export`/`include` paths to interfaces and worlds:
// local names (package items and top-level `use` aliases of the file) and
// foreign `ns:pkg/name@version` names, matched exactly as wit-parser does.
import type * as A from '../syntax/ast';
import type { InterfaceEntity, PackageEntity, WorldEntity } from './entities';
import { addReference, type ResolveContext } from './context';
import { makeSymbol } from './symbols';

export type PathTarget = InterfaceEntity | WorldEntity;

export function resolvePath(
  ctx: ResolveContext,
  uri: string,
  pkg: PackageEntity,
  path: A.UsePathAst,
  expect: 'interface' | 'world',
  role: 'use' | 'import' | 'export' | 'include',
  report = true,
): PathTarget | undefined {
  const target = path.kind === 'local' ? resolveLocal(ctx, uri, pkg, path.name, report) : resolveForeign(ctx, uri, pkg, path, report);
  if (!target) return undefined;
  const nameIdent = path.kind === 'local' ? path.name : path.names[path.names.length - 1];
  if (target.kind !== expect) {
    // A foreign name of the wrong kind is reported as not found (foreignDeps.ts).
    if (report && path.kind === 'local') {
      ctx.sink.error(
        uri,
        nameIdent?.range ?? path.range,
        `name \`${nameIdent?.name}\` is defined as ${target.kind === 'world' ? 'a world' : 'an interface'}, not ${expect === 'world' ? 'a world' : 'an interface'}`,
        'unknown-item',
      );
    }
    return undefined;
  }
  if (nameIdent) addReference(ctx, uri, nameIdent.range, target.symbol, role);
  return target;
}

function resolveLocal(ctx: ResolveContext, uri: string, pkg: PackageEntity, name: A.Ident, report: boolean): PathTarget | undefined {
  const uses = ctx.fileUses.get(uri);
  if (uses?.has(name.name)) return uses.get(name.name);
  const item = pkg.items.get(name.name);
  if (!item && report)
    ctx.sink.error(uri, name.range, `interface or world \`${name.name}\` does not exist`, 'unknown-item', { name: name.name });
  return item;
}

function resolveForeign(
  ctx: ResolveContext,
  uri: string,
  from: PackageEntity,
  path: Extract<A.UsePathAst, { kind: 'foreign' }>,
  report: boolean,
): PathTarget | undefined {
  if (path.segments.length !== 2 || path.names.length !== 1) {
    if (report) ctx.sink.error(uri, path.range, 'nested namespaces and interfaces are not supported in paths', 'unknown-item');
    return undefined;
  }
  const baseName = path.segments.map((s) => s.name).join(':');
  const key = path.version ? `${baseName}@${path.version.text}` : baseName;
  const pkg = ctx.table.get(key);
  // A missing package is reported once per mention, gated or not (foreignDeps.ts).
  if (!pkg) return undefined;
  if (pkg === from) {
    if (report) ctx.sink.error(uri, path.range, `package \`${pkg.key}\` creates a dependency cycle`, 'dependency-cycle');
    return undefined;
  }
  if (pkg.model.symbol) {
    addReference(
      ctx,
      uri,
      { start: path.segments[0].range.start, end: (path.version ?? path.segments[1]).range.end },
      pkg.model.symbol,
      'package',
    );
  }
  if (!from.model.dependencies.includes(pkg.model)) from.model.dependencies.push(pkg.model);
  if (!from.refs.has(pkg)) from.refs.set(pkg, { uri, range: path.range });
  // A missing name is reported as not found (foreignDeps.ts).
  return pkg.items.get(path.names[0].name);
}

/** An interface of an encoded (binary) package: known by name, contents unknown. */
export function opaqueInterface(pkg: PackageEntity, name: string, location: string): InterfaceEntity {
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const qualified = `${pkg.baseName}/${name}${pkg.version ? `@${pkg.version}` : ''}`;
  const symbol = makeSymbol('interface', name, location, zero, zero, `interface ${qualified}`, { packageName: pkg.key });
  const iface: InterfaceEntity = {
    kind: 'interface',
    name,
    pkg,
    uri: location,
    gates: [],
    members: [],
    scope: new Map(),
    deps: [],
    excluded: false,
    opaque: true,
    symbol,
    model: { name, qualified, package: pkg.model, symbol, uses: [], functions: [], types: [] },
  };
  return iface;
}
