// The WIT language service: the one entry point of the analysis core. It knows
// nothing of LSP connections or VS Code; it takes documents and answers with
// LSP types. Features live one per file under features/.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { WitHost } from './host';
import { Workspace, uriToPath } from './workspace';
import type { WitDocument } from './document';
import type { Analysis } from './model';
import { analyzeWorkspaceOf, AnalysisCache } from './analyze';
import { printSyntaxTree } from './features/syntaxTree';
import { printResolvedPackage } from './features/resolvedPackage';

export type { WitHost } from './host';
export type { WitDocument } from './document';
export type { Analysis, WitSymbol, WitReference } from './model';

export interface WitLanguageService {
  readonly workspace: Workspace;
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
  /** The analysis of the package root (package and deps/) that holds `uri`. */
  analysis(uri: string): Analysis;
  /** Diagnostics of every file of the package root that holds `uri`. */
  diagnostics(uri: string): Map<string, Diagnostic[]>;
  syntaxTree(uri: string): string;
  resolvedPackage(uri: string): string;
}

/**
 * Features whose `@unstable` items count as present. wit-parser enables none by
 * default; its own test suite (and so tooling judged against it) enables
 * `active`. Editors set their build's features with `setFeatures`.
 */
export const DEFAULT_FEATURES: readonly string[] = ['active'];

export function createWitLanguageService(host: WitHost, options: { features?: readonly string[] } = {}): WitLanguageService {
  const workspace = new Workspace(host);
  const cache = new AnalysisCache();
  let features: ReadonlySet<string> = new Set(options.features ?? DEFAULT_FEATURES);
  const analysis = (uri: string) => analyzeWorkspaceOf(workspace, uriToPath(uri), cache, features);
  return {
    workspace,
    setFeatures: (list) => {
      features = new Set(list);
      cache.clear();
    },
    openDocument: (uri, text, version) => void workspace.openDocument(uri, text, version),
    changeDocument: (uri, changes, version) => void workspace.changeDocument(uri, changes, version),
    closeDocument: (uri) => workspace.closeDocument(uri),
    fileChanged: (uri) => workspace.fileChanged(uri),
    isOpen: (uri) => workspace.isOpen(uri),
    versionOf: (uri) => (workspace.isOpen(uri) ? workspace.document(uri)?.version : undefined),
    openDocumentUris: () => [...workspace.openDocuments()].map((d) => d.uri),
    document: (uri) => workspace.document(uri),
    analysis,
    diagnostics: (uri) => analysis(uri).diagnostics,
    syntaxTree: (uri) => {
      const doc = workspace.document(uri);
      return doc ? printSyntaxTree(doc) : '';
    },
    resolvedPackage: (uri) => printResolvedPackage(analysis(uri), uri),
  };
}
