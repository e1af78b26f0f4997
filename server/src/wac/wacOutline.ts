// The outline of a WAC document from its tree (tree-sitter-wac): document symbols (the
// package, imports, lets with what they instantiate, exports by the name they export, and
// the interfaces, worlds and types declared, with their items) and folding ranges (every
// bracketed body or list that spans lines, block comments, runs of line comments).
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { Node, Tree } from '../core/index';

const range = (n: Node) => ({
  start: { line: n.startPosition.row, character: n.startPosition.column },
  end: { line: n.endPosition.row, character: n.endPosition.column },
});
const unquote = (s: string) => s.replace(/^"|"$/g, '');
const named = (n: Node | null | undefined): n is Node => !!n && !n.isMissing && n.endIndex > n.startIndex;

const TYPE_DECLS: Record<string, SymbolKind> = {
  record_decl: SymbolKind.Struct,
  variant_decl: SymbolKind.Enum,
  enum_decl: SymbolKind.Enum,
  flags_decl: SymbolKind.Enum,
  type_alias: SymbolKind.TypeParameter,
  resource_decl: SymbolKind.Class,
};

function symbol(node: Node, name: Node, text: string, kind: SymbolKind, detail: string, children?: DocumentSymbol[]): DocumentSymbol {
  return { name: text, kind, detail, range: range(node), selectionRange: range(name), ...(children?.length ? { children } : {}) };
}

/** The exported name of an export statement's expression, and the token that says it. */
function exportedName(value: Node): Node | undefined {
  switch (value.type) {
    case 'access_expression':
      return value.childForFieldName('field') ?? undefined;
    case 'named_access_expression':
      return value.childForFieldName('name') ?? undefined;
    case 'nested_expression': {
      const inner = value.childForFieldName('inner');
      return inner ? exportedName(inner) : undefined;
    }
    case 'new_expression':
      return value.childForFieldName('package') ?? undefined;
    default:
      return value.namedChild(0) ?? undefined;
  }
}

/** What an interface or world declares, as children of its symbol. */
function members(body: Node | null): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const item of body?.namedChildren ?? []) {
    if (!item) continue;
    const name = item.childForFieldName('name');
    if (item.type === 'interface_export' && named(name)) out.push(symbol(item, name, name.text, SymbolKind.Function, 'func'));
    else if ((item.type === 'world_import' || item.type === 'world_export') && (named(name) || named(item.childForFieldName('path')))) {
      const id = named(name) ? name : item.childForFieldName('path')!;
      const func = item.childForFieldName('type')?.type === 'func_type';
      out.push(
        symbol(item, id, id.text, func ? SymbolKind.Function : SymbolKind.Interface, item.type === 'world_import' ? 'import' : 'export'),
      );
    } else if (TYPE_DECLS[item.type] !== undefined && named(name)) out.push(symbol(item, name, name.text, TYPE_DECLS[item.type], 'type'));
  }
  return out;
}

function statementSymbol(node: Node): DocumentSymbol | undefined {
  const name = node.childForFieldName('name');
  switch (node.type) {
    case 'package_decl':
      return named(name) ? symbol(node, name, name.text.replace(/@.*$/, ''), SymbolKind.Package, 'package') : undefined;
    case 'import_statement': {
      if (!named(name)) return undefined;
      const alias = node.childForFieldName('alias');
      const type = node.childForFieldName('type');
      const importName = named(alias) ? unquote(alias.text) : type?.type === 'package_path' ? type.text : '';
      return symbol(node, name, name.text, SymbolKind.Interface, `import ${importName}`.trim());
    }
    case 'let_statement': {
      if (!named(name)) return undefined;
      const value = node.childForFieldName('value');
      const pkg = value?.type === 'new_expression' ? value.childForFieldName('package') : null;
      return named(pkg)
        ? symbol(node, name, name.text, SymbolKind.Object, `new ${pkg.text.replace(/@.*$/, '')}`)
        : symbol(node, name, name.text, SymbolKind.Variable, 'let');
    }
    case 'export_statement': {
      const value = node.childForFieldName('value');
      const alias = node.childForFieldName('alias');
      if (named(alias)) return symbol(node, alias, unquote(alias.text), SymbolKind.Property, 'export');
      const exported = value ? exportedName(value) : undefined;
      if (!named(exported)) return undefined;
      const text = node.childForFieldName('spread') ? `${exported.text}...` : unquote(exported.text);
      return symbol(node, exported, text, SymbolKind.Property, 'export');
    }
    case 'interface_decl':
      return named(name)
        ? symbol(node, name, name.text, SymbolKind.Interface, 'interface', members(node.childForFieldName('body')))
        : undefined;
    case 'world_decl':
      return named(name) ? symbol(node, name, name.text, SymbolKind.Module, 'world', members(node.childForFieldName('body'))) : undefined;
    default:
      return TYPE_DECLS[node.type] !== undefined && named(name) ? symbol(node, name, name.text, SymbolKind.Struct, 'type') : undefined;
  }
}

export function wacDocumentSymbols(tree: Tree): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const visit = (parent: Node) => {
    for (const child of parent.namedChildren) {
      if (!child) continue;
      // A statement tree-sitter could not place is still worth listing.
      if (child.type === 'ERROR') visit(child);
      const s = statementSymbol(child);
      if (s) out.push(s);
    }
  };
  visit(tree.rootNode);
  return out;
}

const OPENERS: Record<string, string> = { '{': '}', '(': ')', '[': ']', '<': '>' };

export function wacFoldingRanges(tree: Tree): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  let comments: { start: number; end: number } | undefined;
  const endRun = () => {
    if (comments && comments.end > comments.start) ranges.push({ startLine: comments.start, endLine: comments.end, kind: 'comment' });
    comments = undefined;
  };
  const visit = (node: Node) => {
    for (const child of node.children) {
      if (!child) continue;
      const start = child.startPosition.row;
      const end = child.endPosition.row;
      if (child.type === 'line_comment') {
        // A run: comments alone on consecutive lines (a comment after code ends one).
        const alone = child.previousSibling?.endPosition.row !== start || child.previousSibling.type === 'line_comment';
        if (alone && comments && comments.end === start - 1) comments.end = start;
        else {
          endRun();
          if (alone) comments = { start, end: start };
        }
        continue;
      }
      if (child.type === 'block_comment' && end > start) ranges.push({ startLine: start, endLine: end, kind: 'comment' });
      const first = child.firstChild;
      const last = child.lastChild;
      if (first && last && OPENERS[first.type] === last.type && !last.isMissing && last.startPosition.row > first.startPosition.row) {
        ranges.push({ startLine: first.startPosition.row, endLine: last.startPosition.row - 1 });
      }
      // Records, variants, enums and flags hold their braces themselves.
      for (const c of child.children) {
        if (c?.type === '{' && child.lastChild?.type === '}' && first?.type !== '{' && !child.lastChild.isMissing) {
          if (child.lastChild.startPosition.row > c.startPosition.row)
            ranges.push({ startLine: c.startPosition.row, endLine: child.lastChild.startPosition.row - 1 });
          break;
        }
      }
      if (child.childCount > 0) visit(child);
    }
  };
  visit(tree.rootNode);
  endRun();
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
