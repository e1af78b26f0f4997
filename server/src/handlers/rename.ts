// textDocument/prepareRename and rename; refusals go back as errors the editor shows.
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import type { Handler } from './context';
import { prepareRename, rename } from '../core/features/rename';
import { analysesAround } from '../core/features/analysesAround';

export const renameHandler: Handler = {
  capabilities: { renameProvider: { prepareProvider: true } },
  register({ connection, service }) {
    connection.onPrepareRename(async ({ textDocument, position }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      if (!doc) return null;
      const r = prepareRename(s.analysis(doc.uri), doc, position);
      if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
      return r;
    });
    connection.onRenameRequest(async ({ textDocument, position, newName }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      if (!doc) return null;
      const r = rename(analysesAround(s, doc.uri), doc, position, newName, (u) => s.document(u));
      if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
      return r;
    });
  },
};
