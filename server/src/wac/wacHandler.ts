// `wac/composed`: the component the last check of a .wac document composed (base64), for
// the client's composition graph, once the checks asked for so far are done; with the
// current problems, so the graph can say it shows the last composition that worked.
import { WacComposedRequest } from '../../../common/protocol';
import type { Handler } from '../handlers/context';

export const wacComposedHandler: Handler = {
  capabilities: {},
  register({ connection, wac }) {
    connection.onRequest(WacComposedRequest, async ({ uri }) => {
      if (!wac) return { composed: null, problems: [] };
      await wac.settled(uri);
      const composed = wac.composed(uri);
      return { composed: composed ? Buffer.from(composed).toString('base64') : null, problems: wac.problems(uri) };
    });
  },
};
