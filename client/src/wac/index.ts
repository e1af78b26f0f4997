// WAC documents in VS Code: `WIT: Compose` and its `wac` tasks, `WIT: Plug Components`, and the composition graph
// of a .wac document (`WIT: Show Composition Graph` on one comes here). Diagnostics and
// symbols come from the language server (server/src/wac), which gets .wac documents only
// in a trusted workspace.
import * as vscode from 'vscode';
import type { WitLanguageClient } from '../client';
import { WacGraphView } from './wacGraphView';
import { WacTaskProvider, composeCommand } from './wacCompose';
import { WAC_TASK_TYPE } from './wacTask';
import { plugCommand } from './plugCommand';

export function registerWac(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(WAC_TASK_TYPE, new WacTaskProvider()),
    vscode.commands.registerCommand('wit.compose', (target?: unknown) => composeCommand(target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('wit.plugComponents', (target?: unknown) =>
      plugCommand(target instanceof vscode.Uri ? target : undefined),
    ),
    vscode.commands.registerCommand('wit.internal.revealWacGraphNode', (id: string) => WacGraphView.revealNode(String(id))),
  );
}

/** The composition graph of a .wac document (from wit.showCompositionGraph). */
export function showWacGraph(context: vscode.ExtensionContext, client: WitLanguageClient, uri: vscode.Uri): void {
  WacGraphView.show(context, client, uri);
}
