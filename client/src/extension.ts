// Extension entry: wires the language client, commands, status bar and views.
// activate() does not wait for the server to be ready, so opening a .wit file
// is never held up by the server's start; features arrive once it answers.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { WitLanguageClient } from './client';
import { registerCommands, type ActivationTiming } from './commands';
import { WitStatusBar } from './statusBar';
import { ServerViewProvider } from './serverViews';
import { registerBindings } from './bindings/index';
import { registerTasks } from './tasks/index';
import { registerDebugging } from './debug/index';
import { registerGraphs } from './graph/index';
import { registerWac } from './wac/index';
import { registerPackages } from './packages/index';
import { openWalkthroughOnce } from './walkthrough';

let client: WitLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const timing: ActivationTiming = { activateMs: 0, serverReadyMs: undefined };

  const output = vscode.window.createOutputChannel('WIT Language Server', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  client = new WitLanguageClient(serverModule, output);

  context.subscriptions.push(
    output,
    client,
    new ServerViewProvider(client),
    new WitStatusBar(client),
    ...registerCommands(client, () => ({ ...timing })),
  );
  registerBindings(context, client);
  registerTasks(context);
  registerDebugging(context);
  registerGraphs(context, client);
  registerWac(context);
  registerPackages(context, (uris) => client?.notifyFilesCreated(uris));
  openWalkthroughOnce(context);
  // WAC documents are checked by running wac: the server gets them once the workspace is trusted.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.enableWac()));

  client.start().then(
    () => {
      timing.serverReadyMs = performance.now() - started;
      output.info(`activate() took ${timing.activateMs.toFixed(1)} ms; server ready after ${timing.serverReadyMs.toFixed(1)} ms`);
    },
    (e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      output.error(`The WIT language server did not start: ${why}`);
      void vscode.window.showErrorMessage(`The WIT language server did not start: ${why}`, 'Show Output').then((choice) => {
        if (choice) output.show(true);
      });
    },
  );
  timing.activateMs = performance.now() - started;
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
