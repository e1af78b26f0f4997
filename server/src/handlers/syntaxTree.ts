// `wit/syntaxTree` and `wit/resolvedPackage`: the views behind the client's
// "Show Syntax Tree" and "Show Resolved Package" commands.
import { SyntaxTreeRequest, ResolvedPackageRequest } from '../../../common/protocol';
import { answer, type Handler } from './context';

export const syntaxTreeHandler: Handler = {
  capabilities: {},
  register({ connection, service }) {
    connection.onRequest(
      SyntaxTreeRequest,
      answer(service, (s, { uri }) => s.syntaxTree(uri)),
    );
    connection.onRequest(
      ResolvedPackageRequest,
      answer(service, (s, { uri }) => s.resolvedPackage(uri)),
    );
  },
};
