// Strong uniqueness (Binary.md: labels and names in one scope must be
// strongly-unique; Explainer.md, "Name Uniqueness"), checked as wasm-tools 1.263
// checks WIT: record fields, flags and cases compared case-insensitively, and
// every name an interface defines (types, functions, resource functions by
// their `[method]r.m` names) in one scope. wasm-tools 1.239 compared names
// exactly; exact repeats are reported by the checks that were already there
// (declare.ts, typecheck.ts), so only the new collisions are reported here.
import type { Range } from 'vscode-languageserver-types';
import type * as A from '../syntax/ast';
import type { InterfaceEntity, WorldEntity } from './entities';
import type { ResolveContext } from './context';

/**
 * A name as strong uniqueness compares it: lowercased; `[method]l.l` and
 * `[static]l.l` become `l`; other `[...]` prefixes but `[constructor]` dropped.
 */
export function canonicalName(name: string): string {
  const n = name.toLowerCase();
  const m = /^\[(?:method|static)\]([^.]+)\.(.+)$/.exec(n);
  if (m && m[1] === m[2]) return m[1];
  return n.startsWith('[constructor]') ? n : n.replace(/^\[[^\]]*\]/, '');
}

/**
 * Fields, flags and cases of one type: wit-parser stops at the first repeat,
 * `duplicate field \`a\`` or `field \`A\` conflicts with previous field \`a\``.
 */
export function checkLabels(ctx: ResolveContext, owner: InterfaceEntity | WorldEntity, members: readonly (A.InterfaceMemberAst | A.WorldMemberAst)[]): void {
  for (const m of members) {
    const labels = m.kind === 'record' ? m.fields : m.kind === 'flags' ? m.flags : m.kind === 'variant' || m.kind === 'enum' ? m.cases : undefined;
    if (!labels) continue;
    const desc = m.kind === 'record' ? 'field' : m.kind === 'flags' ? 'flag' : 'case';
    const seen = new Map<string, string>();
    for (const l of labels) {
      const prev = seen.get(l.name.name.toLowerCase());
      if (prev !== undefined) {
        ctx.sink.error(owner.uri, l.name.range, prev === l.name.name ? `duplicate ${desc} \`${prev}\`` : `${desc} \`${l.name.name}\` conflicts with previous ${desc} \`${prev}\``);
        break;
      }
      seen.set(l.name.name.toLowerCase(), l.name.name);
    }
  }
}

interface Named { name: string; range: Range }

/**
 * The names an interface defines, in the order wit-parser defines them: the
 * names its `use`s bring in, its types in dependency order (each after the
 * types it names, otherwise in source order), then its functions in source
 * order, a resource's functions where the resource is.
 */
function interfaceNames(members: readonly A.InterfaceMemberAst[]): Named[] {
  const out: Named[] = [];
  for (const m of members) {
    if (m.kind === 'use') for (const n of m.names) out.push({ name: (n.alias ?? n.name).name, range: (n.alias ?? n.name).range });
  }
  out.push(...typesInDependencyOrder(members));
  for (const m of members) {
    if (m.kind === 'func') out.push({ name: m.name.name, range: m.name.range });
    else if (m.kind === 'resource') {
      for (const f of m.funcs) {
        const name = f.kind === 'constructor' ? `[constructor]${m.name.name}` : `[${f.kind}]${m.name.name}.${f.name.name}`;
        out.push({ name, range: f.name.range });
      }
    }
  }
  return out;
}

/** wit-parser's toposort: of the types whose names are all defined, the first in source order goes next. */
function typesInDependencyOrder(members: readonly A.InterfaceMemberAst[]): Named[] {
  const defs = members.filter((m): m is A.TypeDefAst => m.kind !== 'use' && m.kind !== 'func');
  const index = new Map(defs.map((d, i) => [d.name.name, i]));
  const remaining = defs.map((d) => new Set(namesIn(d).filter((n) => index.has(n) && n !== d.name.name)));
  const done = new Set<string>();
  const out: Named[] = [];
  for (let progress = true; progress && out.length < defs.length;) {
    progress = false;
    for (let i = 0; i < defs.length; i++) {
      const d = defs[i];
      if (done.has(d.name.name) || [...remaining[i]].some((n) => !done.has(n))) continue;
      done.add(d.name.name);
      out.push({ name: d.name.name, range: d.name.range });
      progress = true;
      break;
    }
  }
  // A cycle (reported elsewhere) leaves the rest in source order.
  for (const d of defs) if (!done.has(d.name.name)) out.push({ name: d.name.name, range: d.name.range });
  return out;
}

/** The local type names a definition refers to. */
function namesIn(d: A.TypeDefAst): string[] {
  const roots: A.TypeAst[] = d.kind === 'type' ? [d.type] : d.kind === 'record' ? d.fields.map((f) => f.type)
    : d.kind === 'variant' ? d.cases.flatMap((c) => (c.type ? [c.type] : [])) : [];
  const out: string[] = [];
  const stack = [...roots];
  while (stack.length) {
    const t = stack.pop()!;
    switch (t.kind) {
      case 'named': out.push(t.name.name); break;
      case 'own': case 'borrow': out.push(t.resource.name); break;
      case 'list': case 'option': stack.push(t.kind === 'list' ? t.element : t.type); break;
      case 'tuple': stack.push(...t.types); break;
      case 'result': if (t.ok) stack.push(t.ok); if (t.err) stack.push(t.err); break;
      case 'map': stack.push(t.key, t.value); break;
      case 'future': case 'stream': if (t.type) stack.push(t.type); break;
    }
  }
  return out;
}

/** All names of an interface in one scope: each name that collides with an earlier one. */
export function checkInterfaceNames(ctx: ResolveContext, iface: InterfaceEntity, members: readonly A.InterfaceMemberAst[]): void {
  const seen = new Map<string, string>();
  for (const n of interfaceNames(members)) {
    const key = canonicalName(n.name);
    const prev = seen.get(key);
    if (prev === undefined) { seen.set(key, n.name); continue; }
    // The same name twice, or a method and a static function of one name, are
    // duplicates reported by the older checks (declare.ts, typecheck.ts).
    if (prev.replace(/^\[(method|static)\]/, '') === n.name.replace(/^\[(method|static)\]/, '')) continue;
    ctx.sink.error(iface.uri, n.range, `name \`${n.name}\` conflicts with previous name \`${prev}\``);
  }
}
