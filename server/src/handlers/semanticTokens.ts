// textDocument/semanticTokens/full and /range.
import { semanticTokensLegend } from '../core/index';
import { answer, type Handler } from './context';

export const semanticTokensHandler: Handler = {
  capabilities: { semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true } },
  register({ connection, service }) {
    connection.languages.semanticTokens.on(answer(service, (s, { textDocument }) => s.semanticTokens(textDocument.uri)));
    connection.languages.semanticTokens.onRange(answer(service, (s, { textDocument, range }) => s.semanticTokens(textDocument.uri, range)));
  },
};
