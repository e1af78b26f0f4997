// textDocument/inlayHint, honouring `wit.inlayHints.enable`.
import type { Handler } from './context';
import { inlayHints } from '../core/features/inlayHints';

export const inlayHintsHandler: Handler = {
  capabilities: { inlayHintProvider: true },
  register({ connection, service, settings }) {
    connection.languages.inlayHint.on(async ({ textDocument, range }) => {
      if (!settings.value.inlayHints.enable) return [];
      const s = await service;
      const doc = s.document(textDocument.uri);
      return doc ? inlayHints(s.analysis(doc.uri), doc, range) : [];
    });
    // Toggling the setting must redraw the hints without a restart.
    settings.onChange(() => void connection.languages.inlayHint.refresh().catch(() => undefined));
  },
};
