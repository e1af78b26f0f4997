// What a path names, as wac's resolver finds it: a package path (`ns:pkg/iface`,
// `ns:pkg/w/item`) is looked up in the package's definitions (wacDefinitions.ts), a
// local name (`use t.{x}`, `include w`) in the document's scope; each error in wac's
// words at the token wac points at (the path segment not found, the whole path or name of
// the wrong kind). A package whose definitions are not known is not checked: the path is
// then unknown, and nothing is said of it.
import type { Node } from '../core/index';
import type { ItemKind } from './wacDefinitions';
import { sortWord } from './wacFit';
import { nameOf, report, splitPackage, type Scope } from './wacSemantics';

type Span = { startIndex: number; endIndex: number };

/** An interface or world a path names, with its items (an interface's types and functions). */
export interface PathTarget {
  kind: 'interface' | 'world';
  /** How wac names it in a message: the path as written, or the local name. */
  name: string;
  items?: Map<string, ItemKind>;
  /** A world's imports' names, when known. */
  imports?: Set<string>;
}

/**
 * The interface or world `ns:pkg/a` names (`ns:pkg/w/b`: an item of it, which is then
 * not an interface or world: undefined). Reports a segment not found; undefined then, and
 * when the package or its definitions are unknown (an unknown package is reported before).
 */
export function packagePathTarget(scope: Scope, path: Node): PathTarget | undefined {
  const text = path.text;
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const pkg = text.slice(0, slash);
  const { version } = splitPackage(text);
  const rest = text.slice(slash + 1).replace(/@.*$/, '');
  const segments = rest.split('/');
  const offset = path.startIndex + slash + 1;
  const at = (i: number) => {
    let start = offset;
    for (let k = 0; k < i; k++) start += segments[k].length + 1;
    return { startIndex: start, endIndex: start + segments[i].length };
  };
  // The document's own package (any version): its first segment is a local name.
  if (pkg === scope.self) return segments.length === 1 ? kindOf(scope, segments[0], at(0))?.target : undefined;
  const defs = scope.packages(pkg, version)?.definitions;
  if (!defs) return undefined;
  const def = defs.get(segments[0]);
  if (!def) {
    report(scope, at(0), 'unknown-export', `package \`${pkg}\` has no export named \`${segments[0]}\``);
    return undefined;
  }
  if (segments.length === 1) return { kind: def.kind, name: text, items: def.items, imports: def.imports };
  if (!def.items.has(segments[1])) {
    report(scope, at(1), 'unknown-export', `${def.kind} \`${segments[0]}\` in package \`${pkg}\` has no export named \`${segments[1]}\``);
  }
  return undefined;
}

/** What a local name is, in wac's words for kinds (`interface`, `world`, `record`, `function`). */
function kindOf(scope: Scope, name: string, at: Span): { kind?: string; target?: PathTarget } | undefined {
  const bound = scope.names.get(name);
  if (!bound) {
    report(scope, at, 'undefined-name', `undefined name \`${name}\``);
    return undefined;
  }
  bound.used = true;
  const v = bound.value;
  if (v.declared === 'interface' || v.declared === 'world') return { kind: v.declared, target: { kind: v.declared, name, items: v.items } };
  return { kind: v.declared ?? (v.sort ? sortWord(v.sort) : undefined) };
}

/**
 * The interface or world a `use`, `include`, world item or `targets` names (a package
 * path or a local name), which must be a `want`: wac's `` `x` (world) is not an interface ``.
 */
export function targetOf(scope: Scope, node: Node, want: 'interface' | 'world'): PathTarget | undefined {
  let found: { kind?: string; target?: PathTarget } | undefined;
  if (node.type === 'package_path') {
    const target = packagePathTarget(scope, node);
    found = target && { kind: target.kind, target };
  } else found = kindOf(scope, nameOf(node), node);
  if (!found?.kind) return undefined;
  if (found.kind !== want) {
    report(scope, node, `not-${want}`, `\`${nameOf(node)}\` (${found.kind}) is not ${want === 'interface' ? 'an interface' : 'a world'}`);
    return undefined;
  }
  return found.target;
}

/** `use path.{a, b as c}`: the path must be an interface, each name one of its types. */
export function checkUse(scope: Scope, use: Node): void {
  const path = use.childForFieldName('path');
  if (!path) return;
  const target = targetOf(scope, path, 'interface');
  if (!target?.items) return;
  for (const item of use.namedChildren) {
    const name = item?.type === 'use_item' ? item.childForFieldName('name') : null;
    if (!name) continue;
    const kind = target.items.get(nameOf(name));
    if (kind === undefined)
      report(scope, name, 'undefined-type', `a type named \`${nameOf(name)}\` is not defined in interface \`${target.name}\``);
    else if (kind !== 'type')
      report(scope, name, 'not-a-value-type', `\`${nameOf(name)}\` (${kind}) is not a value type in interface \`${target.name}\``);
  }
}
