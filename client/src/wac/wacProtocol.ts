// The WAC request the client sends the language server; declared the same in
// server/src/wac/wacHandler.ts (the client imports nothing of the server).
import { RequestType } from 'vscode-languageclient/node';

export interface WacComposedParams {
  uri: string;
}
export interface WacComposedResult {
  /** The composed component, base64; null when no check of the document has composed yet. */
  composed: string | null;
  /** The current problems' messages; when there are any, `composed` is from an earlier text. */
  problems: string[];
}
export const WacComposedRequest = new RequestType<WacComposedParams, WacComposedResult, void>('wac/composed');
