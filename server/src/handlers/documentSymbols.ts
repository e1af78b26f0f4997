// textDocument/documentSymbol and workspace/symbol.
import type { Handler } from './context';
import { documentSymbols, workspaceSymbols } from '../core/features/documentSymbols';

export const documentSymbolsHandler: Handler = {
  capabilities: { documentSymbolProvider: true, workspaceSymbolProvider: true },
  register({ connection, service }) {
    connection.onDocumentSymbol(async ({ textDocument }) => {
      const s = await service;
      return documentSymbols(s.analysis(textDocument.uri), textDocument.uri);
    });
    connection.onWorkspaceSymbol(async ({ query }) => {
      const s = await service;
      const roots = s.openDocumentUris().map((u) => s.analysis(u));
      return workspaceSymbols([...new Set(roots)], query);
    });
  },
};
