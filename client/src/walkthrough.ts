// The walkthrough (package.json `contributes.walkthroughs`), opened once, beside
// the WIT file that activated the extension. VS Code opens an extension's
// walkthrough by itself only when it is installed from the Extensions view, not
// for a .vsix installed from the command line (as `npm run setup` does), so the
// extension does it on its first activation, under VS Code's own setting for
// that (`workbench.welcomePage.walkthroughs.openOnInstall`). Never again after.
import * as vscode from 'vscode';

/** The walkthrough's id in package.json. */
export const WALKTHROUGH = 'wit-devkit.gettingStarted';
const OPENED_KEY = 'wit.walkthroughOpened';

export function openWalkthroughOnce(context: vscode.ExtensionContext): void {
  if (context.globalState.get<boolean>(OPENED_KEY)) return;
  if (!vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall', true)) return;
  void context.globalState.update(OPENED_KEY, true);
  // `true`: to the side, without taking the focus from the editor (VS Code 1.91 and later).
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH}`, true);
}
