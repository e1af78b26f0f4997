// What every handler gets, and the one helper they answer through: the
// handler names the LSP request, the service method answers it.
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { WitLanguageService } from '../core/index';
import type { Settings } from '../settings';

export interface HandlerContext {
  connection: Connection;
  /** Resolves once the grammar is loaded; requests await it. */
  service: Promise<WitLanguageService>;
  settings: Settings;
}

export interface Handler {
  capabilities: ServerCapabilities;
  register(ctx: HandlerContext): void;
}

/** A request handler that waits for the service, then answers with `answer(service, params)`. */
export function answer<P, R>(
  service: Promise<WitLanguageService>, answer: (s: WitLanguageService, params: P) => R,
): (params: P) => Promise<R> {
  return async (params) => answer(await service, params);
}
