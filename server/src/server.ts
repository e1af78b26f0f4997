// The language server's wiring: capabilities, document sync and handlers. No
// analysis happens here; everything is asked of the core's language service.
import {
  type Connection,
  TextDocumentSyncKind,
  type InitializeResult,
  type InitializeParams,
  DidChangeWatchedFilesNotification,
} from 'vscode-languageserver/node';
import { createWitLanguageService, uriToPath, DEFAULT_FEATURES, type WitLanguageService } from './core/index';
import type { WitHost } from './core/index';
import { registerHandlers, handlerCapabilities } from './handlers/index';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { Settings } from './settings';
import { createWacDocuments, isWacUri } from './wac/wacServer';

export function startServer(connection: Connection, host: WitHost, wasmDir: string): void {
  const ready: Promise<WitLanguageService> = createWitLanguageService(host, { wasmDir });
  const settings = new Settings(connection);
  const publisher = new DiagnosticsPublisher(connection, settings);
  // .wac documents are checked by the wac CLI (server/src/wac), not the WIT analysis.
  const wac = createWacDocuments(connection, wasmDir);
  let watchRegistrationSupported = false;

  let foldersChangeSupported = false;
  connection.onInitialize((params): InitializeResult => {
    watchRegistrationSupported = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    foldersChangeSupported = !!params.capabilities.workspace?.workspaceFolders;
    settings.init(params);
    // The workspace index (references, rename, symbols of packages not open) starts from these.
    const folders = workspaceFoldersOf(params);
    void ready.then((s) => s.setWorkspaceFolders(folders));
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        ...handlerCapabilities(),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
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
    if (foldersChangeSupported) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
        (await ready).setWorkspaceFolders(folders.map((f) => uriToPath(f.uri)));
      });
    }
  });

  // Every notification waits for the parser; they stay in order because each
  // one chains on `ready`, which settles once.
  connection.onDidOpenTextDocument(async ({ textDocument: d }) => {
    if (isWacUri(d.uri)) return wac.open(d.uri, d.text, d.version);
    const s = await ready;
    s.openDocument(d.uri, d.text, d.version);
    publisher.schedule(s, d.uri);
  });
  connection.onDidChangeTextDocument(async ({ textDocument: d, contentChanges }) => {
    if (isWacUri(d.uri)) return wac.change(d.uri, contentChanges, d.version);
    const s = await ready;
    s.changeDocument(d.uri, contentChanges, d.version);
    publisher.schedule(s, d.uri);
  });
  connection.onDidCloseTextDocument(async ({ textDocument: d }) => {
    if (isWacUri(d.uri)) return wac.close(d.uri);
    const s = await ready;
    s.closeDocument(d.uri);
    publisher.schedule(s, d.uri);
  });
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    if (changes.some((c) => /\/deps\//.test(c.uri))) wac.recheckAll();
    const s = await ready;
    for (const c of changes) s.fileChanged(c.uri);
    for (const c of changes) publisher.schedule(s, c.uri);
  });
  settings.onChange(async () => {
    const s = await ready;
    s.setFeatures(settings.value.features ?? DEFAULT_FEATURES);
    publisher.republishAll(s);
  });

  registerHandlers(connection, ready, settings, wac);
  connection.listen();
}

/** The folders of the workspace, as the client named them at start (the root, for old clients). */
function workspaceFoldersOf(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => uriToPath(f.uri));
  if (params.rootUri) return [uriToPath(params.rootUri)];
  return [];
}
