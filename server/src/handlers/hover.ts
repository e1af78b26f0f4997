// textDocument/hover.
import { answer, type Handler } from './context';

export const hoverHandler: Handler = {
  capabilities: { hoverProvider: true },
  register({ connection, service }) {
    connection.onHover(answer(service, (s, { textDocument, position }) => s.hover(textDocument.uri, position)));
  },
};
