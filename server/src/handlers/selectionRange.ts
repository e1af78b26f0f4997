// textDocument/selectionRange.
import { answer, type Handler } from './context';

export const selectionRangeHandler: Handler = {
  capabilities: { selectionRangeProvider: true },
  register({ connection, service }) {
    connection.onSelectionRanges(answer(service, (s, { textDocument, positions }) => s.selectionRanges(textDocument.uri, positions)));
  },
};
