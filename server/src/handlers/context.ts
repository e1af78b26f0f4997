// What every handler gets, and the one helper they answer through: the
// handler names the LSP request, the service method answers it.
import { LSPErrorCodes, ResponseError, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import { BudgetExceeded, withBudget } from '../core/index';
import type { WitLanguageService } from '../core/index';
import type { Settings } from '../settings';
import { isWacUri, type WacDocuments } from '../wac/wacServer';

export interface HandlerContext {
  connection: Connection;
  /** Resolves once the grammar is loaded; requests await it. */
  service: Promise<WitLanguageService>;
  settings: Settings;
  /** The open .wac documents (server/src/wac), which the WIT handlers leave alone. */
  wac?: WacDocuments;
}

export interface Handler {
  capabilities: ServerCapabilities;
  register(ctx: HandlerContext): void;
}

/**
 * How long one request may take. The server answers requests one at a time,
 * so a request on a huge input would hold up every request behind it; past
 * this it answers with a "too large" error instead (core/budget.ts).
 * WIT_REQUEST_BUDGET_MS overrides it (the server tests use a tiny one).
 */
export const REQUEST_BUDGET_MS = Number(process.env.WIT_REQUEST_BUDGET_MS) || 1000;

/** A request handler that waits for the service, then answers with `answer(service, params)` within the budget. */
export function answer<P, R>(
  service: Promise<WitLanguageService>,
  answer: (s: WitLanguageService, params: P) => R,
): (params: P) => Promise<R> {
  return async (params) => {
    // A WAC document is not WIT: the WIT features have nothing to say about it.
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    if (typeof uri === 'string' && isWacUri(uri)) return null as R;
    const s = await service;
    try {
      return withBudget(REQUEST_BUDGET_MS, () => answer(s, params));
    } catch (e) {
      if (e instanceof BudgetExceeded) throw new ResponseError(LSPErrorCodes.RequestFailed, `WIT: ${e.message}`);
      throw e;
    }
  };
}
