// Component types printed the way WIT writes them, so that a signature read from a
// binary reads like the WIT it came from (and two of them compare as text).
import type { ComponentType } from './model';

/** A type in a type position: named types by name, anonymous ones spelled out. */
export function typeText(t: ComponentType | undefined): string {
  if (!t) return '_';
  switch (t.kind) {
    case 'prim': return t.name;
    case 'named': return t.name;
    case 'resource': return t.name ?? 'resource';
    case 'own': return typeText(t.resource);
    case 'borrow': return `borrow<${typeText(t.resource)}>`;
    case 'list': return t.length === undefined ? `list<${typeText(t.element)}>` : `list<${typeText(t.element)}, ${t.length}>`;
    case 'tuple': return `tuple<${t.types.map(typeText).join(', ')}>`;
    case 'option': return `option<${typeText(t.type)}>`;
    case 'result':
      if (!t.ok && !t.err) return 'result';
      if (!t.err) return `result<${typeText(t.ok)}>`;
      return `result<${typeText(t.ok)}, ${typeText(t.err)}>`;
    case 'map': return `map<${typeText(t.key)}, ${typeText(t.value)}>`;
    case 'stream': case 'future': return t.type ? `${t.kind}<${typeText(t.type)}>` : t.kind;
    case 'record': return `record { ${t.fields.map((f) => `${f.name}: ${typeText(f.type)}`).join(', ')} }`;
    case 'variant': return `variant { ${t.cases.map((c) => (c.type ? `${c.name}(${typeText(c.type)})` : c.name)).join(', ')} }`;
    case 'enum': return `enum { ${t.names.join(', ')} }`;
    case 'flags': return `flags { ${t.names.join(', ')} }`;
    case 'func': return funcText(t);
    case 'instance': return 'instance';
    case 'component': return 'component';
    case 'core module': return 'core module';
    case 'unknown': return '?';
  }
}

/** `func(a: u32, b: u32) -> u32` (with `async` when the function is async). */
export function funcText(t: Extract<ComponentType, { kind: 'func' }>): string {
  const params = t.params.map((p) => `${p.name}: ${typeText(p.type)}`).join(', ');
  return `${t.async ? 'async ' : ''}func(${params})${t.result ? ` -> ${typeText(t.result)}` : ''}`;
}

/** What a named type stands for: its definition, one level deep. */
export function definitionText(t: ComponentType): string {
  if (t.kind === 'named') return typeText(t.type);
  if (t.kind === 'resource') return 'resource';
  return typeText(t);
}
