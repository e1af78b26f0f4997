// The language server's wiring: capabilities, document sync and handlers. No
// analysis happens here; everything is asked of the core's language service.
import {
  type Connection, TextDocumentSyncKind, type InitializeResult, DidChangeWatchedFilesNotification,
} from 'vscode-languageserver/node';
import { createWitLanguageService, DEFAULT_FEATURES, type WitLanguageService } from './core/index';
import type { WitHost } from './core/host';
import { registerHandlers, handlerCapabilities } from './handlers/index';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { Settings } from './settings';

export function startServer(connection: Connection, host: WitHost, wasmDir: string): void {
  const ready: Promise<WitLanguageService> = createWitLanguageService(host, { wasmDir });
  const settings = new Settings(connection);
  const publisher = new DiagnosticsPublisher(connection, settings);
  let watchRegistrationSupported = false;

  connection.onInitialize((params): InitializeResult => {
    watchRegistrationSupported =
      !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    settings.init(params);
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        ...handlerCapabilities(),
      },
      serverInfo: { name: 'wit-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (watchRegistrationSupported) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.wit' }, { globPattern: '**/deps/**' }],
      });
    }
    settings.listen();
  });

  // Every notification waits for the parser; they stay in order because each
  // one chains on `ready`, which settles once.
  connection.onDidOpenTextDocument(async ({ textDocument: d }) => {
    const s = await ready;
    s.openDocument(d.uri, d.text, d.version);
    publisher.schedule(s, d.uri);
  });
  connection.onDidChangeTextDocument(async ({ textDocument: d, contentChanges }) => {
    const s = await ready;
    s.changeDocument(d.uri, contentChanges, d.version);
    publisher.schedule(s, d.uri);
  });
  connection.onDidCloseTextDocument(async ({ textDocument: d }) => {
    const s = await ready;
    s.closeDocument(d.uri);
    publisher.schedule(s, d.uri);
  });
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const s = await ready;
    for (const c of changes) s.fileChanged(c.uri);
    for (const c of changes) publisher.schedule(s, c.uri);
  });
  settings.onChange(async () => {
    const s = await ready;
    s.setFeatures(settings.value.features ?? DEFAULT_FEATURES);
    publisher.republishAll(s);
  });

  registerHandlers(connection, ready, settings);
  connection.listen();
}
