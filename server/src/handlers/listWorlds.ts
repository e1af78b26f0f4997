// `wit/listWorlds`: the worlds of a file's package.
import { ListWorldsRequest } from '../../../common/protocol';
import { answer, type Handler } from './context';

export const listWorldsHandler: Handler = {
  capabilities: {},
  register({ connection, service }) {
    connection.onRequest(
      ListWorldsRequest,
      answer(service, (s, { uri }) => s.listWorlds(uri)),
    );
  },
};
