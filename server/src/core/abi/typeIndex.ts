// From the resolved model to ABI types: each declaration's AST found by its
// name, each name in a type followed through the resolver's references to the
// declaration it stands for (across files, packages and `use ... as`).
import type { Analysis, WitReference, WitSymbol } from '../model';
import type * as A from '../syntax/ast';
import { enumeration, map, option, primitive, result, tuple, type AbiType } from './types';

type Decl =
  | { kind: 'typedef'; def: A.TypeDefAst }
  | { kind: 'func'; type: A.FuncTypeAst; gates: A.Gate[] }
  | { kind: 'resource-func'; func: A.ResourceFuncAst; resource: string }
  /** `use x as y`: the alias, resolved through the reference at `x`. */
  | { kind: 'use-alias'; original: A.Ident }
  /** A record field, a variant case's payload or a function parameter: a name with a type. */
  | { kind: 'typed'; type: A.TypeAst };

const at = (uri: string, r: { start: { line: number; character: number } }) => `${uri}#${r.start.line}:${r.start.character}`;

export class TypeIndex {
  private readonly decls = new Map<string, Decl>();
  private readonly refs = new Map<string, WitReference>();
  private readonly bySymbol = new Map<string, AbiType>();
  private readonly visiting = new Set<string>();

  constructor(readonly analysis: Analysis) {
    for (const [uri, file] of analysis.files ?? []) this.indexItems(uri, file.items);
    for (const r of analysis.references) this.refs.set(at(r.uri, r.range), r);
  }

  /** The AST of a function symbol (free function, world function, constructor, method, static). */
  functionDecl(
    s: WitSymbol,
  ): { type: A.FuncTypeAst; gates: A.Gate[]; resource?: string; kind: 'func' | 'constructor' | 'method' | 'static' } | undefined {
    const d = this.decls.get(at(s.uri, s.nameRange));
    if (d?.kind === 'func') return { type: d.type, gates: d.gates, kind: 'func' };
    if (d?.kind === 'resource-func') return { type: d.func.type, gates: d.func.gates, resource: d.resource, kind: d.func.kind };
    return undefined;
  }

  /** The ABI type of a field, case payload or parameter symbol; undefined for other symbols. */
  typeOfMember(s: WitSymbol): AbiType | undefined {
    const d = this.decls.get(at(s.uri, s.nameRange));
    return d?.kind === 'typed' ? this.typeOf(s.uri, d.type) : undefined;
  }

  /** The definition behind a type symbol, if it is one declared in WIT text. */
  typeDef(s: WitSymbol): A.TypeDefAst | undefined {
    const d = this.decls.get(at(s.uri, s.nameRange));
    return d?.kind === 'typedef' ? d.def : undefined;
  }

  /**
   * The ABI type a type symbol (a definition or a `use` alias) stands for.
   * The named types it depends on are computed first with an explicit stack,
   * so that a chain of 20,000 aliases is followed without 20,000 nested calls;
   * each symbol's own computation then finds its named parts ready.
   */
  typeOfSymbol(s: WitSymbol): AbiType {
    const key = at(s.uri, s.nameRange);
    const known = this.bySymbol.get(key);
    if (known) return known;
    if (this.visiting.has(key)) return { kind: 'unknown', why: `\`${s.name}\` contains itself` };
    const stack: WitSymbol[] = [s];
    this.visiting.add(key);
    try {
      while (stack.length) {
        const top = stack[stack.length - 1];
        const next = this.namedDependencies(top).find((d) => {
          const k = at(d.uri, d.nameRange);
          return !this.bySymbol.has(k) && !this.visiting.has(k);
        });
        if (next) {
          this.visiting.add(at(next.uri, next.nameRange));
          stack.push(next);
          continue;
        }
        const topKey = at(top.uri, top.nameRange);
        this.bySymbol.set(topKey, this.computeSymbol(top));
        this.visiting.delete(topKey);
        stack.pop();
      }
    } finally {
      for (const left of stack) this.visiting.delete(at(left.uri, left.nameRange));
    }
    return this.bySymbol.get(key)!;
  }

  /** The type symbols a symbol's definition names directly (an alias's target, a field's type ...). */
  private namedDependencies(s: WitSymbol): WitSymbol[] {
    const d = this.decls.get(at(s.uri, s.nameRange));
    const out: WitSymbol[] = [];
    const follow = (range: A.Ident['range']) => {
      const target = this.refs.get(at(s.uri, range))?.target;
      if (target) out.push(target);
    };
    const walk = (t: A.TypeAst | undefined): void => {
      if (!t) return;
      switch (t.kind) {
        case 'named':
          follow(t.name.range);
          break;
        case 'list':
        case 'option':
          walk(t.kind === 'list' ? t.element : t.type);
          break;
        case 'tuple':
          t.types.forEach(walk);
          break;
        case 'result':
          walk(t.ok);
          walk(t.err);
          break;
        case 'map':
          walk(t.key);
          walk(t.value);
          break;
        case 'future':
        case 'stream':
          walk(t.type);
          break;
        default:
          break;
      }
    };
    if (d?.kind === 'use-alias') follow(d.original.range);
    else if (d?.kind === 'typedef') {
      const def = d.def;
      if (def.kind === 'type') walk(def.type);
      else if (def.kind === 'record') def.fields.forEach((f) => walk(f.type));
      else if (def.kind === 'variant') def.cases.forEach((c) => walk(c.type));
    }
    return out;
  }

  /** The ABI type of a type as written in the file `uri`. */
  typeOf(uri: string, t: A.TypeAst): AbiType {
    switch (t.kind) {
      case 'primitive':
        return primitive(t.name);
      case 'named': {
        const target = this.refs.get(at(uri, t.name.range))?.target;
        return target ? this.typeOfSymbol(target) : { kind: 'unknown', why: `\`${t.name.name}\` does not resolve` };
      }
      case 'list': {
        const element = this.typeOf(uri, t.element);
        if (!t.length) return { kind: 'list', element };
        const n = Number(t.length.text);
        return Number.isSafeInteger(n) && n > 0 ? { kind: 'list', element, length: n } : { kind: 'unknown', why: 'invalid list length' };
      }
      case 'tuple':
        return tuple(t.types.map((x) => this.typeOf(uri, x)));
      case 'option':
        return option(this.typeOf(uri, t.type));
      case 'result':
        return result(t.ok && this.typeOf(uri, t.ok), t.err && this.typeOf(uri, t.err));
      case 'map':
        return map(this.typeOf(uri, t.key), this.typeOf(uri, t.value));
      case 'future':
      case 'stream':
        return { kind: t.kind, element: t.type && this.typeOf(uri, t.type) };
      case 'own':
      case 'borrow':
        return { kind: t.kind, resource: t.resource.name };
      case 'error':
        return { kind: 'unknown', why: 'a type that does not parse' };
    }
  }

  private computeSymbol(s: WitSymbol): AbiType {
    const d = this.decls.get(at(s.uri, s.nameRange));
    if (d?.kind === 'use-alias') {
      const target = this.refs.get(at(s.uri, d.original.range))?.target;
      return target ? this.typeOfSymbol(target) : { kind: 'unknown', why: `\`${d.original.name}\` does not resolve` };
    }
    if (d?.kind !== 'typedef') return { kind: 'unknown', why: `\`${s.name}\` comes from an encoded package` };
    const def = d.def;
    switch (def.kind) {
      case 'type':
        return this.typeOf(s.uri, def.type);
      case 'record':
        return { kind: 'record', fields: def.fields.map((f) => this.typeOf(s.uri, f.type)) };
      case 'variant':
        return { kind: 'variant', cases: def.cases.map((c) => c.type && this.typeOf(s.uri, c.type)) };
      case 'enum':
        return def.cases.length ? enumeration(def.cases.length) : { kind: 'unknown', why: 'an empty enum' };
      case 'flags':
        return def.flags.length <= 32 ? { kind: 'flags', count: def.flags.length } : { kind: 'unknown', why: 'more than 32 flags' };
      // A resource named as a value type is an owned handle.
      case 'resource':
        return { kind: 'own', resource: def.name.name };
    }
  }

  private indexItems(uri: string, items: readonly A.PackageItemAst[]): void {
    for (const item of items) {
      switch (item.kind) {
        case 'interface':
          this.indexMembers(uri, item.members);
          break;
        case 'nested-package':
          this.indexItems(uri, item.items);
          break;
        case 'world':
          this.indexMembers(uri, item.members);
          for (const m of item.members) {
            if ((m.kind !== 'import' && m.kind !== 'export') || !m.name) continue;
            if (m.target.kind === 'func') {
              this.decls.set(at(uri, m.name.range), { kind: 'func', type: m.target.func, gates: m.gates });
              this.indexParams(uri, m.target.func);
            } else if (m.target.kind === 'interface') this.indexMembers(uri, m.target.members);
          }
          break;
        default:
          break;
      }
    }
  }

  private indexMembers(uri: string, members: readonly (A.InterfaceMemberAst | A.WorldMemberAst)[]): void {
    for (const m of members) {
      switch (m.kind) {
        case 'func':
          this.decls.set(at(uri, m.name.range), { kind: 'func', type: m.type, gates: m.gates });
          this.indexParams(uri, m.type);
          break;
        case 'use':
          for (const n of m.names) if (n.alias) this.decls.set(at(uri, n.alias.range), { kind: 'use-alias', original: n.name });
          break;
        case 'type':
        case 'record':
        case 'variant':
        case 'enum':
        case 'flags':
        case 'resource':
          this.decls.set(at(uri, m.name.range), { kind: 'typedef', def: m });
          if (m.kind === 'resource') {
            for (const f of m.funcs) {
              this.decls.set(at(uri, f.name.range), { kind: 'resource-func', func: f, resource: m.name.name });
              this.indexParams(uri, f.type);
            }
          }
          if (m.kind === 'record') for (const f of m.fields) this.decls.set(at(uri, f.name.range), { kind: 'typed', type: f.type });
          if (m.kind === 'variant')
            for (const c of m.cases) if (c.type) this.decls.set(at(uri, c.name.range), { kind: 'typed', type: c.type });
          break;
        default:
          break;
      }
    }
  }

  private indexParams(uri: string, f: A.FuncTypeAst): void {
    for (const p of f.params) this.decls.set(at(uri, p.name.range), { kind: 'typed', type: p.type });
  }
}

/** One index per analysis: analyses are immutable, and hover asks often. */
const cache = new WeakMap<Analysis, TypeIndex>();
export function typeIndexOf(analysis: Analysis): TypeIndex {
  let index = cache.get(analysis);
  if (!index) cache.set(analysis, (index = new TypeIndex(analysis)));
  return index;
}
