// textDocument/formatting and textDocument/rangeFormatting (off with `wit.format.enable`).
import { answer, type Handler } from './context';

export const formattingHandler: Handler = {
  capabilities: { documentFormattingProvider: true, documentRangeFormattingProvider: true },
  register({ connection, service, settings }) {
    connection.onDocumentFormatting(answer(service, (s, { textDocument }) =>
      (settings.value.format.enable ? s.formatDocument(textDocument.uri) : [])));
    connection.onDocumentRangeFormatting(answer(service, (s, { textDocument, range }) =>
      (settings.value.format.enable ? s.formatRange(textDocument.uri, range) : [])));
  },
};
