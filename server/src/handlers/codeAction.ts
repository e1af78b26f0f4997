// textDocument/codeAction: quick fixes and refactors.
import { CodeActionKind } from 'vscode-languageserver/node';
import { answer, type Handler } from './context';

export const codeActionHandler: Handler = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract] } },
  register({ connection, service }) {
    connection.onCodeAction(
      answer(service, (s, { textDocument, range, context }) => s.codeActions(textDocument.uri, range, context.diagnostics, context.only)),
    );
  },
};
