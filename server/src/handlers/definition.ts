// textDocument/definition, textDocument/declaration (the same in WIT: a name is
// declared where it is defined) and textDocument/typeDefinition.
import { answer, type Handler } from './context';

export const definitionHandler: Handler = {
  capabilities: { definitionProvider: true, declarationProvider: true, typeDefinitionProvider: true },
  register({ connection, service }) {
    connection.onDefinition(answer(service, (s, { textDocument, position }) => s.definition(textDocument.uri, position)));
    connection.onDeclaration(answer(service, (s, { textDocument, position }) => s.definition(textDocument.uri, position)));
    connection.onTypeDefinition(answer(service, (s, { textDocument, position }) => s.typeDefinition(textDocument.uri, position)));
  },
};
