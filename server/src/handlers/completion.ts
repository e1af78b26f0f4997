// textDocument/completion.
import type { Handler } from './context';
import { completion } from '../core/features/completion';

export const completionHandler: Handler = {
  capabilities: { completionProvider: { triggerCharacters: ['@', ':', '/', '.', '{', '<', ' ', '('] } },
  register({ connection, service }) {
    connection.onCompletion(async ({ textDocument, position }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      // Lazily: most positions are answered from the tree without re-analysing.
      return doc ? completion(() => s.analysis(doc.uri), doc, position) : [];
    });
  },
};
