// What every handler gets: the language service once the parser is ready, and settings.
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { WitLanguageService } from '../core/index';
import type { Settings } from '../settings';

export interface HandlerContext {
  connection: Connection;
  /** Resolves once the parser is loaded; requests await it. */
  service: Promise<WitLanguageService>;
  settings: Settings;
}

export interface Handler {
  capabilities: ServerCapabilities;
  register(ctx: HandlerContext): void;
}
