// Document symbols (package > interface/world > types and functions > fields,
// cases, methods) and workspace symbols, from the analysis' declarations.
import { SymbolKind as LspKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Analysis, SymbolKind, WitSymbol } from '../model';

const LSP_KIND: Record<SymbolKind, LspKind> = {
  package: LspKind.Package,
  interface: LspKind.Interface,
  world: LspKind.Module,
  type: LspKind.TypeParameter,
  record: LspKind.Struct,
  variant: LspKind.Enum,
  enum: LspKind.Enum,
  flags: LspKind.Enum,
  resource: LspKind.Class,
  func: LspKind.Function,
  constructor: LspKind.Constructor,
  method: LspKind.Method,
  static: LspKind.Method,
  field: LspKind.Field,
  case: LspKind.EnumMember,
  flag: LspKind.EnumMember,
  param: LspKind.Variable,
  import: LspKind.Namespace,
  export: LspKind.Namespace,
};

export function lspSymbolKind(kind: SymbolKind): LspKind {
  return LSP_KIND[kind];
}

export function documentSymbols(analysis: Analysis, uri: string): DocumentSymbol[] {
  const roots = analysis.symbolsByUri.get(uri) ?? [];
  const convert = (s: WitSymbol): DocumentSymbol => ({
    name: s.name,
    detail: s.detail,
    kind: LSP_KIND[s.kind],
    range: enclosing(s),
    selectionRange: s.nameRange,
    ...(s.deprecated ? { tags: [1 as const] } : {}),
    children: [],
  });
  // Built with an explicit stack: nesting depth is the user's to choose.
  const out: DocumentSymbol[] = [];
  // The file that declares the package shows it as the root of its items.
  const pkg = roots.some((s) => s.kind === 'package') ? undefined : analysis.packages.find((p) => p.symbol?.uri === uri)?.symbol;
  let into = out;
  if (pkg) {
    const last = roots[roots.length - 1];
    const node = convert(pkg);
    node.range = { start: pkg.range.start, end: last ? enclosing(last).end : pkg.range.end };
    out.push(node);
    into = node.children!;
  }
  const stack: Array<{ s: WitSymbol; into: DocumentSymbol[] }> = roots.map((s) => ({ s, into })).reverse();
  while (stack.length) {
    const { s, into } = stack.pop()!;
    if (s.kind === 'param') continue;
    const d = convert(s);
    into.push(d);
    for (let i = s.children.length - 1; i >= 0; i--) stack.push({ s: s.children[i], into: d.children! });
  }
  return out;
}

/** LSP requires selectionRange inside range; a declaration's name always is, but be safe. */
function enclosing(s: WitSymbol) {
  const r = s.range,
    n = s.nameRange;
  const before = (a: typeof r.start, b: typeof r.start) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return {
    start: before(r.start, n.start) ? r.start : n.start,
    end: before(n.end, r.end) ? r.end : n.end,
  };
}

export function workspaceSymbols(analyses: Analysis[], query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const seen = new Set<string>();
  const q = query.toLowerCase();
  for (const analysis of analyses) {
    for (const roots of analysis.symbolsByUri.values()) {
      const stack = [...roots];
      while (stack.length) {
        const s = stack.pop()!;
        stack.push(...s.children);
        if (s.kind === 'param' || !fuzzyMatch(q, s.name.toLowerCase())) continue;
        const key = `${s.uri}#${s.nameRange.start.line}:${s.nameRange.start.character}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          name: s.name,
          kind: LSP_KIND[s.kind],
          location: { uri: s.uri, range: s.nameRange },
          ...(s.container && s.container.kind !== 'package' ? { containerName: s.container.name } : {}),
        });
      }
    }
  }
  return out;
}

/** The query's characters appear in the name, in order. */
function fuzzyMatch(query: string, name: string): boolean {
  let i = 0;
  for (const c of name) if (i < query.length && c === query[i]) i++;
  return i === query.length;
}
