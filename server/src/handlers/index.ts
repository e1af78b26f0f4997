// The list of handlers; each lives in its own file and declares its capabilities.
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { WitLanguageService } from '../core/index';
import type { Settings } from '../settings';
import type { Handler } from './context';
import { syntaxTreeHandler } from './syntaxTree';
import { bindingsHandler } from './bindings';
import { compositionGraphHandler } from './compositionGraph';

const handlers: Handler[] = [
  syntaxTreeHandler,
  bindingsHandler,
  compositionGraphHandler,
];

export function handlerCapabilities(): ServerCapabilities {
  return Object.assign({}, ...handlers.map((h) => h.capabilities));
}

export function registerHandlers(
  connection: Connection,
  service: Promise<WitLanguageService>,
  settings: Settings,
): void {
  for (const h of handlers) h.register({ connection, service, settings });
}
