// textDocument/codeAction: quick fixes and refactors.
import { CodeActionKind } from 'vscode-languageserver/node';
import type { Handler } from './context';
import { codeActions } from '../core/features/codeActions';

export const codeActionsHandler: Handler = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract] } },
  register({ connection, service }) {
    connection.onCodeAction(async ({ textDocument, range, context }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      return doc ? codeActions(s.analysis(doc.uri), doc, range, context.diagnostics, context.only) : [];
    });
  },
};
