// textDocument/documentLink: package references open their file in deps/.
import { answer, type Handler } from './context';

export const documentLinkHandler: Handler = {
  capabilities: { documentLinkProvider: { resolveProvider: false } },
  register({ connection, service }) {
    connection.onDocumentLinks(answer(service, (s, { textDocument }) => s.documentLinks(textDocument.uri)));
  },
};
