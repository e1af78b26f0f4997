// Bindings in a real VS Code: the Generate command writes the files and opens
// the world's own file; unsaved edits are generated; the preview follows the
// WIT as it is edited and keeps the last good bindings while it has errors.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { itFeature, openWit, replaceText, waitFor, whenServerRunning, workspaceUri } from '../helpers';

interface GenerationResult {
  outDir: vscode.Uri;
  files: vscode.Uri[];
  opened?: vscode.Uri;
}

const decoder = new TextDecoder();
async function read(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

describe('bindings', () => {
  let typesDoc: vscode.TextDocument;
  let original: string;

  before(async () => {
    typesDoc = (await openWit('app/types.wit')).document;
    original = typesDoc.getText();
    await whenServerRunning();
  });

  after(async () => {
    await replaceText(typesDoc, original);
    await typesDoc.save();
  });

  itFeature('bindings', 'Generate Bindings writes TypeScript guest declarations and opens the world file', async () => {
    const world = workspaceUri('app/world.wit');
    const result = await vscode.commands.executeCommand<GenerationResult>('wit.generateBindings', world, { language: 'typescript-guest' });
    assert.ok(result, 'the command generated nothing');
    assert.equal(result.outDir.toString(), workspaceUri('app/bindings/ts-guest').toString());
    assert.equal(result.opened?.toString(), workspaceUri('app/bindings/ts-guest/app.d.ts').toString());
    await waitFor(
      'the world file to be the active editor',
      () => vscode.window.activeTextEditor?.document.uri.toString() === result.opened!.toString() || undefined,
    );
    assert.match(vscode.window.activeTextEditor!.document.getText(), /declare module 'example:app\/app@0\.1\.0' \{/);
    const types = await read(workspaceUri('app/bindings/ts-guest/interfaces/example-app-types.d.ts'));
    assert.match(types, /export function distance\(a: Point, b: Point\): number;/);
  });

  itFeature('bindings', 'from the explorer, a folder stands for its package (host declarations)', async () => {
    const folder = workspaceUri('app');
    const result = await vscode.commands.executeCommand<GenerationResult>('wit.generateBindings', folder, [folder], {
      language: 'typescript-host',
    });
    assert.ok(result);
    assert.equal(result.opened?.toString(), workspaceUri('app/bindings/ts-host/app.d.ts').toString());
    assert.match(await read(result.opened!), /^\/\/ world example:app\/app@0\.1\.0$/m);
  });

  itFeature('bindings', 'an unsaved edit is what gets generated', async () => {
    await replaceText(typesDoc, original.replace('distance: func(', 'midpoint: func(a: point, b: point) -> point;\n  distance: func('));
    assert.ok(typesDoc.isDirty);
    const result = await vscode.commands.executeCommand<GenerationResult>('wit.generateBindings', typesDoc.uri, {
      language: 'typescript-guest',
    });
    assert.ok(result);
    const types = await read(workspaceUri('app/bindings/ts-guest/interfaces/example-app-types.d.ts'));
    assert.match(types, /export function midpoint\(a: Point, b: Point\): Point;/);
  });

  itFeature('bindings', 'Preview Bindings follows the WIT and keeps the last good bindings while it has errors', async () => {
    await vscode.window.showTextDocument(typesDoc);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('wit.previewBindings', typesDoc.uri, { language: 'typescript-host' });
    assert.ok(uri);
    const preview = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    await waitFor('the preview to show the world file', () => preview()?.getText().startsWith('// ---- app.d.ts ----') || undefined);
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()),
      'the preview is visible',
    );

    await replaceText(
      typesDoc,
      typesDoc.getText().replace('distance: func(', 'scale: func(p: point, by: u32) -> point;\n  distance: func('),
    );
    await waitFor(
      'the preview to show the new function',
      () => /export function scale\(p: Point, by: number\): Point;/.test(preview()?.getText() ?? '') || undefined,
      { event: vscode.workspace.onDidChangeTextDocument },
    );

    await replaceText(
      typesDoc,
      typesDoc.getText().replace('scale: func(p: point, by: u32) -> point;', 'scale: func(p: point, by: u32) -> ;'),
    );
    const stale = await waitFor(
      'the preview to say the WIT has errors',
      () => {
        const text = preview()?.getText() ?? '';
        return text.startsWith('// The WIT has errors') ? text : undefined;
      },
      { event: vscode.workspace.onDidChangeTextDocument },
    );
    assert.match(stale, /^\/\/ {3}types\.wit:\d+:\d+: /m);
    assert.match(stale, /export function scale\(p: Point, by: number\): Point;/, 'the last good bindings stay');
  });
});
