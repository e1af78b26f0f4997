// Semantic tokens. Declarations and keywords are classified from the tree;
// names in use take the kind of what they resolve to (a `use`d resource is a
// class, an alias a type ...), and items marked @deprecated carry `deprecated`.
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { WitDocument } from '../document';
import type { Node } from '../parser';
import type { Analysis, SymbolKind, WitSymbol } from '../model';
import { forEachNode } from './treeWalk';

const TYPES = [
  'namespace',
  'interface',
  'type',
  'struct',
  'enum',
  'enumMember',
  'class',
  'function',
  'method',
  'parameter',
  'property',
  'keyword',
  'decorator',
  'number',
  'string',
  // WAC's local names (lets, imports: server/src/wac); appended, so WIT's indices stay.
  'variable',
] as const;
const MODIFIERS = ['declaration', 'deprecated', 'defaultLibrary', 'static', 'async'] as const;
type TokenType = (typeof TYPES)[number];
type Modifier = (typeof MODIFIERS)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

/** Worlds have no LSP token type of their own: they are namespaces of imports and exports, like packages. */
const KIND_TO_TYPE: Record<SymbolKind, TokenType> = {
  package: 'namespace',
  interface: 'interface',
  world: 'namespace',
  type: 'type',
  record: 'struct',
  variant: 'enum',
  enum: 'enum',
  flags: 'enum',
  resource: 'class',
  func: 'function',
  constructor: 'method',
  method: 'method',
  static: 'method',
  field: 'property',
  case: 'enumMember',
  flag: 'enumMember',
  param: 'parameter',
  import: 'interface',
  export: 'interface',
};

/** Declaration name fields, by the node that declares them. */
const DECLARATIONS: Record<string, TokenType> = {
  interface_item: 'interface',
  world_item: 'namespace',
  type_item: 'type',
  record_item: 'struct',
  variant_item: 'enum',
  enum_item: 'enum',
  flags_item: 'enum',
  resource_item: 'class',
  record_field: 'property',
  variant_case: 'enumMember',
  enum_case: 'enumMember',
  flags_field: 'enumMember',
  param: 'parameter',
  static_func_item: 'method',
};

const BUILTIN_TYPES = new Set([
  'u8',
  'u16',
  'u32',
  'u64',
  's8',
  's16',
  's32',
  's64',
  'f32',
  'f64',
  'char',
  'bool',
  'string',
  'error-context',
  'list',
  'option',
  'result',
  'tuple',
  'map',
  'future',
  'stream',
  'borrow',
  'own',
  '_',
]);

interface Token {
  start: number;
  length: number;
  line: number;
  char: number;
  type: TokenType;
  mods: Modifier[];
}

/** Tokens of the whole document, or of the lines `range` covers. */
export function semanticTokens(doc: WitDocument, analysis?: Analysis, range?: Range): SemanticTokens {
  const from = range ? doc.offsetAt({ line: range.start.line, character: 0 }) : 0;
  const to = range ? doc.offsetAt({ line: range.end.line + 1, character: 0 }) : doc.text.length;
  const targets = referenceTargets(doc, analysis);
  const tokens: Token[] = [];
  const push = (node: Node, type: TokenType, mods: Modifier[] = []) => {
    if (node.startPosition.row !== node.endPosition.row || node.endIndex <= node.startIndex) return;
    tokens.push({
      start: node.startIndex,
      length: node.endIndex - node.startIndex,
      line: node.startPosition.row,
      char: node.startPosition.column,
      type,
      mods,
    });
  };
  forEachNode(doc.tree.rootNode, (node, parent) => {
    if (node.endIndex < from || node.startIndex > to) return 'skip';
    if (node.type === 'line_comment' || node.type === 'block_comment') return 'skip';
    if (node.type === 'version') {
      push(node, 'number');
      return 'skip';
    }
    if (node.type === 'gate') {
      const at = node.child(0),
        name = node.childForFieldName('name');
      if (at && name) {
        push(at, 'decorator');
        push(name, 'decorator');
      }
      for (const arg of node.children) {
        if (arg?.type === 'string') push(arg, 'string');
        if (arg?.type !== 'gate_arg') continue;
        const key = arg.childForFieldName('key');
        if (key) push(key, 'property');
        const value = arg.childForFieldName('value');
        if (value) push(value, value.type === 'version' ? 'number' : 'string');
      }
      return 'skip';
    }
    if (node.childCount > 0) return;
    if (!node.isNamed) {
      if (BUILTIN_TYPES.has(node.type)) push(node, 'type', ['defaultLibrary']);
      else if (/^[a-z][a-z-]*$/.test(node.type)) push(node, 'keyword');
      return;
    }
    if (node.type !== 'identifier') return;
    const target = targets.get(node.startIndex);
    if (target) {
      push(node, KIND_TO_TYPE[target.kind], target.deprecated ? ['deprecated'] : []);
      return;
    }
    const classified = parent ? classifyIdentifier(node, parent) : undefined;
    if (classified) push(node, classified.type, classified.mods);
    return;
  });
  return { data: encode(tokens) };
}

/** Identifiers the analysis resolved, keyed by start offset in this document. */
function referenceTargets(doc: WitDocument, analysis?: Analysis): Map<number, WitSymbol> {
  const out = new Map<number, WitSymbol>();
  if (!analysis) return out;
  for (const ref of analysis.references) {
    if (ref.uri !== doc.uri) continue;
    out.set(doc.offsetAt(ref.range.start), ref.target);
  }
  return out;
}

/** The token type of an identifier from where it sits in the tree. */
/** `parent` comes from the walk: `node.parent` would walk down from the root for every identifier. */
function classifyIdentifier(node: Node, parent: Node): { type: TokenType; mods: Modifier[] } | undefined {
  const isName = parent.childForFieldName('name')?.startIndex === node.startIndex;
  const declared = DECLARATIONS[parent.type];
  if (declared && isName) {
    const mods: Modifier[] = ['declaration'];
    if (isDeprecated(parent)) mods.push('deprecated');
    if (parent.type === 'static_func_item') mods.push('static');
    return { type: declared, mods };
  }
  switch (parent.type) {
    case 'func_item': {
      if (!isName) return undefined;
      const inResource = parent.parent?.type === 'resource_body';
      const mods: Modifier[] = ['declaration'];
      if (isDeprecated(parent)) mods.push('deprecated');
      return { type: inResource ? 'method' : 'function', mods };
    }
    case 'named_type':
      return { type: 'type', mods: [] };
    case 'borrow_type':
    case 'own_type':
      return { type: 'class', mods: [] };
    case 'use_name':
      return { type: 'type', mods: isName ? [] : ['declaration'] };
    case 'package_name':
      return { type: 'namespace', mods: [] };
    case 'use_path':
      return { type: pathSegmentType(parent, node), mods: [] };
    case 'import_item':
    case 'export_item': {
      const type = parent.childForFieldName('type');
      return { type: type?.type === 'func_type' ? 'function' : 'interface', mods: ['declaration'] };
    }
    case 'include_name':
      return { type: 'interface', mods: [] };
    default:
      return undefined;
  }
}

/** In `ns:pkg/iface@1.0`, the package parts are namespaces and the last part is the item. */
function pathSegmentType(path: Node, ident: Node): TokenType {
  let sawSlash = false;
  for (let i = 0; i < path.childCount; i++) {
    const c = path.child(i)!;
    if (c.type === '/') sawSlash = true;
    if (c.startIndex === ident.startIndex) break;
  }
  const hasSlash = path.children.some((c) => c?.type === '/');
  const item = !hasSlash || sawSlash;
  if (!item) return 'namespace';
  return path.parent?.type === 'include_item' ? 'namespace' : 'interface';
}

function isDeprecated(item: Node): boolean {
  for (let i = 0; i < item.childCount; i++) {
    const c = item.child(i)!;
    if (c.type !== 'gates') continue;
    for (let j = 0; j < c.childCount; j++) {
      if (c.child(j)!.childForFieldName('name')?.text === 'deprecated') return true;
    }
  }
  return false;
}

function encode(tokens: Token[]): number[] {
  tokens.sort((a, b) => a.start - b.start);
  const data: number[] = [];
  let line = 0,
    char = 0;
  for (const t of tokens) {
    const dl = t.line - line;
    data.push(dl, dl === 0 ? t.char - char : t.char, t.length, TYPES.indexOf(t.type), modifierBits(t.mods));
    line = t.line;
    char = t.char;
  }
  return data;
}

function modifierBits(mods: Modifier[]): number {
  let bits = 0;
  for (const m of mods) bits |= 1 << MODIFIERS.indexOf(m);
  return bits;
}

/** Decodes LSP semantic token data (for tests and tools). */
export function decodeSemanticTokens(
  data: number[],
): Array<{ line: number; char: number; length: number; type: string; modifiers: string[] }> {
  const out = [];
  let line = 0,
    char = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const modifiers = MODIFIERS.filter((_, b) => data[i + 4] & (1 << b));
    out.push({ line, char, length: data[i + 2], type: TYPES[data[i + 3]], modifiers: [...modifiers] });
  }
  return out;
}
