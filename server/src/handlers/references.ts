// textDocument/references and documentHighlight.
import type { Handler } from './context';
import { documentHighlights, references } from '../core/features/references';
import { analysesAround } from '../core/features/analysesAround';

export const referencesHandler: Handler = {
  capabilities: { referencesProvider: true, documentHighlightProvider: true },
  register({ connection, service }) {
    connection.onReferences(async ({ textDocument, position, context }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      if (!doc) return [];
      return references(analysesAround(s, doc.uri), doc, position, (u) => s.document(u), context.includeDeclaration);
    });
    connection.onDocumentHighlight(async ({ textDocument, position }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      return doc ? documentHighlights(s.analysis(doc.uri), doc, position) : [];
    });
  },
};
