// What the user is told when generation fails: the WIT's own errors (with a
// way to the first one), a tool missing, too old or failing with its install
// command and a button to its setting, or the generator's message.
import * as vscode from 'vscode';

interface ErrorData {
  kind?: string;
  diagnostics?: Array<{ uri: string; range: { start: { line: number; character: number } } }>;
  /** toolMissing: the setting that points at another tool. */
  setting?: string;
}

export function errorData(e: unknown): ErrorData {
  const data = (e as { data?: unknown })?.data;
  return data && typeof data === 'object' ? (data as ErrorData) : {};
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function showGenerationError(e: unknown): Promise<void> {
  const data = errorData(e);
  const message = errorMessage(e);
  if (data.kind === 'witErrors' && data.diagnostics?.length) {
    const first = data.diagnostics[0];
    const choice = await vscode.window.showErrorMessage(message, 'Go to Error');
    if (choice) {
      const pos = new vscode.Position(first.range.start.line, first.range.start.character);
      await vscode.window.showTextDocument(vscode.Uri.parse(first.uri), { selection: new vscode.Range(pos, pos) });
    }
    return;
  }
  if (data.kind === 'toolMissing' && data.setting) {
    // Missing, too old or failing: the message says which and why; the button opens the setting.
    if (await vscode.window.showErrorMessage(message, 'Set Path'))
      await vscode.commands.executeCommand('workbench.action.openSettings', data.setting);
    return;
  }
  await vscode.window.showErrorMessage(message);
}
