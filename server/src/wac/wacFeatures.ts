// Hover, go to definition and completion in WAC documents, from the scanner and the
// components in the document's deps/ folder (read by the component reader, cached by
// file and modification time): a package's world, an instance's exports, the import an
// argument is for; a local name's let or import, a package path's WIT
// (wacPathDefinition.ts); the packages found, an instance's exports, the arguments an
// instantiation still needs.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Location, type Position } from 'vscode-languageserver/node';
import { readComponent } from '../../../common/component/reader';
import type { ComponentInfo, ComponentType, ExternItem } from '../../../common/component/model';
import { funcText } from '../../../common/component/witText';
import { uriToPath } from '../core/index';
import { positionAt } from './wacCheck';
import { packagePathDefinition } from './wacPathDefinition';
import { scanWac, type WacScan, type WacToken } from './wacScanner';

const components = new Map<string, { mtimeMs: number; info?: ComponentInfo }>();

/** The component `ns:name` of a deps folder (`ns/name.wasm`), read once per change of the file. */
export function depsComponent(name: string, depsDir: string): { file: string; info: ComponentInfo } | undefined {
  const file = `${path.join(depsDir, ...name.replace(/@.*$/, '').split(':'))}.wasm`;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  let cached = components.get(file);
  if (!cached || cached.mtimeMs !== mtimeMs) {
    let info: ComponentInfo | undefined;
    try {
      info = readComponent(new Uint8Array(readFileSync(file)));
    } catch {
      info = undefined;
    }
    cached = { mtimeMs, info };
    components.set(file, cached);
  }
  return cached.info ? { file, info: cached.info } : undefined;
}

/** The packages of a deps folder: `ns/name.wasm` as `ns:name`. */
export function depsPackages(depsDir: string): string[] {
  const found: string[] = [];
  let namespaces: string[];
  try {
    namespaces = readdirSync(depsDir);
  } catch {
    return [];
  }
  for (const ns of namespaces.sort()) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(depsDir, ns));
    } catch {
      continue;
    }
    for (const n of names) if (n.endsWith('.wasm')) found.push(`${ns}:${n.slice(0, -'.wasm'.length)}`);
  }
  return found.sort();
}

function itemText(item: ExternItem, keyword: 'import' | 'export'): string {
  const t = item.type;
  if (t.kind === 'func') return `  ${keyword} ${item.name}: ${funcText(t)};`;
  if (t.kind === 'instance') {
    const funcs = t.exports
      .filter((e) => e.type.kind === 'func')
      .map((e) => `    ${e.name}: ${funcText(e.type as Extract<ComponentType, { kind: 'func' }>)};`);
    return funcs.length && !item.name.startsWith('wasi:')
      ? `  ${keyword} ${item.name} {\n${funcs.join('\n')}\n  }`
      : `  ${keyword} ${item.name};`;
  }
  return `  ${keyword} ${item.name}; // ${item.sort}`;
}

/** A component's imports and exports, written like a WIT world (instances' functions listed). */
export function worldText(name: string, info: ComponentInfo): string {
  const lines = [
    ...info.imports.map((i) => itemText(i, 'import')),
    ...info.exports.map((e) => itemText({ name: e.name, sort: e.item.sort, type: e.type }, 'export')),
  ];
  return `world ${name.replace(/^.*:/, '')} {\n${lines.join('\n')}\n}`;
}

interface Context {
  text: string;
  scan: WacScan;
  depsDir: string;
  offset: number;
  token?: WacToken;
  index: number;
}

function contextAt(uri: string, text: string, position: Position): Context {
  const scan = scanWac(text);
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line && i < lines.length; i++) offset += lines[i].length + 1;
  offset += position.character;
  const index = scan.tokens.findIndex((t) => t.start <= offset && offset <= t.end && t.kind !== 'punct');
  return { text, scan, depsDir: path.join(path.dirname(uriToPath(uri)), 'deps'), offset, token: scan.tokens[index], index };
}

/** The package of the `new` whose braces hold `offset`. */
function enclosingNew(ctx: Context): string | undefined {
  let depth = 0;
  for (let i = ctx.scan.tokens.findIndex((t) => t.start >= ctx.offset) - 1; i >= 0; i--) {
    const t = ctx.scan.tokens[i];
    if (t.text === '}') depth++;
    else if (t.text === '{') {
      if (depth === 0)
        return ctx.scan.packageRefs.find((p) => p.span.end <= t.start && ctx.text.slice(p.span.end, t.start).trim() === '')?.name;
      depth--;
    } else if (t.text === ';') return undefined;
  }
  return undefined;
}

/** The component a local name's let instantiates. */
function instantiated(ctx: Context, name: string): string | undefined {
  return ctx.scan.statements.find((s) => s.kind === 'let' && s.name === name)?.instantiates;
}

/** The import of `pkg` an argument `name` is for: exactly the name, else the one path ending in it. */
function importFor(info: ComponentInfo, name: string): ExternItem | undefined {
  return (
    info.imports.find((i) => i.name === name) ?? info.imports.filter((i) => i.name.replace(/@.*$/, '').split('/').pop() === name).at(0)
  );
}

export function wacHover(uri: string, text: string, position: Position): Hover | null {
  const ctx = contextAt(uri, text, position);
  const t = ctx.token;
  if (!t) return null;
  const code = (body: string) => ({ contents: { kind: MarkupKind.Markdown, value: body } });
  const ref = ctx.scan.packageRefs.find((p) => p.span.start <= ctx.offset && ctx.offset <= p.span.end);
  if (ref) {
    const c = depsComponent(ref.name, ctx.depsDir);
    if (!c) return code(`\`${ref.name}\`: not in ${ctx.depsDir}`);
    return code(
      `component \`${ref.name}\` (${path.relative(path.dirname(ctx.depsDir), c.file)})\n\n\`\`\`wit\n${worldText(ref.name, c.info)}\n\`\`\``,
    );
  }
  if (t.kind !== 'id') return null;
  // A named argument: the import it is for.
  if (ctx.scan.tokens[ctx.index + 1]?.text === ':') {
    const pkg = enclosingNew(ctx);
    const c = pkg ? depsComponent(pkg, ctx.depsDir) : undefined;
    const item = c && importFor(c.info, t.text);
    if (item) return code(`argument for the import of \`${pkg}\`\n\n\`\`\`wit\n${itemText(item, 'import').trim()}\n\`\`\``);
  }
  const pkg = instantiated(ctx, t.text);
  if (pkg) {
    const c = depsComponent(pkg, ctx.depsDir);
    const exports = c ? c.info.exports.map((e) => itemText({ name: e.name, sort: e.item.sort, type: e.type }, 'export')).join('\n') : '';
    return code(`instance \`${t.text}\` of \`${pkg}\`${c ? `, exporting\n\n\`\`\`wit\n${exports}\n\`\`\`` : ''}`);
  }
  const imported = ctx.scan.statements.find((s) => s.kind === 'import' && s.name === t.text);
  if (imported) return code(`import \`${t.text}\`${imported.importName ? ` (\`${imported.importName}\`)` : ''}`);
  return null;
}

export function wacDefinition(uri: string, text: string, position: Position): Location | null {
  const ctx = contextAt(uri, text, position);
  const t = ctx.token;
  if (!t || ctx.scan.tokens[ctx.index - 1]?.text === '.') return null;
  const target = ctx.scan.statements.find((s) => (s.kind === 'let' || s.kind === 'import') && s.name === t.text);
  if (target) return { uri, range: { start: positionAt(text, target.nameSpan.start), end: positionAt(text, target.nameSpan.end) } };
  const ref = ctx.scan.packageRefs.find((p) => p.span.start <= ctx.offset && ctx.offset <= p.span.end);
  const c = ref && depsComponent(ref.name, ctx.depsDir);
  if (c) return { uri: pathToFileURL(c.file).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  return packagePathDefinition(text, ctx.offset, ctx.depsDir);
}

export function wacCompletion(uri: string, text: string, position: Position): CompletionItem[] {
  const ctx = contextAt(uri, text, { line: position.line, character: position.character });
  const before = text.slice(0, ctx.offset);
  // After `new `: the packages of deps/.
  if (/\bnew\s+[%A-Za-z0-9:-]*$/.test(before)) {
    return depsPackages(ctx.depsDir).map((p) => ({ label: p, kind: CompletionItemKind.Module, detail: 'component in deps/' }));
  }
  // After `instance.`: its exports (by the name the access rules accept).
  const access = /([%A-Za-z][A-Za-z0-9-]*)\.([A-Za-z0-9-]*)$/.exec(before);
  if (access) {
    const pkg = instantiated(ctx, access[1]);
    const c = pkg ? depsComponent(pkg, ctx.depsDir) : undefined;
    return (c?.info.exports ?? []).map((e) => ({
      label: e.name.replace(/@.*$/, '').split('/').pop() ?? e.name,
      kind: CompletionItemKind.Property,
      detail: e.name,
    }));
  }
  // Inside `new pkg { ... }`: the imports not given yet, and `...`.
  const pkg = enclosingNew(ctx);
  if (pkg) {
    const c = depsComponent(pkg, ctx.depsDir);
    if (!c) return [];
    const open = before.lastIndexOf('{');
    const given = text.slice(open, text.indexOf('}', ctx.offset) < 0 ? undefined : text.indexOf('}', ctx.offset));
    const items: CompletionItem[] = c.info.imports
      .filter((i) => !given.includes(i.name) && !new RegExp(`(?:^|[\\s{,])${escape(shortName(i.name))}\\s*[:,}]`).test(given))
      .map((i) => ({
        label: shortName(i.name),
        kind: CompletionItemKind.Field,
        detail: `import ${i.name}`,
        insertText: `${shortName(i.name)}: `,
      }));
    const instances = ctx.scan.statements.filter((s) => s.kind === 'let' && s.instantiates && s.span.end <= ctx.offset);
    for (const s of instances)
      items.push({ label: `...${s.name}`, kind: CompletionItemKind.Variable, detail: `spread the exports of ${s.instantiates}` });
    items.push({ label: '...', kind: CompletionItemKind.Keyword, detail: 'import every argument not given' });
    return items;
  }
  return [];
}

const shortName = (name: string) => name.replace(/@.*$/, '').split('/').pop() ?? name;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
