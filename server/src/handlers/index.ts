// The list of handlers; each lives in its own file and declares its capabilities.
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { WitLanguageService } from '../core/index';
import type { Settings } from '../settings';
import type { Handler } from './context';
import { syntaxTreeHandler } from './syntaxTree';
import { bindingsHandler } from './bindings';
import { formattingHandler } from './formatting';
import { hoverHandler } from './hover';
import { definitionHandler } from './definition';
import { referencesHandler } from './references';
import { renameHandler } from './rename';
import { completionHandler } from './completion';
import { signatureHelpHandler } from './signatureHelp';
import { documentSymbolsHandler } from './documentSymbols';
import { semanticTokensHandler } from './semanticTokens';
import { foldingHandler } from './folding';
import { documentLinksHandler } from './documentLinks';
import { codeActionsHandler } from './codeActions';
import { inlayHintsHandler } from './inlayHints';
import { compositionGraphHandler } from './compositionGraph';

const handlers: Handler[] = [
  syntaxTreeHandler,
  bindingsHandler,
  formattingHandler,
  hoverHandler,
  definitionHandler,
  referencesHandler,
  renameHandler,
  completionHandler,
  signatureHelpHandler,
  documentSymbolsHandler,
  semanticTokensHandler,
  foldingHandler,
  documentLinksHandler,
  codeActionsHandler,
  inlayHintsHandler,
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
