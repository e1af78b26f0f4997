// The list of handlers; each lives in a file named after the LSP request it
// serves and declares its capabilities.
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { WitLanguageService } from '../core/index';
import type { Settings } from '../settings';
import type { Handler } from './context';
import type { WacDocuments } from '../wac/wacServer';
import { hoverHandler } from './hover';
import { completionHandler } from './completion';
import { signatureHelpHandler } from './signatureHelp';
import { definitionHandler } from './definition';
import { referencesHandler } from './references';
import { documentHighlightHandler } from './documentHighlight';
import { renameHandler } from './rename';
import { documentSymbolHandler } from './documentSymbol';
import { workspaceSymbolHandler } from './workspaceSymbol';
import { foldingRangeHandler } from './foldingRange';
import { selectionRangeHandler } from './selectionRange';
import { formattingHandler } from './formatting';
import { semanticTokensHandler } from './semanticTokens';
import { documentLinkHandler } from './documentLink';
import { codeActionHandler } from './codeAction';
import { inlayHintHandler } from './inlayHint';
import { syntaxTreeHandler } from './syntaxTree';
import { listWorldsHandler } from './listWorlds';
import { generateBindingsHandler } from './generateBindings';
import { compositionGraphHandler } from './compositionGraph';
import { canonicalAbiHandler } from './canonicalAbi';
import { comparePackageHandler } from './comparePackage';
import { wacComposedHandler } from '../wac/wacHandler';

const handlers: Handler[] = [
  hoverHandler,
  completionHandler,
  signatureHelpHandler,
  definitionHandler,
  referencesHandler,
  documentHighlightHandler,
  renameHandler,
  documentSymbolHandler,
  workspaceSymbolHandler,
  foldingRangeHandler,
  selectionRangeHandler,
  formattingHandler,
  semanticTokensHandler,
  documentLinkHandler,
  codeActionHandler,
  inlayHintHandler,
  // Custom requests (protocol.ts).
  syntaxTreeHandler,
  listWorldsHandler,
  generateBindingsHandler,
  compositionGraphHandler,
  canonicalAbiHandler,
  comparePackageHandler,
  // WAC documents (server/src/wac).
  wacComposedHandler,
];

export function handlerCapabilities(): ServerCapabilities {
  return Object.assign({}, ...handlers.map((h) => h.capabilities));
}

export function registerHandlers(
  connection: Connection,
  service: Promise<WitLanguageService>,
  settings: Settings,
  wac?: WacDocuments,
): void {
  for (const h of handlers) h.register({ connection, service, settings, wac });
}
