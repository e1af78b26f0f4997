// Packages in a real VS Code, the way a user meets them: a WIT package that
// uses one from a registry shows "package not found", and the WIT Packages view
// lists the workspace's packages with that dependency flagged missing; the
// package is published by a `wasm-component` publish task kept in tasks.json
// (WIT: Publish Package…), to a real OCI registry on 127.0.0.1 started here;
// the "Fetch WIT dependencies" quick fix runs the real wkg, the problem clears
// by itself and the view shows the version and the registry it came from. A
// built component's publish asks its package name once (proposed from the WIT
// beside it) and the registry, keeps both in tasks.json, and asks nothing the
// second time; wkg get gives the component back byte-identical.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
/** `p`, or a failure after 40 s saying which tasks VS Code was running then (rather than mocha's bare timeout). */
async function settled<T>(what: string, p: Thenable<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const running = vscode.tasks.taskExecutions.map((e) => e.task.name).join(', ') || 'none';
      reject(new Error(`${what} did not finish in 40 s; tasks running: ${running}`));
    }, 40_000);
  });
  try {
    return await Promise.race([Promise.resolve(p), late]);
  } finally {
    clearTimeout(timer);
  }
}

const isUnknownPackage = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-package';

describe('WIT packages from a registry', function () {
  let reg: RunningRegistry | undefined;
  const saved: Record<string, string | undefined> = {};
  const scratch = mkdtempSync(path.join(tmpdir(), 'wit-e2e-packages-'));

  before(async function () {
    this.timeout(150_000);
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    cpSync(repoPath('test/fixtures/packages/shapes'), workspaceUri('registry/shapes').fsPath, { recursive: true });
    cpSync(repoPath('test/fixtures/packages/app'), workspaceUri('registry/app').fsPath, { recursive: true });
    writeTasks([{ type: 'wasm-component', action: 'publish', wit: 'registry/shapes/wit', label: 'publish shapes', problemMatcher: [] }]);
    // Every task provider answers once before a task runs: right after start-up, the first executeTask of a
    // session waits on them (in code-server here it was seen to wait past 40 s), and that is not what is tested.
    const started = Date.now();
    await vscode.tasks.fetchTasks();
    console.log(`task providers answered after ${Date.now() - started} ms`);
  });

  after(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await reg?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** The test registry (started once), and wkg pointed at it. */
  async function useRegistry(ctx: Mocha.Context): Promise<{ registry: RunningRegistry; wkg: string }> {
    const tools = liveMocha(ctx, ['wkg', 'registry']);
    if (!reg) {
      reg = await startRegistry(tools.registry, 'devkit');
      // The extension host is this process: wkg, started by the extension, reads the test registry's config
      // (devkit: -> 127.0.0.1) and a cache of its own, never the user's.
      for (const key of ['WKG_CONFIG_FILE', 'WKG_CACHE_DIR', 'DOCKER_CONFIG']) saved[key] = process.env[key];
      process.env.WKG_CONFIG_FILE = reg.wkgConfig;
      process.env.WKG_CACHE_DIR = path.join(scratch, 'wkg-cache');
      process.env.DOCKER_CONFIG = path.join(scratch, 'docker');
    }
    return { registry: reg, wkg: tools.wkg };
  }

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
    await useRegistry(this);
    const missing = await missingShapes();

    // WIT: Publish Package… on the folder: the tasks.json entry is reused, nothing is asked.
    const published = await settled(
      'WIT: Publish Package… of registry/shapes/wit',
      vscode.commands.executeCommand<RegistryTaskResult>('wit.packages.publish', workspaceUri('registry/shapes/wit')),
    );
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

  it('publishes a built component: asks its name (proposed from the WIT beside it) and the registry once, keeps them in tasks.json', async function () {
    const { registry, wkg } = await useRegistry(this);
    const dir = workspaceUri('registry/adder').fsPath;
    mkdirSync(path.join(dir, 'wit'), { recursive: true });
    writeFileSync(
      path.join(dir, 'wit', 'adder.wit'),
      'package devkit:adder@0.1.0;\n\nworld adder {\n  export add: func(a: s32, b: s32) -> s32;\n}\n',
    );
    cpSync(repoPath('test/fixtures/components/adder.wasm'), path.join(dir, 'adder.wasm'));
    const prompt = async () => (await vscode.commands.executeCommand<{ asking?: string; prompts: number }>('wit.internal.registryPrompt'))!;
    const before = (await prompt()).prompts;
    // Accept (Enter) until the question goes: an accept sent before the input has rendered is lost.
    // The publish ending before its question shows fails at once, saying how it ended.
    // A timeout says how far the publish got: whether any question was put (prompts) and that it is still running.
    const answer = async (question: string, publishing: Thenable<unknown>) => {
      const started = Date.now();
      const asked = prompt().then((p) => p.prompts);
      await Promise.race([
        waitFor(`the ${question} question`, async () => ((await prompt()).asking === question ? true : undefined)).catch(
          async (e: Error) => {
            const now = await prompt();
            throw new Error(
              `${e.message}; questions put since: ${now.prompts - (await asked)}, on screen: ${now.asking ?? 'none'}, publish still running after ${Date.now() - started} ms`,
            );
          },
        ),
        Promise.resolve(publishing).then((r) => assert.fail(`the publish ended before asking its ${question}: ${JSON.stringify(r)}`)),
      ]);
      await waitFor(
        `the ${question} question to be answered`,
        async () => {
          if ((await prompt()).asking !== question) return true;
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          return undefined;
        },
        { pollMs: 500 },
      );
    };
    const first = vscode.commands.executeCommand<RegistryTaskResult>('wit.packages.publish', vscode.Uri.file(path.join(dir, 'adder.wasm')));
    await answer('package', first); // proposed: devkit:adder@0.1.0, from wit/ beside it
    await answer('registry', first); // proposed: the registry wkg's config names for devkit:
    const published = await settled('WIT: Publish Package… of adder.wasm', first);
    assert.ok(published?.ok, published?.message);
    assert.equal(published.message, `Published devkit:adder@0.1.0 to registry ${registry.host} (${registry.host}/devkit/adder:0.1.0).`);
    const kept = (JSON.parse(readFileSync(workspaceUri('.vscode/tasks.json').fsPath, 'utf8')) as { tasks: Array<Record<string, unknown>> })
      .tasks;
    assert.deepEqual(
      kept.find((t) => t.action === 'publish' && t.file === 'registry/adder/adder.wasm'),
      {
        type: 'wasm-component',
        action: 'publish',
        file: 'registry/adder/adder.wasm',
        package: 'devkit:adder@0.1.0',
        label: 'wkg: publish adder.wasm as devkit:adder@0.1.0',
        problemMatcher: [],
      },
    );
    // Again: nothing is asked.
    const again = await settled(
      'the second publish of adder.wasm',
      vscode.commands.executeCommand<RegistryTaskResult>('wit.packages.publish', vscode.Uri.file(path.join(dir, 'adder.wasm'))),
    );
    assert.ok(again?.ok, again?.message);
    assert.equal((await prompt()).prompts, before + 2);
    // What a consumer gets by the package name: the same bytes.
    const got = path.join(scratch, 'got.wasm');
    execFileSync(wkg, ['get', 'devkit:adder@0.1.0', '--overwrite', '-o', got], { env: process.env, stdio: 'pipe' });
    assert.ok(readFileSync(got).equals(readFileSync(path.join(dir, 'adder.wasm'))), 'wkg get gave other bytes');
  });
});
