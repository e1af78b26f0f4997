// The WIT language service: the one door into the analysis core. It knows
// nothing of LSP connections or VS Code; it takes documents and answers with
// LSP types. Every feature is a method here; features live one per file under
// features/, and nothing outside the core reaches them (or the workspace) directly.
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  SelectionRange,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-types';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { WitHost } from './host';
import { Workspace, uriToPath, pathToUri } from './workspace';
import type { WitDocument } from './document';
import type { Analysis } from './model';
import { WitGrammar } from './parser';
import { analyzeWorkspaceOf, AnalysisCache } from './analyze';
import { analysesAround } from './features/analysesAround';
import { printSyntaxTree } from './features/syntaxTree';
import { printResolvedPackage } from './features/resolvedPackage';
import { hover } from './features/hover';
import { completion } from './features/completion';
import { signatureHelp } from './features/signatureHelp';
import { definition, typeDefinition } from './features/definition';
import { references, documentHighlights } from './features/references';
import { prepareRename, rename, type RenameRefusal } from './features/rename';
import { documentSymbols, workspaceSymbols } from './features/documentSymbols';
import { packageFilesUnder } from './features/workspaceFiles';
import { foldingRanges } from './features/folding';
import { selectionRanges } from './features/selectionRanges';
import { formatDocument, formatRange, formatText } from './features/formatting';
import { semanticTokens } from './features/semanticTokens';
import { documentLinks } from './features/documentLinks';
import { codeActions } from './features/codeActions';
import { inlayHints } from './features/inlayHints';
import { buildCompositionGraph, type CompositionGraph } from './features/compositionGraph';
import { listWorlds, type WorldSummary } from './features/worlds';
import {
  comparePackages,
  compatibilityDiagnostics,
  comparisonMarkdown,
  sinceGateEdit,
  sinceGateActions,
  SurfaceError,
  type EvolutionReport,
  type CompatibilityOptions,
} from './evolution/index';
import { abiFactsAt, type AbiFacts, type AbiOptions } from './abi/facts';
import { spillHints } from './abi/spillHints';
import { abiInlayHints } from './abi/inlayHints';

export type { WitHost } from './host';
export type { WitDocument } from './document';
export type { Analysis, WitSymbol, WitReference } from './model';
export type { CompositionGraph, GraphNode, GraphEdge, GraphNodeKind, GraphEdgeKind } from './features/compositionGraph';
export type { WorldSummary } from './features/worlds';
// Token walks for grammars whose syntax errors replay the parse table (the WAC server's too).
export { errorNodes, leafAtOrAfter, leafBefore, leavesOf, lookaheadOf, type NotToken } from './syntax/treeTokens';
export type { RenameRefusal } from './features/rename';
export type { EvolutionReport, Change, Verdict, Side, CompatibilityOptions } from './evolution/index';
export { COMPATIBILITY_CODE, MISSING_SINCE_CODE } from './evolution/index';
export type { AbiFacts, FunctionAbiFacts, TypeAbiFacts, AbiOptions, CoreSignatureFacts } from './abi/facts';
export { SurfaceError } from './evolution/index';
export { semanticTokensLegend } from './features/semanticTokens';
export { uriToPath, pathToUri } from './workspace';
export { WitGrammar, loadLanguage, PARSE_BUDGET_MS } from './parser';
export type { Tree, Node, Language } from './parser';
export { withBudget, BudgetExceeded } from './budget';

export interface WitLanguageService {
  // ---- documents -----------------------------------------------------------
  /** The active `@unstable` features (re-checks everything). */
  setFeatures(features: readonly string[]): void;
  openDocument(uri: string, text: string, version: number): void;
  changeDocument(uri: string, changes: TextDocumentContentChangeEvent[], version: number): void;
  closeDocument(uri: string): void;
  /** A file changed on disk (created, edited, deleted). */
  fileChanged(uri: string): void;
  isOpen(uri: string): boolean;
  versionOf(uri: string): number | undefined;
  openDocumentUris(): string[];
  /** The document at `uri`, open or read from disk. */
  document(uri: string): WitDocument | undefined;
  /** The text of a file as the editor holds it: the open document's, else the disk's. */
  sourceText(path: string): string | undefined;
  /**
   * The workspace folders (paths): every package under them takes part in
   * references, rename and workspace symbols, open or not; a change on disk
   * (`fileChanged`) finds them again.
   */
  setWorkspaceFolders(folders: string[]): void;

  // ---- analysis ------------------------------------------------------------
  /** The analysis of the package root (package and deps/) that holds `uri`. */
  analysis(uri: string): Analysis;
  /** Diagnostics of every file of the package root that holds `uri`. */
  diagnostics(uri: string): Map<string, Diagnostic[]>;
  /** The worlds of the package that holds `uri` (the root package when no package claims it). */
  listWorlds(uri: string): WorldSummary[];
  compositionGraph(uri: string, world?: string): CompositionGraph;
  syntaxTree(uri: string): string;
  resolvedPackage(uri: string): string;
  /**
   * What changed from the root package holding `oldUri` to the one holding
   * `newUri`, each change classified for importers and exporters, and the
   * semver verdict. Throws SurfaceError when a side has no named package.
   */
  comparePackages(oldUri: string, newUri: string): EvolutionReport;
  /** The same comparison as Markdown with links to both sides (the Compare view); throws SurfaceError like comparePackages. */
  comparisonMarkdown(oldUri: string, newUri: string, labels: { base: string; now: string }): string;
  /**
   * The changes from the base root holding `baseUri` as diagnostics on the
   * files of the root holding `uri` (the base's declaration in the message),
   * and missing `@since` gates; empty when either side has no named package.
   */
  compatibilityDiagnostics(baseUri: string, uri: string, options: CompatibilityOptions): Map<string, Diagnostic[]>;
  /** The quick fix of a missing-since diagnostic: the gate's line, or the version corrected. */
  sinceGateFix(uri: string, diagnostic: Diagnostic): TextEdit | undefined;

  // ---- editor features (null or [] for a document the service cannot read) --
  /** `abi` picks the core name scheme of the canonical ABI section (legacy by default). */
  hover(uri: string, pos: Position, abi?: AbiOptions): Hover | null;
  /** The canonical ABI of the function or type at `pos` (`wit/canonicalAbi`); null elsewhere. */
  canonicalAbi(uri: string, pos: Position, options?: AbiOptions): AbiFacts | null;
  /** Information hints on the functions of `uri` whose parameters spill to memory (a setting turns them on). */
  canonicalAbiSpillHints(uri: string): Diagnostic[];
  /** Inlay hints of each function's core import signature (a setting turns them on). */
  canonicalAbiInlayHints(uri: string, range: Range): InlayHint[];
  completion(uri: string, pos: Position): CompletionItem[];
  signatureHelp(uri: string, pos: Position): SignatureHelp | null;
  definition(uri: string, pos: Position): Location[];
  typeDefinition(uri: string, pos: Position): Location[];
  /** Every use across the package roots of the workspace (that of `uri` first, then open documents', then the folders'). */
  references(uri: string, pos: Position, includeDeclaration: boolean): Location[];
  documentHighlights(uri: string, pos: Position): DocumentHighlight[];
  prepareRename(uri: string, pos: Position): { range: Range; placeholder: string } | RenameRefusal | null;
  rename(uri: string, pos: Position, newName: string): WorkspaceEdit | RenameRefusal | null;
  documentSymbols(uri: string): DocumentSymbol[];
  /** Symbols of open documents' packages and of every package under the workspace folders. */
  workspaceSymbols(query: string): WorkspaceSymbol[];
  foldingRanges(uri: string): FoldingRange[];
  selectionRanges(uri: string, positions: Position[]): SelectionRange[];
  formatDocument(uri: string): TextEdit[];
  formatRange(uri: string, range: Range): TextEdit[];
  /** The whole formatted text, or undefined when the document has syntax errors. */
  formattedText(uri: string): string | undefined;
  semanticTokens(uri: string, range?: Range): SemanticTokens;
  documentLinks(uri: string): DocumentLink[];
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): CodeAction[];
  inlayHints(uri: string, range: Range): InlayHint[];
}

/**
 * Features whose `@unstable` items count as present. wit-parser enables none by
 * default; its own test suite (and so tooling judged against it) enables
 * `active`. Editors set their build's features with `setFeatures`.
 */
export const DEFAULT_FEATURES: readonly string[] = ['active'];

export interface ServiceOptions {
  /** The folder that holds tree-sitter.wasm and tree-sitter-wit.wasm. */
  wasmDir: string;
  features?: readonly string[];
  /**
   * Resolve a root's deps/ once and the root package on top of them while they
   * do not change (default). False resolves everything on every change: the
   * reference the incremental-analysis tests compare with.
   */
  reuseResolvedDeps?: boolean;
}

/** Loads the WIT grammar, then makes the service: no service exists without a parser. */
export async function createWitLanguageService(host: WitHost, options: ServiceOptions): Promise<WitLanguageService> {
  return createWitLanguageServiceFrom(await WitGrammar.load(options.wasmDir), host, options.features, options.reuseResolvedDeps);
}

/** A service over a grammar loaded already (`WitGrammar.load`): for hosts that make many services. */
export function createWitLanguageServiceFrom(
  grammar: WitGrammar,
  host: WitHost,
  initialFeatures: readonly string[] = DEFAULT_FEATURES,
  reuseResolvedDeps = true,
): WitLanguageService {
  const workspace = new Workspace(host, grammar);
  const cache = new AnalysisCache(reuseResolvedDeps);
  let features: ReadonlySet<string> = new Set(initialFeatures);
  const analysis = (uri: string) => analyzeWorkspaceOf(workspace, uriToPath(uri), cache, features);
  const document = (uri: string) => workspace.document(uri);
  const openDocumentUris = () => [...workspace.openDocuments()].map((d) => d.uri);
  // The workspace index: one file per package root under the folders, found
  // again when the workspace changes (directory reads are cached until a
  // change on disk, so finding them again after an edit is cheap).
  let folders: string[] = [];
  let index: { generation: number; uris: string[] } | undefined;
  const folderPackageUris = () => {
    if (index?.generation !== workspace.generation) {
      const uris = folders.flatMap((f) => packageFilesUnder((dir) => workspace.readDirectory(dir), f).map(pathToUri));
      index = { generation: workspace.generation, uris };
    }
    return index.uris;
  };
  const around = (uri: string) =>
    analysesAround({ analysis, openDocumentUris: () => [...openDocumentUris(), ...folderPackageUris()] }, uri);
  /** Runs `f` on the document at `uri` and its analysis, or answers `none`. */
  const withDoc = <T>(uri: string, none: T, f: (doc: WitDocument) => T): T => {
    const doc = document(uri);
    return doc ? f(doc) : none;
  };
  return {
    setFeatures: (list) => {
      const next = new Set(list);
      if (next.size === features.size && [...next].every((f) => features.has(f))) return;
      features = next;
      cache.clear();
    },
    openDocument: (uri, text, version) => void workspace.openDocument(uri, text, version),
    changeDocument: (uri, changes, version) => void workspace.changeDocument(uri, changes, version),
    closeDocument: (uri) => workspace.closeDocument(uri),
    fileChanged: (uri) => workspace.fileChanged(uri),
    isOpen: (uri) => workspace.isOpen(uri),
    versionOf: (uri) => (workspace.isOpen(uri) ? workspace.document(uri)?.version : undefined),
    openDocumentUris,
    document,
    sourceText: (path) => workspace.documentAtPath(path)?.text,
    setWorkspaceFolders: (list) => {
      folders = [...list];
      index = undefined;
    },

    analysis,
    diagnostics: (uri) => analysis(uri).diagnostics,
    listWorlds: (uri) => listWorlds(analysis(uri), uri),
    compositionGraph: (uri, world) => buildCompositionGraph(analysis(uri), { uri, world }),
    syntaxTree: (uri) => withDoc(uri, '', printSyntaxTree),
    resolvedPackage: (uri) => printResolvedPackage(analysis(uri), uri),
    comparePackages: (oldUri, newUri) => comparePackages(analysis(oldUri), analysis(newUri), document),
    comparisonMarkdown: (oldUri, newUri, labels) =>
      comparisonMarkdown(comparePackages(analysis(oldUri), analysis(newUri), document), labels.base, labels.now),
    compatibilityDiagnostics: (baseUri, uri, options) => {
      let report: EvolutionReport;
      try {
        report = comparePackages(analysis(baseUri), analysis(uri), document);
      } catch (e) {
        if (e instanceof SurfaceError) return new Map();
        throw e;
      }
      return compatibilityDiagnostics(report, options, (item) => {
        const doc = item.uri && item.declRange ? document(item.uri) : undefined;
        return doc && item.declRange ? doc.text.slice(doc.offsetAt(item.declRange.start), doc.offsetAt(item.declRange.end)) : undefined;
      });
    },
    sinceGateFix: (uri, diagnostic) => withDoc(uri, undefined, (doc) => sinceGateEdit(doc, diagnostic)),

    hover: (uri, pos, abi) => withDoc(uri, null, (doc) => hover(analysis(uri), doc, pos, abi)),
    canonicalAbi: (uri, pos, options) => withDoc(uri, null, (doc) => abiFactsAt(analysis(uri), doc, pos, options)),
    canonicalAbiSpillHints: (uri) => spillHints(analysis(uri), uri),
    canonicalAbiInlayHints: (uri, range) => abiInlayHints(analysis(uri), uri, range),
    // Lazily: most positions are answered from the tree without re-analysing.
    completion: (uri, pos) => withDoc(uri, [], (doc) => completion(() => analysis(uri), doc, pos)),
    signatureHelp: (uri, pos) => withDoc(uri, null, (doc) => signatureHelp(doc, pos)),
    definition: (uri, pos) => withDoc(uri, [], (doc) => definition(analysis(uri), doc, pos)),
    typeDefinition: (uri, pos) => withDoc(uri, [], (doc) => typeDefinition(analysis(uri), doc, pos)),
    references: (uri, pos, includeDeclaration) =>
      withDoc(uri, [], (doc) => references(around(uri), doc, pos, document, includeDeclaration)),
    documentHighlights: (uri, pos) => withDoc(uri, [], (doc) => documentHighlights(analysis(uri), doc, pos)),
    prepareRename: (uri, pos) => withDoc(uri, null, (doc) => prepareRename(analysis(uri), doc, pos)),
    rename: (uri, pos, newName) => withDoc(uri, null, (doc) => rename(around(uri), doc, pos, newName, document)),
    documentSymbols: (uri) => documentSymbols(analysis(uri), uri),
    workspaceSymbols: (query) => {
      // Open documents first, then every package found in the workspace folders.
      const uris = [...openDocumentUris(), ...folderPackageUris()];
      return workspaceSymbols([...new Set(uris.map(analysis))], query);
    },
    foldingRanges: (uri) => withDoc(uri, [], foldingRanges),
    selectionRanges: (uri, positions) => withDoc(uri, [], (doc) => selectionRanges(doc, positions)),
    formatDocument: (uri) => withDoc(uri, [], formatDocument),
    formatRange: (uri, range) => withDoc(uri, [], (doc) => formatRange(doc, range)),
    formattedText: (uri) => withDoc(uri, undefined, formatText),
    semanticTokens: (uri, range) => withDoc(uri, { data: [] }, (doc) => semanticTokens(doc, analysis(uri), range)),
    documentLinks: (uri) => withDoc(uri, [], (doc) => documentLinks(analysis(uri), doc)),
    codeActions: (uri, range, diagnostics, only) =>
      withDoc(uri, [], (doc) => [
        ...codeActions(analysis(uri), doc, range, diagnostics, only),
        ...sinceGateActions(doc, diagnostics, only),
      ]),
    inlayHints: (uri, range) => withDoc(uri, [], (doc) => inlayHints(analysis(uri), doc, range)),
  };
}
