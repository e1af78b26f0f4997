// The `wit.*` commands of the language client. The ones under wit.internal.*
// are not in the command palette: tests and the benchmark ask them about the
// running extension (server state and pid, activation timing).
import * as vscode from 'vscode';
import type { WitLanguageClient } from './client';
import { viewUri, viewSource, type ViewKind } from './serverViews';
import { comparePackageCommand } from './compareCommand';

export interface ActivationTiming {
  /** Duration of activate() itself, in milliseconds. */
  activateMs: number;
  /** From the start of activate() until the server answered `initialize`; undefined until then. */
  serverReadyMs: number | undefined;
}

export function registerCommands(client: WitLanguageClient, timing: () => ActivationTiming): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('wit.restartServer', () => client.restart()),
    vscode.commands.registerCommand('wit.showSyntaxTree', () => showView('syntaxTree')),
    vscode.commands.registerCommand('wit.showResolvedPackage', () => showView('resolvedPackage')),
    vscode.commands.registerCommand('wit.comparePackage', () => comparePackageCommand(client)),
    vscode.commands.registerCommand('wit.showOutput', () => client.output.show(true)),
    vscode.commands.registerCommand('wit.internal.serverInfo', () => ({ state: client.serverState, pid: client.serverPid })),
    vscode.commands.registerCommand('wit.internal.activationTiming', timing),
  ];
}

/** Opens the server's view of the active WIT file beside it; returns the view's document. */
async function showView(kind: ViewKind): Promise<vscode.TextDocument | undefined> {
  const source = activeWitFile();
  if (!source) {
    void vscode.window.showInformationMessage('Open a .wit file first: this command shows what the language server made of it.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(viewUri(kind, source));
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  return doc;
}

/** The WIT file of the active editor, also when the active editor is one of its views. */
function activeWitFile(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) return undefined;
  const source = viewSource(doc.uri);
  if (source) return source;
  return doc.languageId === 'wit' ? doc.uri : undefined;
}
