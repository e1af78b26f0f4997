// Component types printed the way WIT writes them, so that a signature read from a
// binary reads like the WIT it came from (and two of them compare as text).
import type { ComponentType } from './model';

/** A type in a type position: named types by name, anonymous ones spelled out. */
export function typeText(t: ComponentType | undefined): string {
  return print(t, false);
}

/**
 * A type's shape: names of types and resources left out, every named type spelled
 * out. The component model links types structurally, and a component renames the
 * types it re-exports (`import-type-request` for an interface's `request`), so two
 * types fit when their shapes are equal, whatever they are called.
 */
export function shapeText(t: ComponentType | undefined): string {
  return print(t, true);
}

function print(t: ComponentType | undefined, shape: boolean): string {
  const typeText = (x: ComponentType | undefined) => print(x, shape);
  if (!t) return '_';
  switch (t.kind) {
    case 'prim':
      return t.name;
    case 'named':
      return shape ? typeText(t.type) : t.name;
    case 'resource':
      return shape ? 'resource' : (t.name ?? 'resource');
    case 'own':
      return typeText(t.resource);
    case 'borrow':
      return `borrow<${typeText(t.resource)}>`;
    case 'list':
      return t.length === undefined ? `list<${typeText(t.element)}>` : `list<${typeText(t.element)}, ${t.length}>`;
    case 'tuple':
      return `tuple<${t.types.map(typeText).join(', ')}>`;
    case 'option':
      return `option<${typeText(t.type)}>`;
    case 'result':
      if (!t.ok && !t.err) return 'result';
      if (!t.err) return `result<${typeText(t.ok)}>`;
      return `result<${typeText(t.ok)}, ${typeText(t.err)}>`;
    case 'map':
      return `map<${typeText(t.key)}, ${typeText(t.value)}>`;
    case 'stream':
    case 'future':
      return t.type ? `${t.kind}<${typeText(t.type)}>` : t.kind;
    case 'record':
      return `record { ${t.fields.map((f) => `${f.name}: ${typeText(f.type)}`).join(', ')} }`;
    case 'variant':
      return `variant { ${t.cases.map((c) => (c.type ? `${c.name}(${typeText(c.type)})` : c.name)).join(', ')} }`;
    case 'enum':
      return `enum { ${t.names.join(', ')} }`;
    case 'flags':
      return `flags { ${t.names.join(', ')} }`;
    case 'func':
      return funcText(t, shape);
    case 'instance':
      return 'instance';
    case 'component':
      return 'component';
    case 'core module':
      return 'core module';
    case 'unknown':
      return '?';
  }
}

/** `func(a: u32, b: u32) -> u32` (with `async` when the function is async). */
export function funcText(t: Extract<ComponentType, { kind: 'func' }>, shape = false): string {
  const params = t.params.map((p) => `${p.name}: ${print(p.type, shape)}`).join(', ');
  return `${t.async ? 'async ' : ''}func(${params})${t.result ? ` -> ${print(t.result, shape)}` : ''}`;
}

/** What a named type stands for: its definition, one level deep. */
export function definitionText(t: ComponentType): string {
  if (t.kind === 'named') return typeText(t.type);
  if (t.kind === 'resource') return 'resource';
  return typeText(t);
}
