// `WIT: Compare Package With…`: the package of the active WIT file against a
// git ref or another folder, classified for importers and exporters, shown as
// a Markdown preview whose links open each item on both sides. The server
// computes it (`wit/comparePackage`); this only asks what to compare with.
import * as vscode from 'vscode';
import { ComparePackageRequest, type ComparePackageParams } from '../../common/protocol';
import type { WitLanguageClient } from './client';

export async function comparePackageCommand(client: WitLanguageClient): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'wit') {
    void vscode.window.showInformationMessage('Open a .wit file of the package to compare first.');
    return;
  }
  const configured = vscode.workspace.getConfiguration('wit', doc.uri).get<string>('compatibility.base', '');
  const pick = await vscode.window.showQuickPick(
    [
      {
        label: 'Git ref…',
        description: configured ? `wit.compatibility.base is ${configured}` : 'a branch, tag or commit',
        target: 'ref' as const,
      },
      { label: 'Folder…', description: 'another version of the package on disk', target: 'folder' as const },
    ],
    { title: 'Compare the package with' },
  );
  if (!pick) return;
  let base: ComparePackageParams['base'];
  if (pick.target === 'ref') {
    const ref = await vscode.window.showInputBox({
      title: 'Compare with git ref',
      value: configured || 'HEAD',
      prompt: 'A branch, tag or commit',
    });
    if (!ref) return;
    base = { kind: 'ref', ref };
  } else {
    const [folder] =
      (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'The other version of the package' })) ??
      [];
    if (!folder) return;
    base = { kind: 'folder', path: folder.fsPath };
  }
  const { markdown } = await client.sendRequest(ComparePackageRequest, { uri: doc.uri.toString(), base });
  const view = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', view.uri);
}
