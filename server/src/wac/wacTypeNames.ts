// The checks wac's resolver makes of the WIT a WAC document declares, that the semantic
// check repeats so every error shows at once: a type named in a type (`option<t>`,
// `func(x: t)`) must be declared before it, at the top or in the interface or world around
// it, and be a type (not an instance, a function, an interface or a world); an interface
// may not export one name twice, nor a world import or export one twice; what a `use`, an
// `include` or a world's path names is resolved (wacPaths.ts; a world's names and
// includes: wacWorldNames.ts). (Kinds of types are left to wac.)
import type { Node } from '../core/index';
import type { ItemKind } from './wacDefinitions';
import { sortWord } from './wacFit';
import { checkUse, targetOf } from './wacPaths';
import { nameOf, report, type Scope } from './wacSemantics';
import { WorldNames } from './wacWorldNames';

const DECLARATIONS = new Set(['record_decl', 'variant_decl', 'flags_decl', 'enum_decl', 'type_alias', 'resource_decl']);

/** The type names an item of an interface or world body declares (a type, a resource, `use`d names). */
function declaredBy(item: Node): string[] {
  if (DECLARATIONS.has(item.type)) {
    const name = item.childForFieldName('name');
    return name ? [nameOf(name)] : [];
  }
  if (item.type !== 'use_statement') return [];
  return item.namedChildren.flatMap((use) => {
    const name = use?.type === 'use_item' ? (use.childForFieldName('alias') ?? use.childForFieldName('name')) : null;
    return name ? [nameOf(name)] : [];
  });
}

/**
 * Adds what `item` names to a body's `own` names (`types`: those of its types and `use`s);
 * a `use` of a name already there, or a type of a name a type or `use` took, is reported.
 */
function ownNames(scope: Scope, item: Node, own: Set<string>, types: Set<string>, side: 'import' | 'export'): void {
  if (item.type === 'use_statement') {
    for (const use of item.namedChildren) {
      const id = use?.type === 'use_item' ? (use.childForFieldName('alias') ?? use.childForFieldName('name')) : null;
      if (!id) continue;
      if (own.has(nameOf(id)))
        report(scope, id, 'use-conflict', `use of type \`${nameOf(id)}\` conflicts with an ${side} of the same name`);
      own.add(nameOf(id));
      types.add(nameOf(id));
    }
    return;
  }
  const id = item.childForFieldName('name');
  if (!id) return;
  own.add(nameOf(id));
  if (!DECLARATIONS.has(item.type)) return;
  if (types.has(nameOf(id))) report(scope, id, 'duplicate-name', `\`${nameOf(id)}\` is already defined`);
  types.add(nameOf(id));
}

/** A declared interface's items: its types (declared or `use`d) and its functions. */
export function interfaceItems(body: Node | null): Map<string, ItemKind> {
  const items = new Map<string, ItemKind>();
  for (const item of body?.namedChildren ?? []) {
    if (!item) continue;
    for (const name of declaredBy(item)) items.set(name, 'type');
    const name = item.type === 'interface_export' ? item.childForFieldName('name') : null;
    if (name && !items.has(nameOf(name))) items.set(nameOf(name), 'function');
  }
  return items;
}

/** Reports the undefined type names in `node` and the interfaces' duplicate exports, in document order. */
export function checkTypeNames(scope: Scope, node: Node, local: Set<string> = new Set(), iface?: string): void {
  // What a `use`, an `include` or a world's import or export of a path names (wacPaths.ts).
  if (node.type === 'use_statement') return checkUse(scope, node);
  // (An include is resolved with its world's other items: wacWorldNames.ts.)
  if (node.type === 'world_include') return;
  if (node.type === 'world_import' || node.type === 'world_export') {
    const path = node.childForFieldName('path');
    if (path) {
      targetOf(scope, path, 'interface');
      return;
    }
  }
  if (node.type === 'named_type' || node.type === 'borrow_type') {
    const id = node.type === 'named_type' ? node.namedChild(0) : node.childForFieldName('resource');
    if (!id || local.has(nameOf(id))) return;
    const bound = scope.names.get(nameOf(id));
    if (!bound) report(scope, id, 'undefined-name', `undefined name \`${nameOf(id)}\``);
    else if (node.type === 'named_type') {
      // Bound, but to no value type: an instance, a function, an interface or a world (wac's words for each).
      const v = bound.value;
      const kind =
        v.declared === 'interface' || v.declared === 'world' ? v.declared : v.sort && v.sort !== 'type' ? sortWord(v.sort) : undefined;
      if (kind) report(scope, id, 'not-a-value-type', `\`${nameOf(id)}\` (${kind}) cannot be used as a value type`);
    }
    return;
  }
  if (node.type === 'interface_body' || node.type === 'world_body') {
    // In order, as at the top: a type is named after it is declared.
    const inner = new Set(local);
    const exported = new Set<string>();
    // The body's own names (its types, uses and named items): a `use` may not take one
    // again, nor a type be declared twice (wac's words for each).
    const own = new Set<string>();
    const types = new Set<string>();
    const world = node.type === 'world_body' ? new WorldNames(scope, node) : undefined;
    for (const item of node.namedChildren) {
      if (!item) continue;
      checkTypeNames(scope, item, inner, iface);
      world?.add(item, declaredBy(item));
      ownNames(scope, item, own, types, node.type === 'world_body' ? 'import' : 'export');
      // (A type is an export of an interface: a function after it may not take its name.)
      for (const declared of declaredBy(item)) {
        inner.add(declared);
        exported.add(declared);
      }
      const name = item.type === 'interface_export' ? item.childForFieldName('name') : null;
      if (!name) continue;
      if (exported.has(nameOf(name)))
        report(
          scope,
          name,
          'duplicate-export',
          `duplicate interface export \`${nameOf(name)}\`${iface ? ` for interface \`${iface}\`` : ''}`,
        );
      exported.add(nameOf(name));
    }
    world?.includeAll();
    return;
  }
  for (const child of node.namedChildren) if (child) checkTypeNames(scope, child, local, iface);
}
