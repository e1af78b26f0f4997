// The WIT editor the status item and the WIT commands act on: the active editor
// when it shows a WIT file; when the focus is in something that is not a text
// editor (the walkthrough, a graph, a component view), the WIT editor visible
// beside it, so that a walkthrough button or a glance at the status bar still
// means the file on the screen.
import * as vscode from 'vscode';

export function currentWitEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active) return active.document.languageId === 'wit' ? active : undefined;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'wit');
}
