// Packages in a real VS Code, the way a user meets them: a WIT package that
// uses one from a registry shows "package not found", and the WIT Packages view
// lists the workspace's packages with that dependency flagged missing; the
// package is published by a `wasm-component` publish task kept in tasks.json
// (WIT: Publish Package…), to a real OCI registry on 127.0.0.1 started here;
// the "Fetch WIT dependencies" quick fix runs the real wkg, the problem clears
// by itself and the view shows the version and the registry it came from.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, repoPath, waitFor, waitForDiagnostics, workspaceUri } from '../helpers';
import { writeTasks } from '../tasksHelpers';
import { liveMocha } from '../../live';
import { startRegistry, type RunningRegistry } from '../../live/registryServer';

interface ShownItem {
  label: string;
  description?: string;
  contextValue?: string;
  children: ShownItem[];
}

interface RegistryTaskResult {
  ok: boolean;
  message: string;
}

const appWit = () => workspaceUri('registry/app/wit/app.wit');
const shownTree = () => vscode.commands.executeCommand<ShownItem[]>('wit.internal.packagesTree');
const isUnknownPackage = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-package';

describe('WIT packages from a registry', function () {
  let reg: RunningRegistry | undefined;
  const saved: Record<string, string | undefined> = {};
  const scratch = mkdtempSync(path.join(tmpdir(), 'wit-e2e-packages-'));

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    cpSync(repoPath('test/fixtures/packages/shapes'), workspaceUri('registry/shapes').fsPath, { recursive: true });
    cpSync(repoPath('test/fixtures/packages/app'), workspaceUri('registry/app').fsPath, { recursive: true });
    writeTasks([{ type: 'wasm-component', action: 'publish', wit: 'registry/shapes/wit', label: 'publish shapes', problemMatcher: [] }]);
  });

  after(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await reg?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** The "package not found" of devkit:shapes in app.wit, once the server reports it. */
  async function missingShapes(): Promise<vscode.Diagnostic> {
    const doc = await vscode.workspace.openTextDocument(appWit());
    await vscode.window.showTextDocument(doc);
    const found = await waitForDiagnostics(appWit(), 'package not found for devkit:shapes', (d) => d.some(isUnknownPackage));
    return found.filter(isUnknownPackage)[0];
  }

  it('flags the missing package in Problems and in the WIT Packages view', async () => {
    await missingShapes();

    const flagged = await waitFor('the WIT Packages view to list devkit:app with devkit:shapes missing', async () => {
      const app = (await shownTree()).find((p) => p.label === 'devkit:app@0.1.0');
      return app?.children.find((d) => d.label === 'devkit:shapes@0.1.0' && d.contextValue === 'witDependency.missing') ? app : undefined;
    });
    assert.match(flagged.description ?? '', /registry\/app\/wit · 1 to fetch/);
    assert.equal(flagged.children.find((d) => d.label === 'devkit:shapes@0.1.0')?.description, 'missing: not under deps/');
    assert.ok(
      (await shownTree()).some((p) => p.label === 'devkit:shapes@0.1.0'),
      'the package to publish is listed too',
    );
  });

  it('publishes the package by its kept task, and the fetch quick fix clears the problem and the flag', async function () {
    const tools = liveMocha(this, ['wkg', 'registry']);
    reg = await startRegistry(tools.registry, 'devkit');
    // The extension host is this process: wkg, started by the extension, reads the test registry's config
    // (devkit: -> 127.0.0.1) and a cache of its own, never the user's.
    for (const key of ['WKG_CONFIG_FILE', 'WKG_CACHE_DIR', 'DOCKER_CONFIG']) saved[key] = process.env[key];
    process.env.WKG_CONFIG_FILE = reg.wkgConfig;
    process.env.WKG_CACHE_DIR = path.join(scratch, 'wkg-cache');
    process.env.DOCKER_CONFIG = path.join(scratch, 'docker');
    const missing = await missingShapes();

    // WIT: Publish Package… on the folder: the tasks.json entry is reused, nothing is asked.
    const published = await vscode.commands.executeCommand<RegistryTaskResult>('wit.packages.publish', workspaceUri('registry/shapes/wit'));
    assert.ok(published?.ok, published?.message);
    assert.equal(published.message, `Published devkit:shapes@0.1.0 to registry ${reg!.host}.`);

    // The quick fix the user picks on the diagnostic.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', appWit(), missing.range);
    const fetch = actions.find((a) => a.title === 'Fetch WIT dependencies (wkg fetch)');
    assert.ok(fetch?.command, `offered: ${actions.map((a) => a.title).join(', ')}`);
    await vscode.commands.executeCommand(fetch.command.command, ...(fetch.command.arguments ?? []));

    await waitForDiagnostics(appWit(), 'no package-not-found left', (d) => !d.some(isUnknownPackage));
    const resolved = await waitFor('the view to show devkit:shapes resolved', async () =>
      (await shownTree())
        .find((p) => p.label === 'devkit:app@0.1.0')
        ?.children.find((d) => d.label === 'devkit:shapes@0.1.0' && d.contextValue === 'witDependency.resolved'),
    );
    assert.equal(resolved.description, `0.1.0 from ${reg!.host}`);
  });
});
