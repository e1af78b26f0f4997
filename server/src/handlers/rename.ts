// textDocument/prepareRename and textDocument/rename. A refused rename is an
// error the editor shows (a keyword, a builtin, an invalid new name).
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { RenameRefusal } from '../core/index';
import { answer, type Handler } from './context';

function orRefusal<T extends object>(r: T | RenameRefusal | null): T | null {
  if (r && 'error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
  return r;
}

export const renameHandler: Handler = {
  capabilities: { renameProvider: { prepareProvider: true } },
  register({ connection, service }) {
    connection.onPrepareRename(answer(service, (s, { textDocument, position }) => orRefusal(s.prepareRename(textDocument.uri, position))));
    connection.onRenameRequest(
      answer(service, (s, { textDocument, position, newName }) => orRefusal(s.rename(textDocument.uri, position, newName))),
    );
  },
};
