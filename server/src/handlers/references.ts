// textDocument/references.
import { answer, type Handler } from './context';

export const referencesHandler: Handler = {
  capabilities: { referencesProvider: true },
  register({ connection, service }) {
    connection.onReferences(
      answer(service, (s, { textDocument, position, context }) => s.references(textDocument.uri, position, context.includeDeclaration)),
    );
  },
};
