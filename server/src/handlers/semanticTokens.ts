// textDocument/semanticTokens/full and /range.
import type { Handler } from './context';
import { semanticTokens, semanticTokensLegend } from '../core/features/semanticTokens';

export const semanticTokensHandler: Handler = {
  capabilities: { semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true } },
  register({ connection, service }) {
    connection.languages.semanticTokens.on(async ({ textDocument }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      return doc ? semanticTokens(doc, s.analysis(doc.uri)) : { data: [] };
    });
    connection.languages.semanticTokens.onRange(async ({ textDocument, range }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      return doc ? semanticTokens(doc, s.analysis(doc.uri), range) : { data: [] };
    });
  },
};
