// Completion that knows where the cursor is (completionContext.ts): types in
// scope in type positions, interfaces and types after `use pkg:ns/`, packages
// from deps/ after use/import/export/include, keywords and item snippets that
// fit the position, gate attributes after `@`.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { WitDocument } from '../document';
import type { Node } from '../parser';
import { completionContext, type BlockKind, type CompletionContext } from './completionContext';
import { itemsOfPackage, kindOf, namesOfWorld, pathStarts, typesOfInterface } from './completionPaths';
import { GENERIC_TYPES, PRIMITIVE_TYPES, escapeName } from './builtins';
import { contains, flattenSymbols } from './symbolAt';
import { namesInBody } from './scopeNames';
import { unescapeName } from './treeWalk';

const TYPE_KINDS = new Set(['type', 'record', 'variant', 'enum', 'flags', 'resource']);

/**
 * `analysis` may be a function: positions the tree answers alone (keywords,
 * gates, types of a body that parses) then never wait for a re-analysis of the
 * package after an edit.
 */
export function completion(analysis: Analysis | (() => Analysis), doc: WitDocument, pos: Position): CompletionItem[] {
  const model = typeof analysis === 'function' ? analysis : () => analysis;
  return completionItems(model, doc, pos);
}

function completionItems(analysis: () => Analysis, doc: WitDocument, pos: Position): CompletionItem[] {
  const offset = doc.offsetAt(pos);
  const ctx = completionContext(doc.text, offset, topLevelStart(doc, offset));
  const p = ctx.position;
  switch (p.kind) {
    case 'gate-name':
      return gateItems();
    case 'gate-key':
      return [keyword('version', 'version = ${1:0.1.0}'), keyword('feature', 'feature = ${1:name}')];
    case 'type':
      return [...builtinTypeItems(), ...typesInScope(analysis, doc, ctx, pos)];
    case 'func-keyword':
      return funcKeywords(p.block, p.inExtern);
    case 'statement':
      return statementItems(p.block);
    case 'path':
      return p.packageName
        ? itemsOfPackage(analysis(), p.packageName, p.keyword === 'include' ? 'worlds' : 'interfaces')
        : pathStarts(analysis(), p.keyword);
    case 'use-names':
      return typesOfInterface(analysis(), p.path);
    case 'with-names':
      return namesOfWorld(analysis(), p.path);
    default:
      return [];
  }
}

/** Where the top-level item around `offset` starts (or the previous one ends): brackets are balanced there. */
function topLevelStart(doc: WitDocument, offset: number): number {
  const root = doc.tree.rootNode;
  // The item just below the root that holds the character before the cursor
  // (looked for among the root's children: walking up with `parent` costs a
  // walk down from the root per step, quadratic in a deeply nested type).
  const at = Math.max(0, offset - 1);
  const node = root.children.find((c) => c && c.startIndex <= at && at < c.endIndex);
  if (node && node.type !== 'ERROR' && node.startIndex < offset) return node.startIndex;
  // Between items, or in a broken region: the end of the last clean item before the cursor.
  let start = 0;
  for (const child of root.children) {
    if (!child || child.startIndex >= offset || child.type === 'ERROR') break;
    if (!child.hasError) start = child.endIndex;
  }
  return Math.min(start, offset);
}

function keyword(label: string, snippet?: string, detail?: string): CompletionItem {
  return {
    label: label.trim(),
    kind: snippet && snippet.includes('$') ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
    ...(snippet ? { insertText: snippet, insertTextFormat: InsertTextFormat.Snippet } : {}),
    ...(detail ? { detail } : {}),
  };
}

function gateItems(): CompletionItem[] {
  return [
    {
      label: 'since',
      detail: '@since(version = x.y.z)',
      kind: CompletionItemKind.Property,
      insertText: 'since(version = ${1:0.1.0})',
      insertTextFormat: InsertTextFormat.Snippet,
    },
    {
      label: 'unstable',
      detail: '@unstable(feature = name)',
      kind: CompletionItemKind.Property,
      insertText: 'unstable(feature = ${1:name})',
      insertTextFormat: InsertTextFormat.Snippet,
    },
    {
      label: 'deprecated',
      detail: '@deprecated(version = x.y.z)',
      kind: CompletionItemKind.Property,
      insertText: 'deprecated(version = ${1:0.1.0})',
      insertTextFormat: InsertTextFormat.Snippet,
    },
  ];
}

function builtinTypeItems(): CompletionItem[] {
  const out: CompletionItem[] = Object.entries(PRIMITIVE_TYPES).map(([name, doc]) => ({
    label: name,
    kind: CompletionItemKind.Keyword,
    detail: 'builtin type',
    documentation: doc,
    sortText: `2${name}`,
  }));
  for (const [name, g] of Object.entries(GENERIC_TYPES)) {
    out.push({
      label: name,
      kind: CompletionItemKind.Keyword,
      detail: g.snippet.replace(/\$\{\d:(\w+)\}/g, '$1'),
      documentation: g.doc,
      insertText: g.snippet,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `2${name}`,
    });
  }
  return out;
}

/** Types declared or `use`d in the interface or world around the cursor. */
function typesInScope(analysis: () => Analysis, doc: WitDocument, ctx: CompletionContext, pos: Position): CompletionItem[] {
  const names = new Map<string, CompletionItem>();
  const add = (name: string, detail: string, kind: CompletionItemKind) => {
    if (!names.has(name)) names.set(name, { label: name, insertText: escapeName(name), kind, detail, sortText: `1${name}` });
  };
  // From the tree: the enclosing body's declarations and `use` names.
  const body = ctx.enclosingBody !== undefined ? bodyAt(doc, ctx.enclosingBody) : undefined;
  for (const n of body ? namesInBody(body) : []) {
    if (n.keyword === 'use') add(n.name, `use ${n.source}`, CompletionItemKind.Reference);
    else if (TYPE_KINDS.has(n.keyword)) add(n.name, `${n.keyword} ${n.source}`, kindOf(n.keyword));
  }
  // A half-typed body may not parse into one node: read its text instead.
  if (!body && ctx.enclosingBody !== undefined) {
    for (const [name, detail] of declarationsInText(doc.text, ctx.enclosingBody)) add(name, detail, CompletionItemKind.TypeParameter);
  }
  if (body) return [...names.values()];
  // The tree had no body here: the analysis' innermost interface or world holding the cursor.
  const scope = flattenSymbols(analysis().symbolsByUri.get(doc.uri) ?? [])
    .filter((s) => (s.kind === 'interface' || s.kind === 'world') && contains(s.range, pos))
    .pop();
  for (const s of scope?.children ?? []) {
    if (TYPE_KINDS.has(s.kind)) add(s.name, s.detail || `${s.kind} ${s.name}`, kindOf(s.kind));
  }
  return [...names.values()];
}

const DECLARATION = /\b(record|variant|enum|flags|resource|type)\s+(%?[\p{L}][\p{L}\p{N}-]*)|\buse\s+[^;{]*\.\{([^}]*)\}/gu;

/** `record x`, `type y`, `use p.{a as b}` names in the text of a body from its `{` to its `}` (or the end). */
function declarationsInText(text: string, braceOffset: number): Array<[string, string]> {
  let depth = 0,
    end = text.length;
  for (let i = braceOffset; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  const out: Array<[string, string]> = [];
  for (const m of text.slice(braceOffset, end).matchAll(DECLARATION)) {
    if (m[2]) out.push([unescapeName(m[2]), `${m[1]} ${m[2]}`]);
    else
      for (const part of m[3].split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .pop()
          ?.trim();
        if (name) out.push([unescapeName(name), `use ${part.trim()}`]);
      }
  }
  return out;
}

function bodyAt(doc: WitDocument, braceOffset: number): Node | undefined {
  const node = doc.tree.rootNode.descendantForIndex(braceOffset, braceOffset + 1);
  const body = node?.parent;
  if (body && (body.type === 'interface_body' || body.type === 'world_body')) return body;
  return undefined;
}

function funcKeywords(block: BlockKind, inExtern: boolean): CompletionItem[] {
  const out = [keyword('func', 'func(${1}) -> ${2:u32};'), keyword('async func', 'async func(${1});')];
  if (block === 'resource') out.push(keyword('static func', 'static func(${1}) -> ${2:u32};'));
  if (inExtern || block === 'world') out.push(keyword('interface', 'interface {\n\t$0\n}'));
  return out;
}

const SNIPPETS: Record<string, { body: string; detail: string }> = {
  package: { body: 'package ${1:namespace}:${2:name}@${3:0.1.0};', detail: 'package declaration' },
  interface: { body: 'interface ${1:name} {\n\t$0\n}', detail: 'interface' },
  world: { body: 'world ${1:name} {\n\t$0\n}', detail: 'world' },
  use: { body: 'use ${1:interface}.{${2:type}};', detail: 'use types from an interface' },
  record: { body: 'record ${1:name} {\n\t${2:field}: ${3:u32},\n}', detail: 'record' },
  variant: { body: 'variant ${1:name} {\n\t${2:case}(${3:u32}),\n}', detail: 'variant' },
  enum: { body: 'enum ${1:name} {\n\t${2:case},\n}', detail: 'enum' },
  flags: { body: 'flags ${1:name} {\n\t${2:flag},\n}', detail: 'flags' },
  resource: { body: 'resource ${1:name} {\n\tconstructor(${2});\n\t$0\n}', detail: 'resource' },
  type: { body: 'type ${1:name} = ${2:u32};', detail: 'type alias' },
  func: { body: '${1:name}: func(${2}) -> ${3:u32};', detail: 'function' },
  constructor: { body: 'constructor(${1});', detail: 'constructor' },
  import: { body: 'import ${1:interface};', detail: 'import' },
  export: { body: 'export ${1:interface};', detail: 'export' },
  include: { body: 'include ${1:world};', detail: 'include a world' },
};

const STATEMENTS: Record<BlockKind | 'top', string[]> = {
  top: ['package', 'interface', 'world', 'use'],
  interface: ['use', 'type', 'record', 'variant', 'enum', 'flags', 'resource', 'func'],
  world: ['import', 'export', 'include', 'use', 'type', 'record', 'variant', 'enum', 'flags', 'resource'],
  resource: ['constructor', 'func'],
  package: [],
  record: [],
  variant: [],
  enum: [],
  flags: [],
  'use-list': [],
  'with-list': [],
  params: [],
  'case-type': [],
  gate: [],
  generic: [],
  other: [],
};

function statementItems(block: BlockKind | 'top'): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const word of STATEMENTS[block]) {
    const s = SNIPPETS[word];
    if (word !== 'func') out.push({ label: word, kind: CompletionItemKind.Keyword, sortText: `1${word}` });
    if (s) {
      out.push({
        label: word === 'func' ? 'func' : `${word} …`,
        kind: CompletionItemKind.Snippet,
        detail: s.detail,
        insertText: s.body,
        insertTextFormat: InsertTextFormat.Snippet,
        filterText: word,
        sortText: `2${word}`,
      });
    }
  }
  out.push({ label: '@', kind: CompletionItemKind.Keyword, detail: 'gate: @since, @unstable, @deprecated', sortText: '3@' });
  return out;
}
