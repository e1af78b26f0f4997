// `wit/syntaxTree` and `wit/resolvedPackage`: the views behind the client's
// "Show Syntax Tree" and "Show Resolved Package" commands.
import { SyntaxTreeRequest, ResolvedPackageRequest } from '../protocol';
import type { Handler } from './context';

export const syntaxTreeHandler: Handler = {
  capabilities: {},
  register({ connection, service }) {
    connection.onRequest(SyntaxTreeRequest, async ({ uri }) => (await service).syntaxTree(uri));
    connection.onRequest(ResolvedPackageRequest, async ({ uri }) => (await service).resolvedPackage(uri));
  },
};
