// Canonical text for types and functions, so that two sides compare by meaning:
// a named type is printed as the item it names (`ns:pkg/iface.name`, without
// version, since 0.2.0 and 0.2.1 of a package are one contract to a linker),
// `own<r>` and a bare resource name are one type, `%` escapes are dropped.
import type * as A from '../syntax/ast';
import type { Gates } from './types';

/** How the local names of one interface or world are qualified. */
export type Scope = (name: string) => string;

export function typeShape(t: A.TypeAst, scope: Scope): string {
  switch (t.kind) {
    case 'primitive':
      return t.name;
    case 'named':
      return scope(t.name.name);
    case 'list':
      return `list<${typeShape(t.element, scope)}${t.length ? `; ${t.length.text}` : ''}>`;
    case 'tuple':
      return `tuple<${t.types.map((x) => typeShape(x, scope)).join(', ')}>`;
    case 'option':
      return `option<${typeShape(t.type, scope)}>`;
    case 'result':
      return `result<${t.ok ? typeShape(t.ok, scope) : '_'}, ${t.err ? typeShape(t.err, scope) : '_'}>`;
    case 'map':
      return `map<${typeShape(t.key, scope)}, ${typeShape(t.value, scope)}>`;
    case 'future':
      return t.type ? `future<${typeShape(t.type, scope)}>` : 'future';
    case 'stream':
      return t.type ? `stream<${typeShape(t.type, scope)}>` : 'stream';
    case 'borrow':
      return `borrow<${scope(t.resource.name)}>`;
    case 'own':
      return scope(t.resource.name);
    case 'error':
      return '?';
  }
}

/** A function's params and result, e.g. `async func(a: u32) -> string`. */
export function funcShape(f: A.FuncTypeAst, scope: Scope, prefix = ''): { shape: string; parts: Array<[string, string]> } {
  const parts: Array<[string, string]> = f.params.map((p) => [`param ${p.name.name}`, typeShape(p.type, scope)]);
  const result = f.result ? typeShape(f.result, scope) : undefined;
  if (result) parts.push(['result', result]);
  const params = f.params.map((p) => `${p.name.name}: ${typeShape(p.type, scope)}`).join(', ');
  return { shape: `${prefix}${f.async ? 'async ' : ''}func(${params})${result ? ` -> ${result}` : ''}`, parts };
}

/** A type definition's shape; a resource's methods are items of their own. */
export function typeDefShape(d: A.TypeDefAst, scope: Scope): { shape: string; parts: Array<[string, string]> } {
  switch (d.kind) {
    case 'type': {
      const target = typeShape(d.type, scope);
      return { shape: `type = ${target}`, parts: [['type', target]] };
    }
    case 'record': {
      const parts = d.fields.map((f): [string, string] => [`field ${f.name.name}`, typeShape(f.type, scope)]);
      return { shape: `record { ${parts.map(([n, t]) => `${n.slice(6)}: ${t}`).join(', ')} }`, parts };
    }
    case 'variant': {
      const parts = d.cases.map((c): [string, string] => [`case ${c.name.name}`, c.type ? typeShape(c.type, scope) : '']);
      return { shape: `variant { ${parts.map(([n, t]) => (t ? `${n.slice(5)}(${t})` : n.slice(5))).join(', ')} }`, parts };
    }
    case 'enum': {
      const parts = d.cases.map((c): [string, string] => [`case ${c.name.name}`, '']);
      return { shape: `enum { ${d.cases.map((c) => c.name.name).join(', ')} }`, parts };
    }
    case 'flags': {
      const parts = d.flags.map((c): [string, string] => [`flag ${c.name.name}`, '']);
      return { shape: `flags { ${d.flags.map((c) => c.name.name).join(', ')} }`, parts };
    }
    case 'resource':
      return { shape: 'resource', parts: [] };
  }
}

/** `@since`, `@unstable` and `@deprecated` as values. */
export function gatesOf(gates: readonly A.Gate[]): Gates {
  const out: Gates = {};
  for (const g of gates) {
    const value = g.args[0]?.value.text;
    if (value === undefined) continue;
    if (g.kind === 'since') out.since = value;
    else if (g.kind === 'unstable') out.unstable = value;
    else if (g.kind === 'deprecated') out.deprecated = value;
  }
  return out;
}

export function printGates(g: Gates): string {
  const out: string[] = [];
  if (g.since) out.push(`@since(version = ${g.since})`);
  if (g.unstable) out.push(`@unstable(feature = ${g.unstable})`);
  if (g.deprecated) out.push(`@deprecated(version = ${g.deprecated})`);
  return out.join(' ') || 'no gate';
}

/** `ns:pkg/iface` of a `use` path, version dropped; `base` is the package's own `ns:pkg`. */
export function usePathName(p: A.UsePathAst, base: string): string {
  if (p.kind === 'local') return `${base}/${p.name.name}`;
  return `${p.segments.map((s) => s.name).join(':')}/${p.names.map((n) => n.name).join('/')}`;
}

/** `ns:pkg/iface@1.2.3` or `ns:pkg@1.2.3` without its version. */
export function withoutVersion(name: string): string {
  const at = name.indexOf('@');
  return at < 0 ? name : name.slice(0, at);
}
