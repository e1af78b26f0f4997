// textDocument/hover.
import type { Handler } from './context';
import { hover } from '../core/features/hover';

export const hoverHandler: Handler = {
  capabilities: { hoverProvider: true },
  register({ connection, service }) {
    connection.onHover(async ({ textDocument, position }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      return doc ? hover(s.analysis(doc.uri), doc, position) : null;
    });
  },
};
