// workspace/symbol: the packages of open documents and of every workspace folder.
import { answer, type Handler } from './context';

export const workspaceSymbolHandler: Handler = {
  capabilities: { workspaceSymbolProvider: true },
  register({ connection, service }) {
    connection.onWorkspaceSymbol(answer(service, (s, { query }) => s.workspaceSymbols(query)));
  },
};
