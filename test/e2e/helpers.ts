// Shared helpers of the extension-host tests: find fixture files, open them,
// and wait for what the user would see (diagnostics, server answers) with an
// event-driven wait bounded by a deadline, never a blind sleep.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'wit-devkit.wit-devkit';

/**
 * A file of the repository the tests were built from (test fixtures, the
 * component .wasm files). Not the extension's folder: the extension under test
 * is the installed .vsix, which ships no tests or fixtures.
 */
export function repoUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.file(repoPath(...segments));
}

/** repoUri as a file system path. */
export function repoPath(...segments: string[]): string {
  // The compiled tests live in <repo>/out/test/e2e[/suite]: the first folder above with a package.json.
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, ...segments);
}

/** Features whose tests can be skipped with WIT_E2E_SKIP="hover,definition,...". */
export function skipped(feature: string): boolean {
  return (process.env.WIT_E2E_SKIP ?? '')
    .split(',')
    .map((s) => s.trim())
    .includes(feature);
}

/** `it`, or `it.skip` when the feature is listed in WIT_E2E_SKIP. */
export function itFeature(feature: string, title: string, fn: () => Promise<void>): Mocha.Test {
  return skipped(feature) ? it.skip(`${title} [skipped by WIT_E2E_SKIP]`, fn) : it(title, fn);
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openWit(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export interface ServerInfo {
  state: string;
  pid: number | undefined;
}

export async function serverInfo(): Promise<ServerInfo> {
  return (await vscode.commands.executeCommand<ServerInfo>('wit.internal.serverInfo'))!;
}

/** Activates the extension (if needed) and waits until its server runs. */
export async function whenServerRunning(previousPid?: number): Promise<ServerInfo> {
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  return waitFor(
    'the WIT language server to run',
    async () => {
      const info = await serverInfo();
      return info.state === 'running' && info.pid !== undefined && info.pid !== previousPid ? info : undefined;
    },
    { timeoutMs: 30_000 },
  );
}

export interface WaitOptions {
  /** Re-check when this event fires (besides the polling). */
  event?: vscode.Event<unknown>;
  timeoutMs?: number;
  /** Polling interval: a safety net for changes no event reports. */
  pollMs?: number;
}

/** Resolves with the first truthy result of `check`, re-checked on `event` and by polling; rejects at the deadline. */
export function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, options: WaitOptions = {}): Promise<T> {
  const { event, timeoutMs = 20_000, pollMs = 250 } = options;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let lastError: unknown;
    const cleanup = () => {
      done = true;
      clearTimeout(timer);
      clearInterval(poll);
      listener?.dispose();
    };
    const attempt = async () => {
      if (done) return;
      try {
        const value = await check();
        if (value !== undefined && value !== false && !done) {
          cleanup();
          resolve(value);
        }
      } catch (e) {
        lastError = e;
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`));
    }, timeoutMs);
    const poll = setInterval(() => void attempt(), pollMs);
    const listener = event?.(() => void attempt());
    void attempt();
  });
}

/** Waits until the diagnostics of `uri` satisfy `accept`, woken by onDidChangeDiagnostics. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (d: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    `diagnostics of ${vscode.workspace.asRelativePath(uri)}: ${what}`,
    () => {
      const d = vscode.languages.getDiagnostics(uri);
      return accept(d) ? d : undefined;
    },
    { event: vscode.languages.onDidChangeDiagnostics, timeoutMs },
  );
}

/** Replaces the whole text of `doc` through a WorkspaceEdit, as an editing user would. */
export async function replaceText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

/** The position of the `occurrence`-th `needle` in `doc` (plus `offset` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0, occurrence = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${i + 1}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + offset);
}
