// textDocument/foldingRange.
import type { FoldingRangeParams } from 'vscode-languageserver/node';
import { answer, type Handler } from './context';
import { isWacUri } from '../wac/wacServer';
import { wacFoldingRanges } from '../wac/wacOutline';

export const foldingRangeHandler: Handler = {
  capabilities: { foldingRangeProvider: true },
  register({ connection, service, wac }) {
    const wit = answer(service, (s, { textDocument }: FoldingRangeParams) => s.foldingRanges(textDocument.uri));
    connection.onFoldingRanges(async (params) => {
      if (!wac || !isWacUri(params.textDocument.uri)) return wit(params);
      const tree = await wac.tree(params.textDocument.uri);
      return tree ? wacFoldingRanges(tree) : null;
    });
  },
};
