// Second pass over an interface's (or world's) definitions: every type name
// resolved, handles checked, map keys, constructors, borrows in results,
// duplicate params, empty variants, and type cycles.
import type { Range } from 'vscode-languageserver-types';
import type * as A from '../syntax/ast';
import { underlyingType, type InterfaceEntity, type TypeEntity, type WorldEntity } from './entities';
import { addReference, type ResolveContext } from './context';
import { isExcluded } from './gates';
import { checkLabels } from './uniqueness';

type Owner = InterfaceEntity | WorldEntity;

/** Whether a name is looked up for a type definition or a function: wit-parser words the miss differently. */
type Site = 'typedef' | 'function';

const MAP_KEYS = new Set(['bool', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'char', 'string']);

export function checkDefinitions(ctx: ResolveContext, owner: Owner, members: readonly (A.InterfaceMemberAst | A.WorldMemberAst)[]): void {
  for (const m of members) {
    switch (m.kind) {
      case 'func':
        checkFunction(ctx, owner, m.name.name, m.name.range, m.type, isExcluded(m.gates, ctx.features));
        break;
      case 'type':
        checkType(ctx, owner, m.type, 'typedef', isExcluded(m.gates, ctx.features), undefined, m.name.range);
        break;
      case 'record':
        for (const f of m.fields) checkType(ctx, owner, f.type, 'typedef', isExcluded(m.gates, ctx.features), f.name.range, m.name.range);
        break;
      case 'variant':
        if (m.cases.length === 0) ctx.sink.error(owner.uri, m.name.range, 'empty variant', 'invalid-type');
        for (const c of m.cases)
          if (c.type) checkType(ctx, owner, c.type, 'typedef', isExcluded(m.gates, ctx.features), undefined, m.name.range);
        break;
      case 'enum':
        if (m.cases.length === 0) ctx.sink.error(owner.uri, m.name.range, 'empty enum', 'invalid-type');
        break;
      case 'resource':
        checkResource(ctx, owner, m);
        break;
    }
  }
  checkLabels(ctx, owner, members);
  checkTypeCycles(ctx, owner);
}

function checkResource(ctx: ResolveContext, owner: Owner, res: Extract<A.TypeDefAst, { kind: 'resource' }>): void {
  const names = new Set<string>();
  let constructors = 0;
  const resourceExcluded = isExcluded(res.gates, ctx.features);
  for (const f of res.funcs) {
    const excluded = resourceExcluded || isExcluded(f.gates, ctx.features);
    if (f.kind === 'constructor') {
      if (constructors++ > 0) ctx.sink.error(owner.uri, f.name.range, 'duplicate constructors', 'duplicate-name');
      checkFunction(ctx, owner, `[constructor]${res.name.name}`, f.name.range, f.type, excluded);
      if (f.type.result) checkConstructorResult(ctx, owner, res, f.type.result);
    } else {
      if (names.has(f.name.name)) ctx.sink.error(owner.uri, f.name.range, `duplicate function name \`${f.name.name}\``, 'duplicate-name');
      names.add(f.name.name);
      const display = `[${f.kind}]${res.name.name}.${f.name.name}`;
      checkFunction(ctx, owner, display, f.name.range, f.type, excluded);
    }
    // Constructors and methods refer to the resource itself (`own<r>`, `borrow<r>` self).
    if (resourceExcluded && !isExcluded(f.gates, ctx.features) && f.kind !== 'static') {
      ctx.sink.error(
        owner.uri,
        f.name.range,
        'found a reference to a type which is excluded due to its feature not being activated',
        'feature-excluded',
      );
    }
  }
}

function checkConstructorResult(ctx: ResolveContext, owner: Owner, res: { name: A.Ident }, result: A.TypeAst): void {
  if (result.kind !== 'result') {
    ctx.sink.error(owner.uri, result.range, 'if a constructor return type is declared it must be a `result`', 'invalid-type');
    return;
  }
  const ok = result.ok;
  const isSelf =
    ok && ((ok.kind === 'named' && ok.name.name === res.name.name) || (ok.kind === 'own' && ok.resource.name === res.name.name));
  if (!isSelf) ctx.sink.error(owner.uri, result.range, 'the `ok` type must be the resource being constructed', 'invalid-type');
}

export function checkFunction(ctx: ResolveContext, owner: Owner, display: string, at: Range, f: A.FuncTypeAst, excluded: boolean): void {
  // Compared case-insensitively since wasm-tools 1.263 (strong uniqueness).
  const seen = new Set<string>();
  for (const p of f.params) {
    if (seen.has(p.name.name.toLowerCase()))
      ctx.sink.error(owner.uri, p.name.range, `param \`${p.name.name}\` is defined more than once`, 'duplicate-name');
    seen.add(p.name.name.toLowerCase());
    checkType(ctx, owner, p.type, 'function', excluded, undefined, at);
  }
  if (f.result) {
    checkType(ctx, owner, f.result, 'function', excluded, undefined, at);
    if (containsBorrow(owner, f.result)) {
      ctx.sink.error(
        owner.uri,
        at,
        `function \`${display}\` returns a type which contains a \`borrow<T>\` which is not supported`,
        'invalid-type',
      );
    }
  }
}

/**
 * A reference to a gated-out type: the corpus's wit-parser reports it at the
 * reference (a record at its field), wasm-tools 1.239 at the definition's
 * name; both are reported when they are on different lines.
 */
function reportExcluded(ctx: ResolveContext, owner: Owner, ref: Range, excludedAt: Range | undefined, definedAt: Range | undefined): void {
  const at = excludedAt ?? ref;
  const message = 'found a reference to a type which is excluded due to its feature not being activated';
  ctx.sink.error(owner.uri, at, message, 'feature-excluded');
  if (definedAt && definedAt.start.line !== at.start.line) ctx.sink.error(owner.uri, definedAt, message, 'feature-excluded');
}

/** Resolves every name in a type and checks handles and map keys. */
function checkType(
  ctx: ResolveContext,
  owner: Owner,
  root: A.TypeAst,
  site: Site,
  excluded: boolean,
  excludedAt?: Range,
  definedAt?: Range,
): void {
  // Most types are a primitive: nothing to resolve (and no list to walk them made).
  if (root.kind === 'primitive') return;
  const stack: A.TypeAst[] = [root];
  while (stack.length) {
    const t = stack.pop()!;
    switch (t.kind) {
      case 'named': {
        const found = owner.scope.get(t.name.name);
        if (!found) {
          ctx.sink.error(
            owner.uri,
            t.name.range,
            site === 'typedef' ? `type \`${t.name.name}\` does not exist` : `name \`${t.name.name}\` does not exist`,
            'unknown-name',
            { name: t.name.name },
          );
        } else if (found.kind === 'func') {
          ctx.sink.error(owner.uri, t.name.range, `cannot use function \`${t.name.name}\` as a type`, 'not-a-type');
        } else {
          addReference(ctx, owner.uri, t.name.range, found.symbol, 'type');
          if (found.excluded && !excluded) {
            reportExcluded(ctx, owner, t.name.range, excludedAt, definedAt);
          }
        }
        break;
      }
      case 'own':
      case 'borrow': {
        const found = owner.scope.get(t.resource.name);
        if (!found)
          ctx.sink.error(owner.uri, t.resource.range, `type \`${t.resource.name}\` does not exist`, 'unknown-name', {
            name: t.resource.name,
          });
        else if (found.kind === 'func')
          ctx.sink.error(owner.uri, t.resource.range, `cannot use function \`${t.resource.name}\` as a type`, 'not-a-type');
        else {
          addReference(ctx, owner.uri, t.resource.range, found.symbol, 'type');
          if (!isResource(found))
            ctx.sink.error(owner.uri, t.resource.range, `type \`${t.resource.name}\` used in a handle must be a resource`, 'not-a-type');
          else if (found.excluded && !excluded) {
            reportExcluded(ctx, owner, t.resource.range, excludedAt, definedAt);
          }
        }
        break;
      }
      case 'list':
        stack.push(t.element);
        checkListLength(ctx, owner, t);
        break;
      case 'tuple':
        stack.push(...t.types);
        break;
      case 'option':
        stack.push(t.type);
        break;
      case 'result':
        if (t.ok) stack.push(t.ok);
        if (t.err) stack.push(t.err);
        break;
      case 'map':
        if (!isValidMapKey(owner, t.key)) {
          ctx.sink.error(
            owner.uri,
            t.range,
            'invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string',
            'invalid-type',
          );
        }
        stack.push(t.key, t.value);
        break;
      case 'future':
      case 'stream':
        if (t.type) stack.push(t.type);
        break;
    }
  }
}

function checkListLength(ctx: ResolveContext, owner: Owner, t: Extract<A.TypeAst, { kind: 'list' }>): void {
  if (!t.length) return;
  const n = Number(t.length.text);
  if (!Number.isSafeInteger(n) || n > 0xffffffff)
    ctx.sink.error(owner.uri, t.length.range, 'number too large to fit in target type', 'invalid-type');
  else if (n === 0) ctx.sink.error(owner.uri, t.length.range, 'invalid fixed-length list size: must be greater than zero', 'invalid-type');
}

function isValidMapKey(owner: Owner, key: A.TypeAst): boolean {
  if (key.kind === 'primitive') return MAP_KEYS.has(key.name);
  if (key.kind === 'named') {
    const found = owner.scope.get(key.name.name);
    if (!found || found.kind !== 'type') return true; // reported as unknown elsewhere
    const def = underlyingType(found).def;
    if (!def) return true;
    if (def.kind === 'type') return aliasTarget(found) === undefined ? true : isValidMapKeyAlias(found);
    return false;
  }
  return key.kind === 'error';
}

function isValidMapKeyAlias(t: TypeEntity): boolean {
  const target = aliasTarget(t);
  return target === undefined || (target.kind === 'primitive' && MAP_KEYS.has(target.name));
}

/** The type a `type x = ...` alias stands for, following alias chains within their owners. */
function aliasTarget(t: TypeEntity): A.TypeAst | undefined {
  let cur: TypeEntity | undefined = underlyingType(t);
  for (let i = 0; i < 1000 && cur?.def?.kind === 'type'; i++) {
    const ty: A.TypeAst = cur.def.type;
    if (ty.kind !== 'named') return ty;
    const next = cur.owner.scope.get(ty.name.name);
    if (!next || next.kind !== 'type') return undefined;
    cur = underlyingType(next);
  }
  return undefined;
}

export function isResource(t: TypeEntity): boolean {
  let cur: TypeEntity | undefined = underlyingType(t);
  for (let i = 0; i < 1000 && cur; i++) {
    if (cur.def?.kind === 'resource') return true;
    if (!cur.def && !cur.target) return true; // from an opaque package: unknown, accept
    if (cur.def?.kind !== 'type' || cur.def.type.kind !== 'named') return false;
    const next = cur.owner.scope.get(cur.def.type.name.name);
    cur = next?.kind === 'type' ? underlyingType(next) : undefined;
  }
  return false;
}

/** Whether a result type holds a `borrow<T>`, looking through aliases, records, variants and anonymous types. */
function containsBorrow(owner: Owner, root: A.TypeAst): boolean {
  const stack: Array<{ t: A.TypeAst; owner: Owner }> = [{ t: root, owner }];
  const seen = new Set<TypeEntity>();
  while (stack.length) {
    const { t, owner: o } = stack.pop()!;
    switch (t.kind) {
      case 'borrow':
        return true;
      case 'named': {
        const found = o.scope.get(t.name.name);
        if (found?.kind !== 'type') break;
        const u = underlyingType(found);
        if (seen.has(u)) break;
        seen.add(u);
        const def = u.def;
        if (def?.kind === 'type') stack.push({ t: def.type, owner: u.owner });
        else if (def?.kind === 'record') for (const f of def.fields) stack.push({ t: f.type, owner: u.owner });
        else if (def?.kind === 'variant') for (const c of def.cases) if (c.type) stack.push({ t: c.type, owner: u.owner });
        break;
      }
      case 'list':
        stack.push({ t: t.element, owner: o });
        break;
      case 'tuple':
        for (const x of t.types) stack.push({ t: x, owner: o });
        break;
      case 'option':
        stack.push({ t: t.type, owner: o });
        break;
      case 'result':
        if (t.ok) stack.push({ t: t.ok, owner: o });
        if (t.err) stack.push({ t: t.err, owner: o });
        break;
      case 'map':
        stack.push({ t: t.key, owner: o }, { t: t.value, owner: o });
        break;
      case 'future':
      case 'stream':
        if (t.type) stack.push({ t: t.type, owner: o });
        break;
    }
  }
  return false;
}

/**
 * Types may not contain themselves (except through a handle). Reported as
 * wit-parser does: at the first reference of the cycle, naming its target.
 */
function checkTypeCycles(ctx: ResolveContext, owner: Owner): void {
  const defs = [...owner.scope.values()].filter((e): e is TypeEntity => e.kind === 'type' && !!e.def);
  const edges = new Map<TypeEntity, Array<{ to: TypeEntity; ident: A.Ident }>>();
  for (const d of defs) edges.set(d, directRefs(owner, d.def!));
  const state = new Map<TypeEntity, 1 | 2>();
  for (const root of defs) {
    if (state.has(root)) continue;
    // Iterative DFS: path of (node, next edge index).
    const path: Array<{ node: TypeEntity; i: number }> = [{ node: root, i: 0 }];
    state.set(root, 1);
    while (path.length) {
      const top = path[path.length - 1];
      const out = edges.get(top.node) ?? [];
      if (top.i >= out.length) {
        state.set(top.node, 2);
        path.pop();
        continue;
      }
      const edge = out[top.i++];
      const s = state.get(edge.to);
      if (s === 1) {
        const start = path.findIndex((p) => p.node === edge.to);
        const first = start === path.length - 1 ? edge : edges.get(path[start].node)![path[start].i - 1];
        ctx.sink.error(owner.uri, first.ident.range, `type \`${first.to.name}\` depends on itself`, 'type-cycle');
        continue;
      }
      if (s === undefined && edges.has(edge.to)) {
        state.set(edge.to, 1);
        path.push({ node: edge.to, i: 0 });
      }
    }
  }
}

/** Named types a definition contains by value (handles excluded: they do not nest the type). */
function directRefs(owner: Owner, def: A.TypeDefAst): Array<{ to: TypeEntity; ident: A.Ident }> {
  const roots: A.TypeAst[] = [];
  switch (def.kind) {
    case 'type':
      roots.push(def.type);
      break;
    case 'record':
      for (const f of def.fields) roots.push(f.type);
      break;
    case 'variant':
      for (const c of def.cases) if (c.type) roots.push(c.type);
      break;
    default:
      return [];
  }
  const out: Array<{ to: TypeEntity; ident: A.Ident }> = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const t = stack.pop()!;
    switch (t.kind) {
      case 'named': {
        const found = owner.scope.get(t.name.name);
        if (found?.kind === 'type' && found.owner === owner && found.def) out.push({ to: found, ident: t.name });
        break;
      }
      case 'list':
        stack.push(t.element);
        break;
      case 'tuple':
        for (let i = t.types.length - 1; i >= 0; i--) stack.push(t.types[i]);
        break;
      case 'option':
        stack.push(t.type);
        break;
      case 'result':
        if (t.err) stack.push(t.err);
        if (t.ok) stack.push(t.ok);
        break;
      case 'map':
        stack.push(t.value, t.key);
        break;
      case 'future':
      case 'stream':
        if (t.type) stack.push(t.type);
        break;
    }
  }
  return out;
}
