// textDocument/inlayHint (off with `wit.inlayHints.enable`); the canonical ABI's
// core signatures too with `wit.canonicalAbi.inlayHints`.
import { answer, type Handler } from './context';

export const inlayHintHandler: Handler = {
  capabilities: { inlayHintProvider: true },
  register({ connection, service, settings }) {
    connection.languages.inlayHint.on(
      answer(service, (s, { textDocument, range }) => {
        if (!settings.value.inlayHints.enable) return [];
        const hints = s.inlayHints(textDocument.uri, range);
        return settings.value.canonicalAbi.inlayHints ? [...hints, ...s.canonicalAbiInlayHints(textDocument.uri, range)] : hints;
      }),
    );
    // Toggling the setting must redraw the hints without a restart.
    settings.onChange(() => void connection.languages.inlayHint.refresh().catch(() => undefined));
  },
};
