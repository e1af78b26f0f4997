// textDocument/formatting and rangeFormatting, honouring `wit.format.enable`.
import type { Handler } from './context';
import { formatDocument, formatRange } from '../core/features/formatting';

export const formattingHandler: Handler = {
  capabilities: { documentFormattingProvider: true, documentRangeFormattingProvider: true },
  register({ connection, service, settings }) {
    connection.onDocumentFormatting(async ({ textDocument }) => {
      if (!settings.value.format.enable) return [];
      const doc = (await service).document(textDocument.uri);
      return doc ? formatDocument(doc) : [];
    });
    connection.onDocumentRangeFormatting(async ({ textDocument, range }) => {
      if (!settings.value.format.enable) return [];
      const doc = (await service).document(textDocument.uri);
      return doc ? formatRange(doc, range) : [];
    });
  },
};
