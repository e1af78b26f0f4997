// The analyses a cross-file feature looks through: the package root of the file
// asked from first, then the roots of every open document (packages that may
// depend on it through deps/), each once.
import type { Analysis } from '../model';

export interface AnalysisSource {
  analysis(uri: string): Analysis;
  openDocumentUris(): string[];
}

export function analysesAround(source: AnalysisSource, uri: string): Analysis[] {
  const out = [source.analysis(uri)];
  for (const other of source.openDocumentUris()) {
    const a = source.analysis(other);
    if (!out.includes(a)) out.push(a);
  }
  return out;
}
