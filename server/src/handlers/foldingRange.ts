// textDocument/foldingRange.
import { answer, type Handler } from './context';

export const foldingRangeHandler: Handler = {
  capabilities: { foldingRangeProvider: true },
  register({ connection, service }) {
    connection.onFoldingRanges(answer(service, (s, { textDocument }) => s.foldingRanges(textDocument.uri)));
  },
};
