// textDocument/hover.
import { answer, type Handler } from './context';

export const hoverHandler: Handler = {
  capabilities: { hoverProvider: true },
  register({ connection, service, settings }) {
    connection.onHover(answer(service, (s, { textDocument, position }) =>
      s.hover(textDocument.uri, position, { scheme: settings.value.canonicalAbi.nameScheme })));
  },
};
