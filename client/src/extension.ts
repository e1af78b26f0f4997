// Extension entry: starts the WIT language server. (Grows into the full client.)
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  client = new LanguageClient('wit', 'WIT Language Server', serverOptions, {
    documentSelector: [{ language: 'wit' }],
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
