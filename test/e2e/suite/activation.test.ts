// The extension starts when a .wit file opens, and its server comes up; the
// extension under test is the installed .vsix.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openWit, repoUri, waitFor, whenServerRunning } from '../helpers';

interface ActivationTiming {
  activateMs: number;
  serverReadyMs: number | undefined;
}

describe('activation', () => {
  it('is the installed .vsix, not the repository folder', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
    assert.notEqual(path.resolve(ext.extensionPath), repoUri().fsPath);
    // The .vsix ships bundles, not sources (.vscodeignore).
    assert.ok(existsSync(path.join(ext.extensionPath, 'dist', 'extension.js')), `no dist/extension.js in ${ext.extensionPath}`);
    assert.ok(
      !existsSync(path.join(ext.extensionPath, 'client', 'src')),
      `${ext.extensionPath} holds the client sources: not a packaged extension`,
    );
  });

  it('activates on a .wit file and starts the language server', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
    const editor = await openWit('app/types.wit');
    assert.equal(editor.document.languageId, 'wit');
    // onLanguage:wit activates it; nothing else in the tests calls activate() first.
    await waitFor('the extension to activate', () => ext.isActive || undefined);
    const info = await whenServerRunning();
    assert.ok(info.pid && info.pid > 0);
  });

  it('reports how long activation took', async () => {
    const timing = await waitFor('the server to be ready', async () => {
      const t = await vscode.commands.executeCommand<ActivationTiming>('wit.internal.activationTiming');
      return t?.serverReadyMs !== undefined ? t : undefined;
    });
    // One line the benchmark greps for.
    console.log(`activation: activate() ${timing.activateMs.toFixed(1)} ms, server ready ${timing.serverReadyMs!.toFixed(1)} ms`);
    assert.ok(timing.activateMs < 1000, `activate() took ${timing.activateMs} ms`);
  });
});
