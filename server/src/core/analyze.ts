// Analysis of one package root: the package a file belongs to, its deps/, and
// every check wit-parser makes. Cached per root folder and workspace generation.
import type { Workspace } from './workspace';
import type { Analysis, WitSymbol } from './model';
import type { WitDocument } from './document';
import { syntaxErrors } from './syntax/syntaxErrors';
import { lexicalErrors } from './syntax/lexicalErrors';
import { lowerFile } from './syntax/lower';
import type { FileAst } from './syntax/ast';
import { discoverRoot, rootDirOf } from './resolve/discover';
import { DiagnosticSink } from './resolve/diagnostics';
import { resolveRoot } from './resolve/resolver';

export type AnalysisCache = Map<string, { generation: number; analysis: Analysis }>;

/** Lowered files, cached by document object (documents are immutable; a new version is a new object). */
const lowered = new WeakMap<WitDocument, FileAst>();

export function analyzeWorkspaceOf(workspace: Workspace, path: string, cache: AnalysisCache, features: ReadonlySet<string>): Analysis {
  const rootDir = rootDirOf(path);
  const hit = cache.get(rootDir);
  if (hit && hit.generation === workspace.generation) return hit.analysis;
  const analysis = analyzeRoot(workspace, path, features);
  cache.set(rootDir, { generation: workspace.generation, analysis });
  return analysis;
}

function analyzeRoot(workspace: Workspace, path: string, features: ReadonlySet<string>): Analysis {
  const layout = discoverRoot(workspace, path);
  const sink = new DiagnosticSink();
  const sources = layout.packages.map((source) => ({
    source,
    files: source.documents.map((doc) => {
      sink.ensure(doc.uri);
      for (const d of lexicalErrors(doc)) sink.push(doc.uri, d);
      for (const d of syntaxErrors(doc)) sink.push(doc.uri, d);
      let ast = lowered.get(doc);
      if (!ast) lowered.set(doc, (ast = lowerFile(doc)));
      for (const p of ast.problems) sink.error(doc.uri, p.range, p.message);
      return ast;
    }),
  }));
  const { references, packages } = resolveRoot(sources, layout.binaryPackages, sink, features);
  const symbolsByUri = new Map<string, WitSymbol[]>();
  const addTop = (s: WitSymbol | undefined) => {
    if (!s) return;
    let list = symbolsByUri.get(s.uri);
    if (!list) symbolsByUri.set(s.uri, (list = []));
    if (!list.includes(s)) list.push(s);
  };
  for (const pkg of packages) {
    for (const uri of pkg.uris) if (!symbolsByUri.has(uri)) symbolsByUri.set(uri, []);
    // The package symbol's children include gated-out items, which are still declarations.
    const top = pkg.symbol ? pkg.symbol.children : [...pkg.interfaces.map((i) => i.symbol), ...pkg.worlds.map((w) => w.symbol)];
    for (const s of top) addTop(s);
  }
  return { symbolsByUri, references, diagnostics: sink.byUri, packages };
}
