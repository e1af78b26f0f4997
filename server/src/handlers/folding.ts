// textDocument/foldingRange and selectionRange (both read only the tree).
import type { Handler } from './context';
import { foldingRanges } from '../core/features/folding';
import { selectionRanges } from '../core/features/selectionRanges';

export const foldingHandler: Handler = {
  capabilities: { foldingRangeProvider: true, selectionRangeProvider: true },
  register({ connection, service }) {
    connection.onFoldingRanges(async ({ textDocument }) => {
      const doc = (await service).document(textDocument.uri);
      return doc ? foldingRanges(doc) : [];
    });
    connection.onSelectionRanges(async ({ textDocument, positions }) => {
      const doc = (await service).document(textDocument.uri);
      return doc ? selectionRanges(doc, positions) : [];
    });
  },
};
