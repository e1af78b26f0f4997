// textDocument/documentLink: package references open their file in deps/.
import type { Handler } from './context';
import { documentLinks } from '../core/features/documentLinks';

export const documentLinksHandler: Handler = {
  capabilities: { documentLinkProvider: { resolveProvider: false } },
  register({ connection, service }) {
    connection.onDocumentLinks(async ({ textDocument }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      return doc ? documentLinks(s.analysis(doc.uri), doc) : [];
    });
  },
};
