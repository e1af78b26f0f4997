// textDocument/completion.
import { answer, type Handler } from './context';

export const completionHandler: Handler = {
  capabilities: { completionProvider: { triggerCharacters: ['@', ':', '/', '.', '{', '<', ' ', '('] } },
  register({ connection, service }) {
    connection.onCompletion(answer(service, (s, { textDocument, position }) => s.completion(textDocument.uri, position)));
  },
};
