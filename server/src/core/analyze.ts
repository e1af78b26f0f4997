// Analysis of one package root: the package a file belongs to, its deps/, and
// every check wit-parser makes. Cached per root folder and workspace generation.
import type { Workspace } from './workspace';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis, WitSymbol } from './model';
import type { WitDocument } from './document';
import { syntaxErrors } from './syntax/syntaxErrors';
import { lexicalErrors } from './syntax/lexicalErrors';
import { lowerFile, type LoweringCache } from './syntax/lower';
import type { FileAst } from './syntax/ast';
import { discoverRoot, rootDirOf, type BinaryPackageSource } from './resolve/discover';
import type { LoweredSource } from './resolve/packages';
import { DiagnosticSink } from './resolve/diagnostics';
import { canResolveOnTop, resolveRoot, type Resolved, type ResolvedBase } from './resolve/resolver';

/** A root's last resolution, with the inputs it was made from. */
interface Resolution {
  inputs: unknown[];
  features: ReadonlySet<string>;
  result: ReturnType<typeof resolveRoot>;
  diagnostics: Map<string, Diagnostic[]>;
}

/** What one language service keeps between analyses. */
export class AnalysisCache {
  /**
   * @param reuseResolvedDeps resolve a root's deps/ once and the root on top of
   * them while they do not change (false: everything on every change, the
   * reference that test/core/incrementalDiagnostics.test.ts compares with).
   */
  constructor(readonly reuseResolvedDeps = true) {}
  /** Per root, its deps/ resolved on their own, with the inputs they were resolved from. */
  readonly deps = new Map<string, { inputs: unknown[]; features: ReadonlySet<string>; base: ResolvedBase }>();
  /** The current analysis of each root, valid while the workspace generation is the same. */
  readonly byRoot = new Map<string, { generation: number; analysis: Analysis }>();
  /** Lowered files, by document object (a new version is a new object). */
  readonly lowered = new WeakMap<WitDocument, FileAst>();
  /**
   * A document's own lexical and syntax errors, by document object: every
   * analysis of a root checks all its files, and an edit changes one of them.
   */
  readonly fileErrors = new WeakMap<WitDocument, Diagnostic[]>();
  /** Per uri, what each top-level node lowered to last time (see LoweringCache). */
  readonly items = new Map<string, LoweringCache>();
  /**
   * The last resolution of each root: when an edit leaves every item the same
   * object (whitespace, comments, a broken tail), resolution is skipped and
   * only the file's own syntax checks run again.
   */
  readonly resolutions = new Map<string, Resolution>();

  clear(): void {
    this.byRoot.clear();
    this.resolutions.clear();
    this.deps.clear();
  }

  errorsOf(doc: WitDocument): Diagnostic[] {
    let list = this.fileErrors.get(doc);
    if (!list) this.fileErrors.set(doc, (list = [...lexicalErrors(doc), ...syntaxErrors(doc)]));
    return list;
  }

  lower(doc: WitDocument): FileAst {
    let ast = this.lowered.get(doc);
    if (ast) return ast;
    const result = lowerFile(doc, this.items.get(doc.uri));
    this.items.set(doc.uri, result.cache);
    this.lowered.set(doc, (ast = result.ast));
    return ast;
  }
}

export function analyzeWorkspaceOf(workspace: Workspace, path: string, cache: AnalysisCache, features: ReadonlySet<string>): Analysis {
  const rootDir = rootDirOf(path);
  const hit = cache.byRoot.get(rootDir);
  if (hit && hit.generation === workspace.generation) return hit.analysis;
  const analysis = analyzeRoot(workspace, path, features, cache);
  cache.byRoot.set(rootDir, { generation: workspace.generation, analysis });
  return analysis;
}

function analyzeRoot(workspace: Workspace, path: string, features: ReadonlySet<string>, cache: AnalysisCache): Analysis {
  const layout = discoverRoot(workspace, path);
  const fileSink = new DiagnosticSink();
  const inputs: unknown[] = [];
  const depInputs: unknown[] = [];
  const files = new Map<string, FileAst>();
  const sources = layout.packages.map((source) => ({
    source,
    files: source.documents.map((doc) => {
      fileSink.ensure(doc.uri);
      for (const d of cache.errorsOf(doc)) fileSink.push(doc.uri, d);
      const ast = cache.lower(doc);
      files.set(doc.uri, ast);
      for (const p of ast.problems) fileSink.error(doc.uri, p.range, p.message, p.code);
      inputs.push(doc.uri, ...ast.items, ...ast.packageDecls);
      if (source.isDependency) depInputs.push(doc.uri, ...ast.items, ...ast.packageDecls);
      return ast;
    }),
  }));
  for (const b of layout.binaryPackages) {
    inputs.push(b.location, ...b.interfaceNames);
    depInputs.push(b.location, ...b.interfaceNames);
  }

  const previous = cache.resolutions.get(layout.rootDir);
  let resolved: ReturnType<typeof resolveRoot>;
  let resolveDiagnostics: Map<string, Diagnostic[]>;
  if (previous && previous.features === features && sameInputs(previous.inputs, inputs)) {
    resolved = previous.result;
    resolveDiagnostics = previous.diagnostics;
  } else {
    const sink = new DiagnosticSink();
    resolved = resolve(cache, layout.rootDir, sources, layout.binaryPackages, depInputs, sink, features);
    resolveDiagnostics = sink.byUri;
    cache.resolutions.set(layout.rootDir, { inputs, features, result: resolved, diagnostics: resolveDiagnostics });
  }

  const diagnostics = new Map<string, Diagnostic[]>();
  for (const [uri, list] of fileSink.byUri) diagnostics.set(uri, [...list]);
  for (const [uri, list] of resolveDiagnostics) diagnostics.set(uri, [...(diagnostics.get(uri) ?? []), ...list]);

  const { references, packages } = resolved;
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
  return { symbolsByUri, references, diagnostics, packages, files, features };
}

/** The root on top of its deps/ resolved before (when that gives what resolving everything would), else everything. */
function resolve(
  cache: AnalysisCache,
  rootDir: string,
  sources: LoweredSource[],
  binaries: BinaryPackageSource[],
  depInputs: unknown[],
  sink: DiagnosticSink,
  features: ReadonlySet<string>,
): Resolved {
  const depSources = sources.filter((s) => s.source.isDependency);
  if (!cache.reuseResolvedDeps || depSources.length === 0) return resolveRoot(sources, binaries, sink, features);
  let deps = cache.deps.get(rootDir);
  if (!deps || deps.features !== features || !sameInputs(deps.inputs, depInputs)) {
    const depSink = new DiagnosticSink();
    const result = resolveRoot(depSources, binaries, depSink, features);
    const clean = [...depSink.byUri.values()].every((list) => list.length === 0);
    deps = { inputs: depInputs, features, base: { entities: result.entities, references: result.references, clean } };
    cache.deps.set(rootDir, deps);
  }
  const rootSources = sources.filter((s) => !s.source.isDependency);
  const onTop = canResolveOnTop(
    deps.base,
    rootSources.flatMap((s) => s.files),
  );
  return onTop ? resolveRoot(rootSources, [], sink, features, deps.base) : resolveRoot(sources, binaries, sink, features);
}

function sameInputs(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
