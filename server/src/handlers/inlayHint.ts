// textDocument/inlayHint (off with `wit.inlayHints.enable`).
import { answer, type Handler } from './context';

export const inlayHintHandler: Handler = {
  capabilities: { inlayHintProvider: true },
  register({ connection, service, settings }) {
    connection.languages.inlayHint.on(answer(service, (s, { textDocument, range }) =>
      (settings.value.inlayHints.enable ? s.inlayHints(textDocument.uri, range) : [])));
    // Toggling the setting must redraw the hints without a restart.
    settings.onChange(() => void connection.languages.inlayHint.refresh().catch(() => undefined));
  },
};
