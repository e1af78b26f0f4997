// Language features through the real client, asked the way VS Code asks them
// (the vscode.execute*Provider commands run every registered provider, here the
// language server's). Each is skippable: WIT_E2E_SKIP="hover,definition,...".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { itFeature, openWit, positionOf, replaceText, waitFor, whenServerRunning, workspaceUri } from '../helpers';

/** Asks until the server answers with something (it may still be analysing), within a deadline. */
function answer<T>(what: string, ask: () => Thenable<T | undefined>, isAnswer: (t: T) => boolean): Promise<T> {
  return waitFor(
    what,
    async () => {
      const t = await ask();
      return t !== undefined && t !== null && isAnswer(t) ? t : undefined;
    },
    { timeoutMs: 15_000, pollMs: 300 },
  );
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

function targets(defs: (vscode.Location | vscode.LocationLink)[]): { uri: vscode.Uri; range: vscode.Range }[] {
  return defs.map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetSelectionRange ?? d.targetRange } : d));
}

/** Labels of the server's items: VS Code's word-based suggestions (kind Text) are not its answer. */
function labels(list: vscode.CompletionList): string[] {
  return list.items
    .filter((i) => i.kind !== vscode.CompletionItemKind.Text)
    .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('language features', () => {
  before(() => whenServerRunning());

  itFeature('hover', 'hover on a type shows its name', async () => {
    const { document: doc } = await openWit('app/types.wit');
    const at = positionOf(doc, 'a: point', 3);
    const hovers = await answer(
      'a hover on `point`',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
      (h) => h.length > 0,
    );
    assert.match(hoverText(hovers), /point/);
  });

  itFeature('definition', 'go to definition of an interface in deps/ lands on its declaration', async () => {
    const { document: doc } = await openWit('app/types.wit');
    const depUri = workspaceUri('app/deps/greeter/greeter.wit');
    const dep = await vscode.workspace.openTextDocument(depUri);
    const declaration = positionOf(dep, 'interface greet', 'interface '.length);
    const at = positionOf(doc, 'greet@1.0.0', 1);
    const defs = await answer(
      'a definition of `greet`',
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at),
      (d) => d.length > 0,
    );
    const found = targets(defs);
    assert.ok(
      found.some((t) => t.uri.toString() === depUri.toString() && t.range.contains(declaration)),
      `definitions: ${JSON.stringify(found.map((t) => [vscode.workspace.asRelativePath(t.uri), t.range.start.line]))}`,
    );
  });

  itFeature('definition', 'go to definition of a used type lands on its declaration in deps/', async () => {
    const { document: doc } = await openWit('app/types.wit');
    const depUri = workspaceUri('app/deps/greeter/greeter.wit');
    const dep = await vscode.workspace.openTextDocument(depUri);
    const declaration = positionOf(dep, 'type name', 'type '.length);
    const at = positionOf(doc, 'owner: name', 'owner: '.length + 1);
    const defs = await answer(
      'a definition of `name`',
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at),
      (d) => d.length > 0,
    );
    const found = targets(defs);
    assert.ok(
      found.some((t) => t.uri.toString() === depUri.toString() && t.range.contains(declaration)),
      `definitions: ${JSON.stringify(found.map((t) => [vscode.workspace.asRelativePath(t.uri), t.range.start.line]))}`,
    );
  });

  itFeature('completion', 'completion in a parameter type offers built-in and local types', async () => {
    const { document: doc } = await openWit('app/types.wit');
    const at = positionOf(doc, 'p: point', 'p: '.length);
    const list = await answer(
      'completions in a type position',
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at),
      (l) => labels(l).length > 0,
    );
    const offered = labels(list);
    for (const expected of ['u32', 'string', 'point']) {
      assert.ok(offered.includes(expected), `"${expected}" not offered; got ${offered.slice(0, 40).join(', ')}`);
    }
  });

  itFeature('format', 'Format Document tidies a messy file', async () => {
    const { document: doc } = await openWit('messy/messy.wit');
    const edits = await answer(
      'formatting edits',
      () =>
        vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, {
          tabSize: 2,
          insertSpaces: true,
        }),
      (e) => e.length > 0,
    );
    assert.ok(edits.length > 0);
  });

  itFeature('format', 'format on save rewrites a messy file', async () => {
    const editor = await openWit('messy/messy.wit');
    const doc = editor.document;
    const messy = doc.getText();
    const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'wit' });
    await editorConfig.update('formatOnSave', true, vscode.ConfigurationTarget.Workspace, true);
    try {
      // Saving only formats a changed document: change it as a user would.
      await replaceText(doc, `${messy}\n`);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the save to finish', () => (!doc.isDirty ? true : undefined), { event: vscode.workspace.onDidSaveTextDocument });
    } finally {
      await editorConfig.update('formatOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
    const text = doc.getText();
    assert.notEqual(text.trimEnd(), messy.trimEnd(), 'the file was saved unformatted');
    assert.match(text, /record point \{/);
    assert.ok(!/[ \t]+$/m.test(text), 'formatted text has trailing whitespace');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
    assert.equal(onDisk, text);
  });

  itFeature('rename', 'rename of a record edits every file that uses it', async () => {
    const { document: types } = await openWit('app/types.wit');
    const shapes = await vscode.workspace.openTextDocument(workspaceUri('app/shapes.wit'));
    const originals = [types.getText(), shapes.getText()];
    const at = positionOf(types, 'record point', 'record '.length + 1);
    const edit = await answer(
      'a rename edit',
      () => vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', types.uri, at, 'coord'),
      (e) => e.size > 0,
    );
    const files = edit
      .entries()
      .map(([uri]) => vscode.workspace.asRelativePath(uri))
      .sort();
    assert.deepEqual(files, ['app/shapes.wit', 'app/types.wit']);
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
      // Every use in code is renamed (prose in doc comments is not code).
      const code = types.getText().replace(/\/\/.*$/gm, '');
      assert.ok(!/\bpoint\b/.test(code), `types.wit still says point:\n${types.getText()}`);
      assert.match(code, /record coord \{/);
      assert.match(code, /distance: func\(a: coord, b: coord\)/);
      assert.match(shapes.getText(), /use types\.\{coord\};/);
      assert.match(shapes.getText(), /start: coord,/);
    } finally {
      await replaceText(types, originals[0]);
      await replaceText(shapes, originals[1]);
    }
  });
});
