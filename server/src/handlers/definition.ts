// textDocument/definition, declaration and typeDefinition.
import type { Handler } from './context';
import { definition, typeDefinition } from '../core/features/definition';

export const definitionHandler: Handler = {
  capabilities: { definitionProvider: true, declarationProvider: true, typeDefinitionProvider: true },
  register({ connection, service }) {
    const on = (find: typeof definition) => async ({ textDocument, position }: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
      const s = await service;
      const doc = s.document(textDocument.uri);
      return doc ? find(s.analysis(doc.uri), doc, position) : [];
    };
    connection.onDefinition(on(definition));
    connection.onDeclaration(on(definition));
    connection.onTypeDefinition(on(typeDefinition));
  },
};
