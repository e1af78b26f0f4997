// Bindings generation in the client: the Generate and Preview commands.
import * as vscode from 'vscode';
import type { WitLanguageClient } from '../client';
import { registerGenerateCommand } from './generateCommand';
import { BindingsPreviewProvider, registerPreviewCommand } from './previewProvider';

export function registerBindings(context: vscode.ExtensionContext, client: WitLanguageClient): void {
  context.subscriptions.push(
    registerGenerateCommand(client, context.workspaceState),
    new BindingsPreviewProvider(client),
    registerPreviewCommand(context.workspaceState, client),
  );
}
