// The names of an interface (or of a world's own types): `use`d types, type
// definitions and functions, each declared once per name.
import type * as A from '../syntax/ast';
import type { FuncEntity, InterfaceEntity, NameEntity, TypeEntity, WorldEntity } from './entities';
import { addReference, type ResolveContext } from './context';
import { resolvePath } from './paths';
import { funcSymbol, makeSymbol, typeDefSymbol } from './symbols';
import { checkGates, isExcluded } from './gates';

type Owner = InterfaceEntity | WorldEntity;

function define(ctx: ResolveContext, owner: Owner, entity: NameEntity): boolean {
  const prior = owner.scope.get(entity.name);
  // wit-parser takes uses and type definitions in source order, and a `use`
  // quietly replaces a type defined above it: only a definition after the
  // `use` collides. (Uses are declared first here, so compare positions.)
  if (
    prior &&
    entity.kind === 'type' &&
    entity.def &&
    prior.kind === 'type' &&
    !prior.def &&
    prior.uri === entity.uri &&
    before(entity.nameRange, prior.nameRange)
  ) {
    return false;
  }
  if (prior) {
    ctx.sink.error(entity.uri, entity.nameRange, `name \`${entity.name}\` is defined more than once`, 'duplicate-name');
    return false;
  }
  owner.scope.set(entity.name, entity);
  return true;
}

function before(a: A.Ident['range'], b: A.Ident['range']): boolean {
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
}

/**
 * A type of an excluded interface or world must be excluded itself: wit-parser
 * keeps every type whose own gate lets it in, and then finds its owner gone.
 */
function checkOwnerGate(ctx: ResolveContext, owner: Owner, gates: A.Gate[], at: A.Ident['range']): void {
  if (owner.excluded && !isExcluded(gates, ctx.features)) {
    ctx.sink.error(owner.uri, at, `this type is not gated by a feature but its ${owner.kind} is gated by a feature`, 'feature-excluded');
  }
}

/** Declares the `use`d names of the members; their targets are resolved already (topological order). */
export function declareUses(ctx: ResolveContext, owner: Owner, members: readonly (A.InterfaceMemberAst | A.WorldMemberAst)[]): void {
  for (const m of members) {
    if (m.kind !== 'use') continue;
    // wit-parser checks a `use`'s gate on the types it brings in, at the first name.
    checkGates(ctx.sink, owner.uri, m.gates, owner.pkg, m.names[0]?.name.range);
    const target = resolvePath(ctx, owner.uri, owner.pkg, m.path, 'interface', 'use') as InterfaceEntity | undefined;
    // An unresolved target closes a cycle (reported in the topological order):
    // as a dependency it would make elaboration walk the cycle forever.
    if (target && owner.kind === 'interface' && (target.resolved || target.opaque) && !owner.deps.includes(target)) {
      owner.deps.push(target);
      owner.model.uses.push(target.model);
    }
    const excludedUse = isExcluded(m.gates, ctx.features);
    for (const { name, alias } of m.names) {
      const local = alias ?? name;
      checkOwnerGate(ctx, owner, m.gates, name.range);
      let resolved: TypeEntity | undefined;
      if (target && !target.opaque && target.resolved) {
        const found = target.scope.get(name.name);
        if (!found) {
          // An excluded `use` from another package is dropped before its names are looked up.
          if (!(excludedUse && target.pkg !== owner.pkg))
            ctx.sink.error(owner.uri, name.range, `name \`${name.name}\` is not defined`, 'unknown-name', { name: name.name });
        } else if (found.kind === 'func') {
          ctx.sink.error(owner.uri, name.range, `cannot import function \`${name.name}\``, 'not-a-type');
        } else {
          resolved = found;
          addReference(ctx, owner.uri, name.range, found.symbol, 'use');
          if (found.excluded && !excludedUse) {
            ctx.sink.error(
              owner.uri,
              name.range,
              'found a reference to a type which is excluded due to its feature not being activated',
              'feature-excluded',
            );
          }
        }
      }
      const symbol = alias
        ? makeSymbol('type', alias.name, owner.uri, alias.range, m.range, `use ${name.raw} as ${alias.raw}`, {
            container: owner.symbol,
            docs: resolved?.symbol?.docs,
          })
        : undefined;
      if (alias && resolved?.symbol) {
        symbol!.resolvedType = resolved.symbol.detail;
      }
      const entity: TypeEntity = {
        kind: 'type',
        name: local.name,
        owner,
        uri: owner.uri,
        nameRange: local.range,
        target: resolved,
        excluded: excludedUse || !!resolved?.excluded,
        symbol: symbol ?? resolved?.symbol,
      };
      // A `use` of an opaque interface cannot be checked: accept the name as a type.
      if ((target?.opaque || !target?.resolved) && !resolved) entity.target = undefined;
      if (!resolved && !target?.opaque) entity.excluded = false;
      define(ctx, owner, entity);
      if (alias && resolved?.symbol) addReference(ctx, owner.uri, alias.range, symbol, 'use');
    }
  }
}

/** Declares type definitions and functions of the members. */
export function declareDefinitions(ctx: ResolveContext, owner: Owner, members: readonly (A.InterfaceMemberAst | A.WorldMemberAst)[]): void {
  const pkgName = owner.pkg.key;
  // wit-parser defines the types first and the functions after them, so a
  // function that shares a type's name is the one reported, wherever it stands.
  const ordered = [...members.filter((m) => m.kind !== 'func'), ...members.filter((m) => m.kind === 'func')];
  for (const m of ordered) {
    if (m.kind === 'func') {
      checkGates(ctx.sink, owner.uri, m.gates, owner.pkg, m.name.range);
      const symbol = funcSymbol(m, owner.uri, owner.symbol);
      const f: FuncEntity = { kind: 'func', name: m.name.name, owner, uri: owner.uri, nameRange: m.name.range, symbol };
      if (define(ctx, owner, f) && owner.kind === 'interface' && !isExcluded(m.gates, ctx.features)) owner.model.functions.push(symbol);
    } else if (
      m.kind === 'type' ||
      m.kind === 'record' ||
      m.kind === 'variant' ||
      m.kind === 'enum' ||
      m.kind === 'flags' ||
      m.kind === 'resource'
    ) {
      checkGates(ctx.sink, owner.uri, m.gates, owner.pkg, m.name.range);
      if (m.kind === 'resource') for (const f of m.funcs) checkGates(ctx.sink, owner.uri, f.gates, owner.pkg, f.name.range);
      checkOwnerGate(ctx, owner, m.gates, m.name.range);
      const symbol = typeDefSymbol(m, owner.uri, owner.symbol, pkgName);
      const t: TypeEntity = {
        kind: 'type',
        name: m.name.name,
        owner,
        uri: owner.uri,
        nameRange: m.name.range,
        def: m,
        excluded: isExcluded(m.gates, ctx.features),
        symbol,
      };
      if (define(ctx, owner, t) && owner.kind === 'interface' && !t.excluded) owner.model.types.push(symbol);
    }
  }
}
