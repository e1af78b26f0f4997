// The commands of the command palette, run as the user runs them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { itFeature, openWit, replaceText, waitFor, whenServerRunning } from '../helpers';

/** Runs a show-view command and waits for the read-only document it opens. */
async function showView(command: string, check: (text: string) => boolean): Promise<vscode.TextDocument> {
  const doc = await vscode.commands.executeCommand<vscode.TextDocument>(command);
  assert.ok(doc, `${command} opened no document`);
  assert.equal(doc.uri.scheme, 'wit-view');
  assert.ok(
    vscode.window.visibleTextEditors.some((e) => e.document === doc),
    `${command}: the document is not shown`,
  );
  // The text comes from the server; it can change as the server finishes analysing.
  await waitFor(`${command} to show the expected text`, () => check(doc.getText()) || undefined, { timeoutMs: 10_000 }).catch((e: Error) =>
    assert.fail(`${e.message}; it shows:\n${doc.getText().slice(0, 800)}`),
  );
  return doc;
}

describe('commands', () => {
  before(() => whenServerRunning());

  it('are listed in the command palette under "WIT"', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['wit.restartServer', 'wit.showSyntaxTree', 'wit.showResolvedPackage']) {
      assert.ok(all.includes(id), `${id} is not registered`);
    }
  });

  it('WIT: Show Syntax Tree opens the tree of the active file', async () => {
    await openWit('app/types.wit');
    const doc = await showView('wit.showSyntaxTree', (t) => t.includes('source_file'));
    assert.match(doc.getText(), /record/);
  });

  it('WIT: Show Syntax Tree follows edits of the file', async () => {
    const editor = await openWit('app/shapes.wit');
    const tree = await showView('wit.showSyntaxTree', (t) => t.includes('source_file'));
    const before = tree.getText();
    const original = editor.document.getText();
    await replaceText(editor.document, `${original}interface extra {}\n`);
    await waitFor('the syntax tree to refresh', () => (tree.getText() !== before ? true : undefined), {
      event: vscode.workspace.onDidChangeTextDocument,
    });
    assert.match(tree.getText(), /extra/);
    // Leave the fixture as it was for the other suites.
    await replaceText(editor.document, original);
  });

  itFeature('resolvedPackage', 'WIT: Show Resolved Package lists the declarations of the package', async () => {
    await openWit('app/types.wit');
    await showView('wit.showResolvedPackage', (t) => t.includes('point') && t.includes('shapes'));
  });

  it('show an explanation when no WIT file is active', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('wit.showSyntaxTree');
    assert.equal(doc, undefined);
  });

  it('WIT: Restart Language Server starts a new server process', async () => {
    await openWit('app/types.wit');
    const before = await whenServerRunning();
    await vscode.commands.executeCommand('wit.restartServer');
    const after = await whenServerRunning(before.pid);
    assert.notEqual(after.pid, before.pid);
  });
});
