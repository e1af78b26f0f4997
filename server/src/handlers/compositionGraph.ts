// `wit/compositionGraph`: the WIT graph of the package of a document (and its deps),
// optionally filtered to one world. The view asks again whenever the WIT changes.
import { CompositionGraphRequest } from '../../../common/protocol';
import { answer, type Handler } from './context';

export const compositionGraphHandler: Handler = {
  capabilities: {},
  register({ connection, service }) {
    connection.onRequest(
      CompositionGraphRequest,
      answer(service, (s, { uri, world }) => s.compositionGraph(uri, world)),
    );
  },
};
