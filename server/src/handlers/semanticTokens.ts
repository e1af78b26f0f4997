// textDocument/semanticTokens/full and /range (a WAC document's are from its tree, whole).
import type { Range, SemanticTokens } from 'vscode-languageserver/node';
import { semanticTokensLegend } from '../core/index';
import { isWacUri, type WacDocuments } from '../wac/wacServer';
import { wacSemanticTokens } from '../wac/wacSemanticTokens';
import { answer, type Handler } from './context';

export const semanticTokensHandler: Handler = {
  capabilities: { semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true } },
  register({ connection, service, wac }) {
    const full = answer(service, (s, { textDocument }: { textDocument: { uri: string } }) => s.semanticTokens(textDocument.uri));
    connection.languages.semanticTokens.on(async (params) => (await forWacDocument(wac, params.textDocument.uri)) ?? full(params));
    const range = answer(service, (s, { textDocument, range }: { textDocument: { uri: string }; range: Range }) =>
      s.semanticTokens(textDocument.uri, range),
    );
    // A range may be answered with more tokens than it covers; WAC documents are small.
    connection.languages.semanticTokens.onRange(async (params) => (await forWacDocument(wac, params.textDocument.uri)) ?? range(params));
  },
};

/** The tokens of a WAC document; undefined for any other. */
async function forWacDocument(wac: WacDocuments | undefined, uri: string): Promise<SemanticTokens | undefined> {
  if (!wac || !isWacUri(uri)) return undefined;
  const tree = await wac.tree(uri);
  return tree ? wacSemanticTokens(tree) : { data: [] };
}
