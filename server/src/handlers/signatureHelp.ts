// textDocument/signatureHelp.
import { answer, type Handler } from './context';

export const signatureHelpHandler: Handler = {
  capabilities: { signatureHelpProvider: { triggerCharacters: ['<', '(', ','], retriggerCharacters: [','] } },
  register({ connection, service }) {
    connection.onSignatureHelp(answer(service, (s, { textDocument, position }) => s.signatureHelp(textDocument.uri, position)));
  },
};
