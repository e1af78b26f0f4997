// `wac/composed`: the component the last check of a .wac document composed (base64), for
// the client's composition graph, once the checks asked for so far are done; with the
// current problems, so the graph can say it shows the last composition that worked.
import { RequestType } from 'vscode-languageserver/node';
import type { Handler } from '../handlers/context';

export interface WacComposedParams {
  uri: string;
}
export interface WacComposedResult {
  /** The composed component, base64; null when no check of the document has composed yet. */
  composed: string | null;
  /** The current problems' messages; when there are any, `composed` is from an earlier text. */
  problems: string[];
}
/** Declared the same in client/src/wac/wacProtocol.ts (the client imports nothing of the server). */
export const WacComposedRequest = new RequestType<WacComposedParams, WacComposedResult, void>('wac/composed');

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
