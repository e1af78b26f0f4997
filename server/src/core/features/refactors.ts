// Refactors offered where the cursor is: remove a `use`d name nothing refers
// to, and extract an inline type (list<...>, option<...>, tuple<...> ...) to a
// named `type` alias in the same interface or world.
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { WitDocument } from '../document';
import type { Node } from '../parser';
import { ancestorOfType, ancestry, forEachNode, unescapeName } from './treeWalk';
import { contains } from './symbolAt';

const INLINE_TYPES = new Set(['list_type', 'option_type', 'result_type', 'tuple_type', 'map_type', 'future_type', 'stream_type']);

export function refactors(analysis: Analysis, doc: WitDocument, range: Range): CodeAction[] {
  return [...removeUnusedUses(analysis, doc, range), ...extractType(doc, range)];
}

/** `use` names in the body of the selection that no type in the file refers to. */
function removeUnusedUses(analysis: Analysis, doc: WitDocument, range: Range): CodeAction[] {
  const offset = doc.offsetAt(range.start);
  const node = doc.tree.rootNode.descendantForIndex(offset, offset);
  const use = ancestorOfType(node, 'use_item');
  if (!use) return [];
  const body = use.parent;
  if (!body) return [];
  const names = use.children.filter((c): c is Node => c?.type === 'use_name');
  const unused = names.filter((n) => !isReferenced(analysis, doc, body, local(n)));
  if (unused.length === 0) return [];
  const out: CodeAction[] = [];
  const title =
    unused.length === names.length
      ? `Remove unused \`use ${use.childForFieldName('path')?.text}\``
      : `Remove unused ${unused.map((n) => `\`${local(n)}\``).join(', ')}`;
  let edits: TextEdit[];
  if (unused.length === names.length) {
    const lineStart = doc.text.lastIndexOf('\n', use.startIndex - 1) + 1;
    const onlyIndentBefore = /^[ \t]*$/.test(doc.text.slice(lineStart, use.startIndex));
    const nl = doc.text.indexOf('\n', use.endIndex);
    const restBlank = nl >= 0 && /^[ \t]*\r?$/.test(doc.text.slice(use.endIndex, nl));
    const start = onlyIndentBefore && restBlank ? lineStart : use.startIndex;
    const end = onlyIndentBefore && restBlank ? nl + 1 : use.endIndex;
    edits = [{ range: doc.rangeOf(start, end), newText: '' }];
  } else {
    const kept = names
      .filter((n) => !unused.includes(n))
      .map((n) => n.text)
      .join(', ');
    const open = use.children.find((c) => c?.type === '{')!;
    const close = [...use.children].reverse().find((c) => c?.type === '}')!;
    edits = [{ range: doc.rangeOf(open.endIndex, close.startIndex), newText: kept }];
  }
  out.push({ title, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } });
  return out;
}

function local(useName: Node): string {
  return unescapeName((useName.childForFieldName('alias') ?? useName.childForFieldName('name'))!.text);
}

/** Whether a name is used as a type anywhere in the body (tree first, analysis as a cross-check). */
function isReferenced(analysis: Analysis, doc: WitDocument, body: Node, name: string): boolean {
  let used = false;
  forEachNode(body, (n, parent) => {
    if (used) return 'skip';
    if (n.type === 'use_item') return 'skip';
    if (n.type === 'identifier' && (parent?.type === 'named_type' || parent?.type === 'borrow_type' || parent?.type === 'own_type')) {
      if (unescapeName(n.text) === name) used = true;
    }
    return undefined;
  });
  if (used) return true;
  // Worlds and interfaces can also refer to a used name from elsewhere in the file (e.g. `with`).
  const r = doc.rangeOf(body.startIndex, body.endIndex);
  return analysis.references.some(
    (ref) =>
      ref.uri === doc.uri && ref.role !== 'use' && ref.target.name === name && contains(r, ref.range.start) && !isInsideUse(doc, ref.range),
  );
}

function isInsideUse(doc: WitDocument, range: Range): boolean {
  const o = doc.offsetAt(range.start);
  return !!ancestorOfType(doc.tree.rootNode.descendantForIndex(o, o), 'use_item');
}

/** `f: func(x: list<tuple<u32, u32>>)` -> `type x-list = list<...>;` above, `f: func(x: x-list)`. */
function extractType(doc: WitDocument, range: Range): CodeAction[] {
  const start = doc.offsetAt(range.start),
    end = doc.offsetAt(range.end);
  const at = doc.tree.rootNode.descendantForIndex(start, Math.max(start, end));
  const node = at && ancestry(at).find((n) => INLINE_TYPES.has(n.type));
  if (!node || node.hasError) return [];
  const item = ancestorOfType(
    node,
    'func_item',
    'record_item',
    'variant_item',
    'type_item',
    'static_func_item',
    'constructor_item',
    'import_item',
    'export_item',
  );
  const body = ancestorOfType(node, 'interface_body', 'world_body');
  if (!item || !body) return [];
  // A `type x = list<...>` alias is already named.
  if (item.type === 'type_item' && item.childForFieldName('type')?.startIndex === node.startIndex) return [];
  const topItem = item.parent?.type === 'resource_body' ? item.parent.parent! : item;
  const name = freshName(body, suggestName(node));
  const lineStart = doc.text.lastIndexOf('\n', topItem.startIndex - 1) + 1;
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart))![0];
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const edits: TextEdit[] = [
    { range: doc.rangeOf(lineStart, lineStart), newText: `${indent}type ${name} = ${node.text};${eol}` },
    { range: doc.rangeOf(node.startIndex, node.endIndex), newText: name },
  ];
  return [
    {
      title: `Extract \`${node.text}\` to a type alias \`${name}\``,
      kind: CodeActionKind.RefactorExtract,
      edit: { changes: { [doc.uri]: edits } },
    },
  ];
}

function suggestName(type: Node): string {
  const owner = type.parent;
  const ownerName = owner?.childForFieldName('name')?.text;
  const kind = type.type.replace('_type', '');
  return ownerName ? `${unescapeName(ownerName)}-${kind}` : `${kind}-type`;
}

/** `base`, or `base2`, `base3` ... when the body already uses the name. */
function freshName(body: Node, base: string): string {
  const taken = new Set<string>();
  forEachNode(body, (n) => {
    if (n.type === 'identifier') taken.add(unescapeName(n.text));
  });
  let name = base,
    i = 2;
  while (taken.has(name)) name = `${base}${i++}`;
  return name;
}
