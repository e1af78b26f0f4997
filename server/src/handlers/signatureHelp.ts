// textDocument/signatureHelp.
import type { Handler } from './context';
import { signatureHelp } from '../core/features/signatureHelp';

export const signatureHelpHandler: Handler = {
  capabilities: { signatureHelpProvider: { triggerCharacters: ['<', '(', ','], retriggerCharacters: [','] } },
  register({ connection, service }) {
    connection.onSignatureHelp(async ({ textDocument, position }) => {
      const doc = (await service).document(textDocument.uri);
      return doc ? signatureHelp(doc, position) : null;
    });
  },
};
