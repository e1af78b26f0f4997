// textDocument/documentSymbol and workspace/symbol.
import type { Handler } from './context';
import { documentSymbols, workspaceSymbols } from '../core/features/documentSymbols';
import { packageFilesUnder } from '../core/features/workspaceFiles';
import { pathToUri, uriToPath } from '../core/workspace';

export const documentSymbolsHandler: Handler = {
  capabilities: { documentSymbolProvider: true, workspaceSymbolProvider: true },
  register({ connection, service }) {
    connection.onDocumentSymbol(async ({ textDocument }) => {
      const s = await service;
      return documentSymbols(s.analysis(textDocument.uri), textDocument.uri);
    });
    connection.onWorkspaceSymbol(async ({ query }) => {
      const s = await service;
      // Open documents first, then every package found in the workspace folders.
      const uris = [...s.openDocumentUris()];
      const folders = await connection.workspace.getWorkspaceFolders().catch(() => null);
      for (const folder of folders ?? []) {
        const files = packageFilesUnder((dir) => s.workspace.readDirectory(dir), uriToPath(folder.uri));
        uris.push(...files.map(pathToUri));
      }
      return workspaceSymbols([...new Set(uris.map((u) => s.analysis(u)))], query);
    });
  },
};
