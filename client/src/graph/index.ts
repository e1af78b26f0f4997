// Composition graphs in VS Code: `WIT: Show Composition Graph` (a .wit file's WIT
// graph, or a .wasm file's component graph), `WIT: Show Plug Fit`, and the
// read-only .wasm editor.
import * as vscode from 'vscode';
import type { WitLanguageClient } from '../client';
import { WitGraphView } from './witGraphView';
import { ComponentEditorProvider, COMPONENT_EDITOR_VIEW_TYPE } from './componentEditor';
import { showPlugFit } from './plugFitCommand';
import { shownGraphs } from './shownGraphs';

export function registerGraphs(context: vscode.ExtensionContext, client: WitLanguageClient): void {
  context.subscriptions.push(
    ComponentEditorProvider.register(context),
    vscode.commands.registerCommand('wit.showCompositionGraph', async (target?: vscode.Uri) => {
      const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri ?? activeCustomEditorUri();
      if (!uri) {
        void vscode.window.showInformationMessage('Open a .wit file or a .wasm component to show its composition graph.');
        return;
      }
      if (uri.path.endsWith('.wasm')) await vscode.commands.executeCommand('vscode.openWith', uri, COMPONENT_EDITOR_VIEW_TYPE, vscode.ViewColumn.Beside);
      else WitGraphView.show(context, client, uri);
    }),
    vscode.commands.registerCommand('wit.showPlugFit', (consumer?: vscode.Uri, provider?: vscode.Uri) =>
      showPlugFit(context, consumer instanceof vscode.Uri ? consumer : undefined, provider instanceof vscode.Uri ? provider : undefined)),
    // For the extension-host tests: the graphs the open views show.
    vscode.commands.registerCommand('wit.internal.shownGraphs', () => shownGraphs()),
  );
}

function activeCustomEditorUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input.uri : undefined;
}
