// Plug fit: which imports of a consumer the exports of a provider satisfy, and for
// every near miss why not: the interface is missing, its version differs, or a
// function or type it needs is absent or different (named, with both signatures).
import type { ComponentInfo, ComponentType, ExternItem } from './model';
import { definitionText, shapeText, typeText } from './witText';

/** An item's WIT text (shown to the user) and its shape (compared: names left out). */
export interface Signature {
  text: string;
  shape: string;
}

/** One side of a plug: interfaces by qualified name, each with function signatures and type definitions. */
export interface PlugInterface {
  name: string;
  functions: Map<string, Signature>;
  types: Map<string, Signature>;
}

export interface PlugSide {
  label: string;
  interfaces: PlugInterface[];
  /** Functions imported or exported directly (not inside an interface). */
  functions: Map<string, Signature>;
}

export type PlugStatus = 'satisfied' | 'near-miss' | 'missing';

export interface PlugMatch {
  /** The import, as named by the consumer. */
  import: string;
  status: PlugStatus;
  /** The export that satisfies it or comes closest. */
  export?: string;
  /** Why it does not fit (empty when it does). */
  reasons: string[];
}

export interface PlugFit {
  consumer: string;
  provider: string;
  matches: PlugMatch[];
}

/** The imports (`which: 'imports'`) or exports of a component, as a plug side. */
export function componentSide(info: ComponentInfo, which: 'imports' | 'exports', label: string): PlugSide {
  const items: ExternItem[] =
    which === 'imports' ? info.imports : info.exports.map((e) => ({ name: e.name, sort: e.item.sort, type: e.type }));
  const side: PlugSide = { label, interfaces: [], functions: new Map() };
  for (const item of items) {
    if (item.sort === 'instance') side.interfaces.push(interfaceOf(item.name, item.type));
    else if (item.sort === 'func' && item.type.kind === 'func') side.functions.set(item.name, signature(item.type));
  }
  return side;
}

function interfaceOf(name: string, type: ComponentType): PlugInterface {
  const iface: PlugInterface = { name, functions: new Map(), types: new Map() };
  if (type.kind !== 'instance') return iface;
  for (const e of type.exports) {
    if (e.sort === 'func') iface.functions.set(e.name, signature(e.type));
    else if (e.sort === 'type') iface.types.set(e.name, { text: definitionText(e.type), shape: shapeText(e.type) });
  }
  return iface;
}

function signature(t: ComponentType): Signature {
  return { text: typeText(t), shape: shapeText(t) };
}

interface ParsedName {
  base: string;
  version?: string;
}

/** `ns:pkg/iface@1.2.3` -> base `ns:pkg/iface`, version `1.2.3`. */
export function splitVersion(name: string): ParsedName {
  const at = name.lastIndexOf('@');
  return at > 0 ? { base: name.slice(0, at), version: name.slice(at + 1) } : { base: name };
}

/**
 * Versions the component model links as one: equal, or the same major (>= 1), or
 * the same 0.minor; pre-releases only when equal.
 */
export function versionsCompatible(a?: string, b?: string): boolean {
  if (a === b) return true;
  if (!a || !b || a.includes('-') || b.includes('-')) return false;
  const [am, an] = a.split('.');
  const [bm, bn] = b.split('.');
  if (am !== bm) return false;
  return am !== '0' || an === bn;
}

export function plugFit(consumer: PlugSide, provider: PlugSide): PlugFit {
  const matches: PlugMatch[] = [];
  for (const needed of consumer.interfaces) {
    const { base, version } = splitVersion(needed.name);
    const sameBase = provider.interfaces.filter((p) => splitVersion(p.name).base === base);
    const exact =
      sameBase.find((p) => p.name === needed.name) ?? sameBase.find((p) => versionsCompatible(version, splitVersion(p.name).version));
    if (exact) {
      const reasons = contentDifferences(needed, exact);
      matches.push({ import: needed.name, export: exact.name, status: reasons.length ? 'near-miss' : 'satisfied', reasons });
    } else if (sameBase.length > 0) {
      const closest = sameBase[0];
      const offered = splitVersion(closest.name).version ?? 'no version';
      matches.push({
        import: needed.name,
        export: closest.name,
        status: 'near-miss',
        reasons: [
          `version mismatch: needs ${version ?? 'no version'}, ${provider.label} exports ${offered}`,
          ...contentDifferences(needed, closest),
        ],
      });
    } else {
      matches.push({ import: needed.name, status: 'missing', reasons: [`interface missing: ${provider.label} does not export ${base}`] });
    }
  }
  for (const [name, signature] of consumer.functions) {
    const offered = provider.functions.get(name);
    if (offered === undefined)
      matches.push({ import: name, status: 'missing', reasons: [`function missing: ${provider.label} does not export ${name}`] });
    else if (offered.shape !== signature.shape) {
      matches.push({
        import: name,
        export: name,
        status: 'near-miss',
        reasons: [`function \`${name}\` differs: needs ${signature.text}, gets ${offered.text}`],
      });
    } else matches.push({ import: name, export: name, status: 'satisfied', reasons: [] });
  }
  return { consumer: consumer.label, provider: provider.label, matches };
}

function contentDifferences(needed: PlugInterface, offered: PlugInterface): string[] {
  const reasons: string[] = [];
  for (const [name, def] of needed.types) {
    const other = offered.types.get(name);
    if (other === undefined) reasons.push(`type \`${name}\` missing from ${offered.name}`);
    else if (other.shape !== def.shape) reasons.push(`type \`${name}\` differs: needs ${def.text}, gets ${other.text}`);
  }
  for (const [name, signature] of needed.functions) {
    const other = offered.functions.get(name);
    if (other === undefined) reasons.push(`function \`${name}\` missing from ${offered.name}`);
    else if (other.shape !== signature.shape) reasons.push(`function \`${name}\` differs: needs ${signature.text}, gets ${other.text}`);
  }
  return reasons;
}
