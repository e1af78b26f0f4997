// workspace/symbol: the packages of open documents and of every workspace folder.
import { uriToPath } from '../core/index';
import type { Handler } from './context';

export const workspaceSymbolHandler: Handler = {
  capabilities: { workspaceSymbolProvider: true },
  register({ connection, service }) {
    connection.onWorkspaceSymbol(async ({ query }) => {
      const folders = await connection.workspace.getWorkspaceFolders().catch(() => null);
      return (await service).workspaceSymbols(query, (folders ?? []).map((f) => uriToPath(f.uri)));
    });
  },
};
