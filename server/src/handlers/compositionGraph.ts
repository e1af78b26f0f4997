// `wit/compositionGraph`: the WIT graph of the package of a document (and its deps),
// optionally filtered to one world. The view asks again whenever the WIT changes.
import { CompositionGraphRequest } from '../protocol';
import { buildCompositionGraph } from '../core/features/compositionGraph';
import type { Handler } from './context';

export const compositionGraphHandler: Handler = {
  capabilities: {},
  register({ connection, service }) {
    connection.onRequest(CompositionGraphRequest, async ({ uri, world }) => {
      const s = await service;
      return buildCompositionGraph(s.analysis(uri), { uri, world });
    });
  },
};
