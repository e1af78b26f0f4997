// Completion of names reached through paths: packages from deps/ and local
// interfaces after use/import/export/include, the interfaces (or worlds) of a
// package after `ns:pkg/`, the types of an interface in `use x.{`, and the
// names an included world lets `with` rename.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis, InterfaceModel, PackageModel, WitSymbol } from '../model';
import { escapeName } from './builtins';
import { unescapeName as unescape } from './treeWalk';

/** After `use`/`import`/`export`/`include`: local interfaces (or worlds) and packages from deps/. */
export function pathStarts(analysis: Analysis, keyword: string): CompletionItem[] {
  const out: CompletionItem[] = [];
  const root = analysis.packages.find((p) => !p.isDependency);
  if (root) {
    const local = keyword === 'include' ? root.worlds.map((w) => w.name) : root.interfaces.flatMap((i) => (i.name ? [i.name] : []));
    for (const name of local) {
      out.push({
        label: name,
        kind: keyword === 'include' ? CompletionItemKind.Module : CompletionItemKind.Interface,
        detail: root.name,
        sortText: `1${name}`,
      });
    }
  }
  for (const p of analysis.packages) {
    if (p === root) continue;
    const { bare, version } = splitVersion(p.name);
    out.push({
      label: bare,
      kind: CompletionItemKind.Module,
      detail: p.isDependency ? `deps/ ${p.name}` : p.name,
      insertText: `${bare}/`,
      sortText: `2${bare}`,
      command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
      ...(version ? { labelDetails: { description: `@${version}` } } : {}),
    });
  }
  return out;
}

/** After `ns:pkg/`: the interfaces (or worlds) of that package, with its version. */
export function itemsOfPackage(analysis: Analysis, name: string, what: 'interfaces' | 'worlds'): CompletionItem[] {
  const pkg = findPackage(analysis, name);
  if (!pkg) return [];
  const { version } = splitVersion(pkg.name);
  const suffix = version && !name.includes('@') ? `@${version}` : '';
  const items =
    what === 'worlds'
      ? pkg.worlds.map((w) => ({ name: w.name, symbol: w.symbol }))
      : pkg.interfaces.flatMap((i) => (i.name ? [{ name: i.name, symbol: i.symbol }] : []));
  return items.map(({ name: item, symbol }) => ({
    label: item,
    kind: what === 'worlds' ? CompletionItemKind.Module : CompletionItemKind.Interface,
    detail: `${pkg.name}`,
    insertText: `${item}${suffix}`,
    ...(symbol?.docs ? { documentation: symbol.docs } : {}),
  }));
}

/** Inside `use path.{`: the types of that interface. */
export function typesOfInterface(analysis: Analysis, path: string): CompletionItem[] {
  const iface = findInterface(analysis, path);
  if (!iface) return [];
  return iface.types.map((t: WitSymbol) => ({
    label: t.name,
    insertText: escapeName(t.name),
    kind: kindOf(t.kind),
    detail: t.detail,
    ...(t.docs ? { documentation: t.docs } : {}),
  }));
}

/** Inside `include w with {`: the plain names the included world imports and exports (what `with` can rename). */
export function namesOfWorld(analysis: Analysis, path: string): CompletionItem[] {
  const slash = path.lastIndexOf('/');
  let world;
  if (slash < 0) {
    world = analysis.packages.find((p) => !p.isDependency)?.worlds.find((w) => w.name === unescape(path));
  } else {
    const { bare: worldPart, version } = splitVersion(path.slice(slash + 1));
    const pkg = findPackage(analysis, path.slice(0, slash) + (version ? `@${version}` : ''));
    world = pkg?.worlds.find((w) => w.name === unescape(worldPart));
  }
  if (!world) return [];
  const items = [...world.imports, ...world.exports].filter((i) => i.explicit && !/[:/]/.test(i.key));
  return [...new Set(items.map((i) => i.key))].map((key) => ({
    label: key,
    kind: CompletionItemKind.Field,
    insertText: `${escapeName(key)} as \${1:${key}}`,
    insertTextFormat: InsertTextFormat.Snippet,
    detail: `in world ${world.name}`,
  }));
}

function splitVersion(name: string): { bare: string; version?: string } {
  const at = name.indexOf('@');
  return at < 0 ? { bare: name } : { bare: name.slice(0, at), version: name.slice(at + 1) };
}

function findPackage(analysis: Analysis, name: string): PackageModel | undefined {
  const { bare, version } = splitVersion(name);
  return analysis.packages.find((p) => {
    const q = splitVersion(p.name);
    return q.bare === bare && (!version || q.version === version);
  });
}

function findInterface(analysis: Analysis, path: string): InterfaceModel | undefined {
  const slash = path.lastIndexOf('/');
  if (slash < 0) {
    const root = analysis.packages.find((p) => !p.isDependency);
    return root?.interfaces.find((i) => i.name === unescape(path));
  }
  const { bare: ifacePart, version } = splitVersion(path.slice(slash + 1));
  const pkg = findPackage(analysis, path.slice(0, slash) + (version ? `@${version}` : ''));
  return pkg?.interfaces.find((i) => i.name === unescape(ifacePart));
}

/** The completion item kind of a declaration kind. */
export function kindOf(kind: string): CompletionItemKind {
  switch (kind) {
    case 'record':
      return CompletionItemKind.Struct;
    case 'variant':
    case 'enum':
    case 'flags':
      return CompletionItemKind.Enum;
    case 'resource':
      return CompletionItemKind.Class;
    case 'interface':
      return CompletionItemKind.Interface;
    case 'world':
      return CompletionItemKind.Module;
    default:
      return CompletionItemKind.TypeParameter;
  }
}
