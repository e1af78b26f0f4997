// textDocument/documentSymbol.
import { answer, type Handler } from './context';

export const documentSymbolHandler: Handler = {
  capabilities: { documentSymbolProvider: true },
  register({ connection, service }) {
    connection.onDocumentSymbol(answer(service, (s, { textDocument }) => s.documentSymbols(textDocument.uri)));
  },
};
