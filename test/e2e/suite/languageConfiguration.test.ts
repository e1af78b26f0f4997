// language-configuration.json as the editor applies it while the user types:
// doc comments continue on Enter, braces indent, `<` closes, comments toggle,
// and a word includes `-` and a leading `%`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** A fresh untitled WIT editor holding `text`, cursor at the end. */
async function editorWith(text: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'wit', content: text });
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.positionAt(text.length);
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

/** Types as the keyboard does: through the `type` command, so typing rules apply. */
async function type(text: string): Promise<void> {
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

describe('language configuration', () => {
  // Close the untitled editors only at the end: a closed untitled document's
  // name is reused at once, while the extension host may still hold the old one.
  after(async () => {
    while (vscode.window.activeTextEditor?.document.isUntitled) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('Enter after a /// doc comment continues it', async () => {
    const editor = await editorWith('interface a {\n  /// Says hello.');
    await type('\n');
    assert.equal(editor.document.lineAt(2).text, '  /// ');
  });

  it('Enter between braces indents the new line', async () => {
    const editor = await editorWith('interface a {}');
    editor.options = { tabSize: 2, insertSpaces: true };
    editor.selection = new vscode.Selection(0, 13, 0, 13);
    await type('\n');
    assert.deepEqual(editor.document.getText().split('\n'), ['interface a {', '  ', '}']);
  });

  it('typing { and < closes them', async () => {
    const editor = await editorWith('interface a ');
    await type('{');
    assert.equal(editor.document.getText(), 'interface a {}');
    const list = await editorWith('type l = list');
    await type('<');
    assert.equal(list.document.getText(), 'type l = list<>');
  });

  it('Toggle Line Comment uses //', async () => {
    const editor = await editorWith('type a = u32;');
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(editor.document.getText(), '// type a = u32;');
  });

  it('words include - and a leading %', async () => {
    const editor = await editorWith('import wasi:http/incoming-handler@0.2.0;\ntype %stream = u8;');
    const doc = editor.document;
    const word = (line: number, ch: number) => doc.getText(doc.getWordRangeAtPosition(new vscode.Position(line, ch)));
    assert.equal(word(0, 20), 'incoming-handler');
    assert.equal(word(1, 7), '%stream');
  });
});
