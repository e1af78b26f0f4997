// Composition graphs in VS Code: `WIT: Show Composition Graph` (a .wit file's WIT
// graph, or a .wasm file's component graph), `WIT: Show Plug Fit`, `WIT: Show
// Capabilities`, and the read-only .wasm editor.
import * as vscode from 'vscode';
import type { WitLanguageClient } from '../client';
import { WitGraphView } from './witGraphView';
import { ComponentEditorProvider, COMPONENT_EDITOR_VIEW_TYPE } from './componentEditor';
import { showPlugFit, type PlugTarget } from './plugFitCommand';
import { registerCapabilityPages, showCapabilities } from './capabilitiesCommand';
import { shownGraphs } from './shownGraphs';
import { currentWitEditor } from '../witEditor';
import { showWacGraph } from '../wac/index';

export function registerGraphs(context: vscode.ExtensionContext, client: WitLanguageClient): void {
  context.subscriptions.push(
    ComponentEditorProvider.register(context),
    vscode.commands.registerCommand('wit.showCompositionGraph', async (target?: vscode.Uri) => {
      const uri =
        target instanceof vscode.Uri
          ? target
          : (vscode.window.activeTextEditor?.document.uri ?? activeCustomEditorUri() ?? currentWitEditor()?.document.uri);
      if (!uri) {
        void vscode.window.showInformationMessage(
          'Open a .wit file, a .wac composition or a .wasm component to show its composition graph.',
        );
        return;
      }
      if (uri.path.endsWith('.wasm'))
        await vscode.commands.executeCommand('vscode.openWith', uri, COMPONENT_EDITOR_VIEW_TYPE, vscode.ViewColumn.Beside);
      else if (uri.path.toLowerCase().endsWith('.wac')) showWacGraph(context, client, uri);
      else WitGraphView.show(context, client, uri);
    }),
    // From the explorer the clicked .wasm is the consumer; tests pass both sides.
    vscode.commands.registerCommand('wit.showPlugFit', (consumer?: PlugTarget, provider?: PlugTarget) =>
      showPlugFit(context, client, asTarget(consumer), asTarget(provider)),
    ),
    registerCapabilityPages(),
    vscode.commands.registerCommand('wit.showCapabilities', (target?: vscode.Uri) =>
      showCapabilities(target instanceof vscode.Uri ? target : activeCustomEditorUri()),
    ),
    // For the extension-host tests: the graphs the open views show.
    vscode.commands.registerCommand('wit.internal.shownGraphs', () => shownGraphs()),
    vscode.commands.registerCommand('wit.internal.revealGraphNode', (id: string) => WitGraphView.revealNode(String(id))),
  );
}

function asTarget(arg: unknown): PlugTarget | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (
    typeof arg === 'object' &&
    arg !== null &&
    typeof (arg as { world?: unknown }).world === 'string' &&
    typeof (arg as { witDir?: unknown }).witDir === 'string'
  ) {
    return arg as PlugTarget;
  }
  return undefined;
}

function activeCustomEditorUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input.uri : undefined;
}
