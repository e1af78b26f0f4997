// textDocument/foldingRange.
import type { FoldingRangeParams } from 'vscode-languageserver/node';
import { answer, type Handler } from './context';
import { isWacUri } from '../wac/wacServer';
import { wacFoldingRanges } from '../wac/wacFeatures';

export const foldingRangeHandler: Handler = {
  capabilities: { foldingRangeProvider: true },
  register({ connection, service, wac }) {
    const wit = answer(service, (s, { textDocument }: FoldingRangeParams) => s.foldingRanges(textDocument.uri));
    connection.onFoldingRanges((params) => {
      const text = wac && isWacUri(params.textDocument.uri) ? wac.text(params.textDocument.uri) : undefined;
      return text !== undefined ? wacFoldingRanges(text) : wit(params);
    });
  },
};
