// The interfaces and worlds a package defines, which a package path (`ns:pkg/iface`,
// `ns:pkg/iface.{t}` in a `use`, `include ns:pkg/w`) names: wac-types' `definitions` of a
// package. A component binary defines what it exports as a type of one interface-named
// item (how a WIT package is encoded; find_definitions in wac-types' package.rs); a WIT
// folder in deps/ defines its files' top-level interfaces and worlds, read here from the
// tree-sitter-wit tree. Only names and kinds are kept: which items an interface has and
// whether each is a type or a function, as the resolver's messages need them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ComponentInfo, ExternItem } from '../../../common/component/model';
import type { Node, Tree } from '../core/index';
import { nameOf } from './wacSemantics';

/** What an interface or world item is, in wac's words for kinds (`function`, `type`). */
export type ItemKind = 'type' | 'function' | 'interface' | 'world';

export interface WacDefinition {
  kind: 'interface' | 'world';
  /** An interface's items (types, functions); a world's exports. */
  items: Map<string, ItemKind>;
  /** A world's imports' names, when known (what an `include ... with` may rename besides its exports). */
  imports?: Set<string>;
}

export type WacDefinitions = Map<string, WacDefinition>;

/** Parses WIT text (tree-sitter-wit); undefined when no grammar is loaded or the parse was given up. */
export type WitParse = (text: string) => Tree | undefined;

const interfaceName = (name: string) => /^[^:/]+:[^/]+\/[^/]+$/.test(name.replace(/@.*$/, ''));

function itemsOf(exports: ExternItem[]): Map<string, ItemKind> {
  return new Map(exports.map((e) => [e.name, e.sort === 'func' ? 'function' : e.sort === 'instance' ? 'interface' : 'type']));
}

/** A component binary's definitions: its type exports of a world with one interface-named item. */
export function componentDefinitions(info: ComponentInfo): WacDefinitions {
  const defs: WacDefinitions = new Map();
  for (const e of info.exports) {
    if (e.item.sort !== 'type' || e.type.kind !== 'component' || e.type.exports.length !== 1) continue;
    const [only] = e.type.exports;
    if (!interfaceName(only.name) || only.type.kind === 'unknown') continue;
    if (only.sort === 'instance' && only.type.kind === 'instance')
      defs.set(e.name, { kind: 'interface', items: itemsOf(only.type.exports) });
    else if (only.sort === 'component' && only.type.kind === 'component')
      defs.set(e.name, { kind: 'world', items: itemsOf(only.type.exports), imports: new Set(only.type.imports.map((i) => i.name)) });
  }
  return defs;
}

const nameText = (n: Node | null) => (n ? nameOf(n) : undefined);

/** The definitions of one WIT file's top-level interfaces and worlds. */
function fileDefinitions(tree: Tree, into: WacDefinitions): void {
  for (const item of tree.rootNode.namedChildren) {
    if (!item || (item.type !== 'interface_item' && item.type !== 'world_item')) continue;
    const name = nameText(item.childForFieldName('name'));
    if (!name) continue;
    const items = new Map<string, ItemKind>();
    const imports = new Set<string>();
    for (const member of item.childForFieldName('body')?.namedChildren ?? []) {
      if (!member) continue;
      if (member.type === 'use_item') {
        for (const use of member.namedChildren)
          if (use?.type === 'use_name') {
            const local = nameText(use.childForFieldName('alias') ?? use.childForFieldName('name'));
            if (local) items.set(local, 'type');
          }
        continue;
      }
      // A world's items are its exports (wac's path `pkg/w/x` looks only there).
      const memberName = nameText(member.childForFieldName('name') ?? member.childForFieldName('path'));
      if (member.type === 'import_item' && memberName) imports.add(memberName);
      if (member.type === 'import_item' || member.type === 'include_item' || !memberName) continue;
      if (member.type === 'func_item') items.set(memberName, 'function');
      else if (member.type === 'export_item')
        items.set(memberName, member.childForFieldName('type')?.type === 'func_type' ? 'function' : 'interface');
      else items.set(memberName, 'type');
    }
    into.set(name, item.type === 'interface_item' ? { kind: 'interface', items } : { kind: 'world', items, imports });
  }
}

const kept = new Map<string, { stamp: string; defs: WacDefinitions }>();

/**
 * A WIT folder's definitions (its `.wit` files, not their deps/), read again only when a
 * file's modification time changes; undefined without a WIT grammar to read them.
 */
export function witFolderDefinitions(dir: string, parse: WitParse | undefined): WacDefinitions | undefined {
  if (!parse) return undefined;
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.wit'))
      .sort();
  } catch {
    return undefined;
  }
  const stamps: string[] = [];
  for (const f of files) {
    try {
      stamps.push(`${f}:${statSync(path.join(dir, f)).mtimeMs}`);
    } catch {
      return undefined;
    }
  }
  const stamp = stamps.join('|');
  const before = kept.get(dir);
  if (before?.stamp === stamp) return before.defs;
  const defs: WacDefinitions = new Map();
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(path.join(dir, f), 'utf8');
    } catch {
      return undefined;
    }
    const tree = parse(text);
    if (!tree) return undefined;
    try {
      fileDefinitions(tree, defs);
    } finally {
      tree.delete();
    }
  }
  kept.set(dir, { stamp, defs });
  return defs;
}
