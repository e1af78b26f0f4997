// textDocument/documentHighlight.
import { answer, type Handler } from './context';

export const documentHighlightHandler: Handler = {
  capabilities: { documentHighlightProvider: true },
  register({ connection, service }) {
    connection.onDocumentHighlight(answer(service, (s, { textDocument, position }) => s.documentHighlights(textDocument.uri, position)));
  },
};
