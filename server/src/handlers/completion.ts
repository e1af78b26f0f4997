// textDocument/completion.
import type { CompletionParams } from 'vscode-languageserver/node';
import { answer, type Handler } from './context';
import { forWac } from '../wac/wacServer';
import { wacCompletion } from '../wac/wacFeatures';

export const completionHandler: Handler = {
  capabilities: { completionProvider: { triggerCharacters: ['@', ':', '/', '.', '{', '<', ' ', '('] } },
  register({ connection, service, wac }) {
    connection.onCompletion(
      forWac(
        wac,
        wacCompletion,
        answer(service, (s, { textDocument, position }: CompletionParams) => s.completion(textDocument.uri, position)),
      ),
    );
  },
};
