// Quick fixes for the core's diagnostics, keyed on their codes and data
// (diagnosticCodes.ts), never on their wording: add the missing `use`, "did you
// mean", and convert a name to valid kebab-case.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis, InterfaceModel } from '../model';
import type { WitDocument } from '../document';
import type { Node } from '../parser';
import type { DiagnosticCode, UnknownNameData } from '../diagnosticCodes';
import { ancestorOfType, unescapeName } from './treeWalk';
import { PRIMITIVE_TYPES, escapeName, isValidIdentifier } from './builtins';
import { rename } from './rename';
import { namesInBody } from './scopeNames';
import { toKebabCase } from '../syntax/identifiers';

const TYPE_KINDS = new Set(['type', 'record', 'variant', 'enum', 'flags', 'resource']);

/** The name a diagnostic's data carries, when it is one the fixes need. */
function unknownName(d: Diagnostic): UnknownNameData | undefined {
  const data = d.data as Partial<UnknownNameData> | undefined;
  return typeof data?.name === 'string'
    ? { name: data.name, package: typeof data.package === 'string' ? data.package : undefined }
    : undefined;
}

export function quickFixes(analysis: Analysis, doc: WitDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const code = d.code as DiagnosticCode | undefined;
    const unknown = unknownName(d);
    if (code === 'unknown-name' && unknown) {
      out.push(...addMissingUse(analysis, doc, d, unknown.name));
      out.push(...didYouMean(doc, d, unknown.name, typeNamesInScope(analysis, doc, d)));
    }
    if (code === 'unknown-item' && unknown) out.push(...didYouMean(doc, d, unknown.name, itemNames(analysis, unknown.package)));
    if (code === 'invalid-identifier') out.push(...kebabCaseFix(analysis, doc, d));
  }
  return out;
}

function action(title: string, d: Diagnostic, uri: string, edits: TextEdit[], preferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: preferred || undefined,
    edit: { changes: { [uri]: edits } },
  };
}

/** The `interface_body` or `world_body` holding an offset. */
function bodyAround(doc: WitDocument, offset: number): Node | undefined {
  const node = doc.tree.rootNode.descendantForIndex(offset, offset);
  return ancestorOfType(node, 'interface_body', 'world_body');
}

/** Adds `use <iface>.{name};` (or extends an existing `use` of that interface). */
function addMissingUse(analysis: Analysis, doc: WitDocument, d: Diagnostic, name: string): CodeAction[] {
  const body = bodyAround(doc, doc.offsetAt(d.range.start));
  if (!body) return [];
  const here = ancestorOfType(body, 'interface_item')?.childForFieldName('name')?.text;
  const root = analysis.packages.find((p) => !p.isDependency);
  const providers: Array<{ path: string; iface: InterfaceModel }> = [];
  for (const pkg of analysis.packages) {
    for (const iface of pkg.interfaces) {
      if (!iface.name || (pkg === root && iface.name === unescapeName(here ?? ''))) continue;
      if (!iface.types.some((t) => t.name === name && TYPE_KINDS.has(t.kind))) continue;
      const path = pkg === root ? escapeName(iface.name) : qualified(pkg.name, iface.name);
      providers.push({ path, iface });
    }
  }
  return providers.map(({ path }) => {
    const edit = useEdit(doc, body, path, name);
    return action(`Add \`use ${path}.{${name}}\``, d, doc.uri, [edit], providers.length === 1);
  });
}

function qualified(pkgName: string, iface: string): string {
  const at = pkgName.indexOf('@');
  return at < 0 ? `${pkgName}/${escapeName(iface)}` : `${pkgName.slice(0, at)}/${escapeName(iface)}${pkgName.slice(at)}`;
}

function useEdit(doc: WitDocument, body: Node, path: string, name: string): TextEdit {
  const uses: Node[] = [];
  for (let i = 0; i < body.childCount; i++) if (body.child(i)!.type === 'use_item') uses.push(body.child(i)!);
  const existing = uses.find((u) => u.childForFieldName('path')?.text === path);
  if (existing) {
    const close = lastChild(existing, '}');
    const hasNames = existing.children.some((c) => c?.type === 'use_name');
    if (close)
      return { range: doc.rangeOf(close.startIndex, close.startIndex), newText: hasNames ? `, ${escapeName(name)}` : escapeName(name) };
  }
  const open = body.child(0)!;
  const after = uses.length ? uses[uses.length - 1] : open;
  const indent = indentOf(doc, body) + '    ';
  return { range: doc.rangeOf(after.endIndex, after.endIndex), newText: `\n${indent}use ${path}.{${escapeName(name)}};` };
}

function lastChild(node: Node, type: string): Node | undefined {
  for (let i = node.childCount - 1; i >= 0; i--) if (node.child(i)!.type === type) return node.child(i)!;
  return undefined;
}

function indentOf(doc: WitDocument, node: Node): string {
  const item = node.parent ?? node;
  const lineStart = doc.text.lastIndexOf('\n', item.startIndex - 1) + 1;
  return /^[ \t]*/.exec(doc.text.slice(lineStart))![0];
}

/** Types in scope where the diagnostic is: builtins, the body's declarations and `use`d names, known types. */
function typeNamesInScope(analysis: Analysis, doc: WitDocument, d: Diagnostic): Set<string> {
  const candidates = new Set<string>(Object.keys(PRIMITIVE_TYPES));
  const body = bodyAround(doc, doc.offsetAt(d.range.start));
  for (const n of body ? namesInBody(body) : []) if (n.keyword !== 'func') candidates.add(n.name);
  // Inside `use x.{name}`: the types of that interface.
  for (const iface of analysis.packages.flatMap((p) => p.interfaces)) for (const t of iface.types) candidates.add(t.name);
  return candidates;
}

/** The interfaces and worlds of a package (the root package when none is named). */
function itemNames(analysis: Analysis, packageName?: string): Set<string> {
  const pkg =
    packageName === undefined
      ? analysis.packages.find((p) => !p.isDependency)
      : analysis.packages.find((p) => p.name === packageName || p.name.split('@')[0] === packageName);
  if (!pkg) return new Set();
  return new Set([...pkg.interfaces.flatMap((i) => (i.name ? [i.name] : [])), ...pkg.worlds.map((w) => w.name)]);
}

/** Candidates close to the misspelled name, nearest first. */
function didYouMean(doc: WitDocument, d: Diagnostic, name: string, candidates: Set<string>): CodeAction[] {
  candidates.delete(name);
  const limit = name.length <= 3 ? 1 : 2;
  const close = [...candidates]
    .map((c) => ({ c, dist: editDistance(name, c) }))
    .filter((x) => x.dist <= limit)
    .sort((a, b) => a.dist - b.dist || a.c.localeCompare(b.c))
    .slice(0, 3);
  return close.map(({ c }) =>
    action(`Did you mean \`${c}\`?`, d, doc.uri, [{ range: d.range, newText: escapeName(c) }], close.length === 1),
  );
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** `fooBar_baz` -> `foo-bar-baz`, renaming every use when it is a declaration. */
function kebabCaseFix(analysis: Analysis, doc: WitDocument, d: Diagnostic): CodeAction[] {
  const offset = doc.offsetAt(d.range.start);
  const node = doc.tree.rootNode.descendantForIndex(offset, offset);
  if (node?.type !== 'identifier') return [];
  const current = unescapeName(node.text);
  const fixed = toKebabCase(current);
  if (fixed === current || !isValidIdentifier(fixed)) return [];
  const title = `Convert \`${current}\` to kebab-case \`${fixed}\``;
  const renamed = rename([analysis], doc, doc.positionAt(node.startIndex), fixed, (u) => (u === doc.uri ? doc : undefined));
  if (!('error' in renamed) && Object.keys(renamed.changes ?? {}).length) {
    return [{ title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: renamed }];
  }
  return [action(title, d, doc.uri, [{ range: doc.rangeOf(node.startIndex, node.endIndex), newText: escapeName(fixed) }], true)];
}
