// textDocument/formatting and textDocument/rangeFormatting (off with `wit.format.enable`).
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { answer, type Handler } from './context';
import { isWacUri, type WacDocuments } from '../wac/wacServer';
import { formatWac } from '../wac/wacFormat';

export const formattingHandler: Handler = {
  capabilities: { documentFormattingProvider: true, documentRangeFormattingProvider: true },
  register({ connection, service, settings, wac }) {
    const document = answer(service, (s, { textDocument }: DocumentFormattingParams) =>
      settings.value.format.enable ? s.formatDocument(textDocument.uri) : [],
    );
    connection.onDocumentFormatting(
      (params) => wacFormatting(wac, params.textDocument.uri, settings.value.format.enable) ?? document(params),
    );
    const range = answer(service, (s, { textDocument, range }: DocumentRangeFormattingParams) =>
      settings.value.format.enable ? s.formatRange(textDocument.uri, range) : [],
    );
    // A WAC document is formatted whole, whatever the range.
    connection.onDocumentRangeFormatting(
      (params) => wacFormatting(wac, params.textDocument.uri, settings.value.format.enable) ?? range(params),
    );
  },
};

/** The edits formatting a .wac document (one, replacing the whole text), or undefined for other documents. */
function wacFormatting(wac: WacDocuments | undefined, uri: string, enabled: boolean): TextEdit[] | undefined {
  if (!wac || !isWacUri(uri)) return undefined;
  const text = wac.text(uri);
  if (!enabled || text === undefined) return [];
  const formatted = formatWac(text);
  if (formatted === text) return [];
  const lines = text.split('\n');
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } },
      newText: formatted,
    },
  ];
}
