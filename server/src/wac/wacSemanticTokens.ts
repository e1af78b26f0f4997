// Semantic tokens of a WAC document, from its tree (tree-sitter-wac), in the legend the
// server declares for WIT (core/features/semanticTokens.ts): keywords, the built-in types,
// package names (their version as a number), strings, and each name by where it stands:
// a let or an import is a variable, a named argument a parameter, an accessed export a
// property, declarations (interfaces, worlds, types, functions) as in WIT.
import type { SemanticTokens } from 'vscode-languageserver/node';
import { semanticTokensLegend, type Node, type Tree } from '../core/index';

type Modifier = 'declaration' | 'static' | 'defaultLibrary';
interface Token {
  line: number;
  char: number;
  length: number;
  type: string;
  mods: Modifier[];
}

const BUILTIN_TYPES = new Set([
  'u8',
  's8',
  'u16',
  's16',
  'u32',
  's32',
  'u64',
  's64',
  'f32',
  'f64',
  'char',
  'bool',
  'string',
  'error-context',
  'tuple',
  'list',
  'option',
  'result',
  'borrow',
  'stream',
  'future',
  '_',
]);

/** The token type of a declaration's name, by the node that declares it. */
const DECLARATIONS: Record<string, string> = {
  interface_decl: 'interface',
  world_decl: 'namespace',
  type_alias: 'type',
  record_decl: 'struct',
  variant_decl: 'enum',
  enum_decl: 'enum',
  flags_decl: 'enum',
  resource_decl: 'class',
  interface_export: 'function',
  method: 'method',
  param: 'parameter',
  record_field: 'property',
  variant_case: 'enumMember',
  enum_case: 'enumMember',
  flag: 'enumMember',
  let_statement: 'variable',
  import_statement: 'variable',
};

/** The type of a name used (not declared), by its parent and the parent's field it fills. */
function usedName(parent: Node, field: string | null): string | undefined {
  switch (parent.type) {
    case 'name_expression':
    case 'inferred_argument':
    case 'spread_argument':
      return 'variable';
    case 'named_argument':
      return 'parameter';
    case 'access_expression':
      return 'property';
    case 'import_statement':
      return field === 'alias' ? 'property' : 'interface';
    case 'export_statement':
      return 'property';
    case 'named_type':
      return 'type';
    case 'borrow_type':
      return 'class';
    case 'use_statement':
    case 'world_import':
    case 'world_export':
      return field === 'path' ? 'interface' : undefined;
    case 'world_include':
      return 'namespace';
    case 'use_item':
      return 'type';
    case 'include_item':
      return 'property';
    default:
      return undefined;
  }
}

function identifierToken(parent: Node, field: string | null): { type: string; mods: Modifier[] } | undefined {
  if (field === 'name' && DECLARATIONS[parent.type]) {
    const mods: Modifier[] = ['declaration'];
    if (parent.type === 'method' && parent.childForFieldName('static')) mods.push('static');
    return { type: DECLARATIONS[parent.type], mods };
  }
  if ((parent.type === 'world_import' || parent.type === 'world_export') && field === 'name') {
    return { type: parent.childForFieldName('type')?.type === 'func_type' ? 'function' : 'interface', mods: ['declaration'] };
  }
  if (parent.type === 'use_item' && field === 'alias') return { type: 'type', mods: ['declaration'] };
  const used = usedName(parent, field);
  return used ? { type: used, mods: [] } : undefined;
}

export function wacSemanticTokens(tree: Tree): SemanticTokens {
  const tokens: Token[] = [];
  const push = (node: Node, type: string, mods: Modifier[] = [], from = node.startIndex, to = node.endIndex) => {
    if (node.startPosition.row !== node.endPosition.row || to <= from) return;
    tokens.push({
      line: node.startPosition.row,
      char: node.startPosition.column + (from - node.startIndex),
      length: to - from,
      type,
      mods,
    });
  };
  const cursor = tree.walk();
  let descending = true;
  for (;;) {
    if (descending && cursor.gotoFirstChild()) continue;
    const node = cursor.currentNode;
    if (node.childCount === 0 && node.type !== 'ERROR' && !node.isMissing) {
      const parent = node.parent;
      if (node.type === 'package_name' || node.type === 'package_path') {
        const at = node.text.indexOf('@');
        if (at < 0) push(node, 'namespace');
        else {
          push(node, 'namespace', [], node.startIndex, node.startIndex + at);
          push(node, 'number', [], node.startIndex + at + 1, node.endIndex);
        }
      } else if (node.type === 'string_literal') push(node, 'string');
      else if (node.type === 'identifier' && parent) {
        const token = identifierToken(parent, cursor.currentFieldName);
        if (token) push(node, token.type, token.mods);
      } else if (node.type === 'omitted') push(node, 'type', ['defaultLibrary']);
      else if (!node.isNamed) {
        if (BUILTIN_TYPES.has(node.type)) push(node, 'type', ['defaultLibrary']);
        else if (/^[a-z][a-z-]*$/.test(node.type)) push(node, 'keyword');
      }
    }
    if (cursor.gotoNextSibling()) {
      descending = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    descending = false;
  }
  cursor.delete();
  return { data: encode(tokens) };
}

function encode(tokens: Token[]): number[] {
  const types = semanticTokensLegend.tokenTypes;
  const modifiers = semanticTokensLegend.tokenModifiers;
  tokens.sort((a, b) => a.line - b.line || a.char - b.char);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    const dl = t.line - line;
    const bits = t.mods.reduce((b, m) => b | (1 << modifiers.indexOf(m)), 0);
    data.push(dl, dl === 0 ? t.char - char : t.char, t.length, types.indexOf(t.type), bits);
    line = t.line;
    char = t.char;
  }
  return data;
}
