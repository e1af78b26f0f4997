// textDocument/definition, textDocument/declaration (the same in WIT: a name is
// declared where it is defined) and textDocument/typeDefinition.
import type { DefinitionParams } from 'vscode-languageserver/node';
import { answer, type Handler } from './context';
import { forWac } from '../wac/wacServer';
import { wacDefinition } from '../wac/wacFeatures';

export const definitionHandler: Handler = {
  capabilities: { definitionProvider: true, declarationProvider: true, typeDefinitionProvider: true },
  register({ connection, service, wac }) {
    connection.onDefinition(
      forWac(
        wac,
        wacDefinition,
        answer(service, (s, { textDocument, position }: DefinitionParams) => s.definition(textDocument.uri, position)),
      ),
    );
    connection.onDeclaration(answer(service, (s, { textDocument, position }) => s.definition(textDocument.uri, position)));
    connection.onTypeDefinition(answer(service, (s, { textDocument, position }) => s.typeDefinition(textDocument.uri, position)));
  },
};
