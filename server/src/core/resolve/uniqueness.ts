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
export function checkLabels(
  ctx: ResolveContext,
  owner: InterfaceEntity | WorldEntity,
  members: readonly (A.InterfaceMemberAst | A.WorldMemberAst)[],
): void {
  for (const m of members) {
    const labels =
      m.kind === 'record' ? m.fields : m.kind === 'flags' ? m.flags : m.kind === 'variant' || m.kind === 'enum' ? m.cases : undefined;
    if (!labels) continue;
    const desc = m.kind === 'record' ? 'field' : m.kind === 'flags' ? 'flag' : 'case';
    const seen = new Map<string, string>();
    for (const l of labels) {
      const prev = seen.get(l.name.name.toLowerCase());
      if (prev !== undefined) {
        ctx.sink.error(
          owner.uri,
          l.name.range,
          prev === l.name.name ? `duplicate ${desc} \`${prev}\`` : `${desc} \`${l.name.name}\` conflicts with previous ${desc} \`${prev}\``,
          'duplicate-name',
        );
        break;
      }
      seen.set(l.name.name.toLowerCase(), l.name.name);
    }
  }
}

interface Named {
  name: string;
  range: Range;
}

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

/**
 * wit-parser's toposort: of the types whose names are all defined, the first in
 * source order goes next (Kahn's algorithm with a min-heap of source indices,
 * as ast/toposort.rs does, so 20,000 types take linear-logarithmic time).
 */
function typesInDependencyOrder(members: readonly A.InterfaceMemberAst[]): Named[] {
  const defs = members.filter((m): m is A.TypeDefAst => m.kind !== 'use' && m.kind !== 'func');
  const index = new Map<string, number>();
  defs.forEach((d, i) => {
    if (!index.has(d.name.name)) index.set(d.name.name, i);
  });
  const waiting = new Array<number>(defs.length).fill(0);
  const dependents: number[][] = defs.map(() => []);
  defs.forEach((d, i) => {
    for (const n of new Set(namesIn(d))) {
      const j = index.get(n);
      if (j === undefined || n === d.name.name) continue;
      waiting[i]++;
      dependents[j].push(i);
    }
  });
  const ready = new MinHeap();
  waiting.forEach((w, i) => {
    if (w === 0) ready.push(i);
  });
  const done = new Uint8Array(defs.length);
  const out: Named[] = [];
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    done[i] = 1;
    out.push({ name: defs[i].name.name, range: defs[i].name.range });
    for (const d of dependents[i]) if (--waiting[d] === 0) ready.push(d);
  }
  // A cycle (reported elsewhere) leaves the rest in source order.
  defs.forEach((d, i) => {
    if (!done[i]) out.push({ name: d.name.name, range: d.name.range });
  });
  return out;
}

/** A binary min-heap of numbers. */
class MinHeap {
  private readonly items: number[] = [];

  push(v: number): void {
    const a = this.items;
    let i = a.push(v) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= v) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = v;
  }

  pop(): number | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1,
        r = l + 1;
      let m = i,
        mv = last;
      if (l < a.length && a[l] < mv) {
        m = l;
        mv = a[l];
      }
      if (r < a.length && a[r] < mv) {
        m = r;
        mv = a[r];
      }
      if (m === i) break;
      a[i] = a[m];
      i = m;
    }
    a[i] = last;
    return top;
  }
}

/** The local type names a definition refers to. */
function namesIn(d: A.TypeDefAst): string[] {
  const roots: A.TypeAst[] =
    d.kind === 'type'
      ? [d.type]
      : d.kind === 'record'
        ? d.fields.map((f) => f.type)
        : d.kind === 'variant'
          ? d.cases.flatMap((c) => (c.type ? [c.type] : []))
          : [];
  const out: string[] = [];
  const stack = [...roots];
  while (stack.length) {
    const t = stack.pop()!;
    switch (t.kind) {
      case 'named':
        out.push(t.name.name);
        break;
      case 'own':
      case 'borrow':
        out.push(t.resource.name);
        break;
      case 'list':
      case 'option':
        stack.push(t.kind === 'list' ? t.element : t.type);
        break;
      case 'tuple':
        stack.push(...t.types);
        break;
      case 'result':
        if (t.ok) stack.push(t.ok);
        if (t.err) stack.push(t.err);
        break;
      case 'map':
        stack.push(t.key, t.value);
        break;
      case 'future':
      case 'stream':
        if (t.type) stack.push(t.type);
        break;
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
    if (prev === undefined) {
      seen.set(key, n.name);
      continue;
    }
    // The same name twice, or a method and a static function of one name, are
    // duplicates reported by the older checks (declare.ts, typecheck.ts).
    if (prev.replace(/^\[(method|static)\]/, '') === n.name.replace(/^\[(method|static)\]/, '')) continue;
    ctx.sink.error(iface.uri, n.range, `name \`${n.name}\` conflicts with previous name \`${prev}\``, 'duplicate-name');
  }
}
