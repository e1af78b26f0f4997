// textDocument/documentSymbol.
import type { DocumentSymbolParams } from 'vscode-languageserver/node';
import { isWacUri } from '../wac/wacServer';
import { answer, type Handler } from './context';

export const documentSymbolHandler: Handler = {
  capabilities: { documentSymbolProvider: true },
  register({ connection, service, wac }) {
    const wit = answer(service, (s, { textDocument }: DocumentSymbolParams) => s.documentSymbols(textDocument.uri));
    connection.onDocumentSymbol((params) =>
      wac && isWacUri(params.textDocument.uri) ? wac.documentSymbols(params.textDocument.uri) : wit(params),
    );
  },
};
