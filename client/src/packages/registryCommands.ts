// `WIT: Publish Package…`, `WIT: Push Component to OCI Registry…` and `WIT:
// Pull from Registry…`: each runs a `wasm-component` publish, push or pull task.
// What a task needs and the workspace does not say (the package name and
// version of a built component, a registry wkg's config does not name, an OCI
// reference, where a pull goes) is asked once and kept in .vscode/tasks.json, so
// the next run (and Run Task) asks nothing, as WIT: Compose keeps its output.
// A progress notification with Cancel follows the run (Cancel stops wkg); the
// end says what was done, or what failed naming the registry and the package.
// Refused in an untrusted workspace. No credentials are asked for or kept:
// wkg reads them from its config, docker's config.json or the environment.
import * as os from 'node:os';
import * as path from 'node:path';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { requireTrust } from '../tasks/toolSettings';
import { createTask } from '../tasks/taskProvider';
import { TASK_TYPE } from '../tasks/taskDefinition';
import { parsePackageSpec, parseRegistryTask, registryTaskLabel, type RegistryTask } from '../tasks/registryTask';
import { onDidFinishRegistryTask, registryTaskKey, type RegistryTaskResult } from '../tasks/registryTerminal';
import {
  defaultPackageSpec,
  defaultPush,
  insecureFor,
  offeredPublishTasks,
  rememberedPublish,
  rememberedPulls,
  rememberedPush,
  taskEntry,
} from '../tasks/registryOffers';
import { declaredPackageSpec, isBuiltComponent } from './registryRun';
import { registryFor, wkgConfigPath } from './wkgToml';

export const PUBLISH_COMMAND = 'wit.packages.publish';
export const PUSH_COMMAND = 'wit.packages.push';
export const PULL_COMMAND = 'wit.packages.pull';

/** The question on screen (extension-host tests answer it: wit.internal.registryPrompt), and how many were asked. */
let asking: 'package' | 'registry' | undefined;
let prompts = 0;
export function registryPromptState(): { asking: typeof asking; prompts: number } {
  return { asking, prompts };
}

async function ask<T>(question: 'package' | 'registry', show: () => Thenable<T>): Promise<T> {
  asking = question;
  prompts++;
  try {
    return await show();
  } finally {
    asking = undefined;
  }
}

const configText = () => readFile(wkgConfigPath(process.env, os.homedir()), 'utf8').catch(() => undefined);

function tasksOf(folder: vscode.WorkspaceFolder): unknown[] {
  return vscode.workspace.getConfiguration('tasks', folder.uri).get<unknown[]>('tasks') ?? [];
}

/** Adds the entry to the folder's tasks.json (the way WIT: Compose keeps its output). */
async function remember(folder: vscode.WorkspaceFolder, task: RegistryTask): Promise<void> {
  const config = vscode.workspace.getConfiguration('tasks', folder.uri);
  await config.update('version', config.get('version') ?? '2.0.0', vscode.ConfigurationTarget.WorkspaceFolder);
  await config.update(
    'tasks',
    [...tasksOf(folder), taskEntry(task, `wkg: ${registryTaskLabel(task)}`)],
    vscode.ConfigurationTarget.WorkspaceFolder,
  );
}

async function isComponentFile(uri: vscode.Uri): Promise<boolean> {
  return isBuiltComponent(await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => new Uint8Array()));
}

async function askPackage(prompt: string, value: string | undefined): Promise<string | undefined> {
  return ask('package', () =>
    vscode.window.showInputBox({
      title: prompt,
      prompt: 'namespace:name@version, as the registry will list it',
      value,
      ignoreFocusOut: true,
      validateInput: (v) => (parsePackageSpec(v) ? undefined : 'Write namespace:name@version, e.g. my-org:shapes@0.1.0'),
    }),
  );
}

/** The registry to publish `spec` to: the one wkg's config names (kept out of the task), or one asked for (kept in it). */
async function askRegistry(spec: string, config: string | undefined): Promise<{ registry?: string } | undefined> {
  const parsed = parsePackageSpec(spec);
  const configured = parsed ? registryFor(parsed, config) : undefined;
  if (configured) {
    const picked = await ask('registry', () =>
      vscode.window.showQuickPick(
        [
          { label: configured, description: `the registry wkg's config names for ${parsed?.namespace}:`, registry: undefined },
          { label: 'Another registry…', description: 'passed to wkg as --registry', registry: '' },
        ],
        { title: `Publish ${spec} to`, ignoreFocusOut: true },
      ),
    );
    if (!picked) return undefined;
    if (picked.registry === undefined) return {};
  }
  const typed = await ask('registry', () =>
    vscode.window.showInputBox({
      title: `Publish ${spec} to which registry?`,
      prompt: configured
        ? 'The registry host (wkg --registry)'
        : `wkg's config names no registry for ${parsed?.namespace}: (the registry host, wkg --registry)`,
      ignoreFocusOut: true,
      validateInput: (v) => (/^[A-Za-z0-9.-]+(:\d+)?$/.test(v.trim()) ? undefined : 'A registry host, e.g. ghcr.io or 127.0.0.1:5000'),
    }),
  );
  return typed ? { registry: typed.trim() } : undefined;
}

async function chooseTarget(): Promise<vscode.Uri | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const wit = folders.flatMap((f) =>
    offeredPublishTasks(f.uri.fsPath).map((t) => {
      const uri = vscode.Uri.joinPath(f.uri, t.wit ?? '.');
      return { label: `${t.wit}/`, description: declaredPackageSpec(uri.fsPath), uri };
    }),
  );
  const wasm = (await vscode.workspace.findFiles('**/*.wasm', '{**/node_modules/**,**/target/*/*/deps/**}', 50)).map((uri) => ({
    label: vscode.workspace.asRelativePath(uri),
    description: 'built component',
    uri,
  }));
  const items = [...wit, ...wasm];
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      'Nothing to publish: no WIT package with a version (package ns:name@1.0.0;) and no .wasm in the workspace.',
    );
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: 'Publish which package?' }))?.uri;
}

let nextRunId = 0;

/** Runs a registry task under a progress notification with Cancel; resolves with what happened. */
async function runWithProgress(
  folder: vscode.WorkspaceFolder,
  def: Record<string, unknown>,
  title: string,
): Promise<RegistryTaskResult | undefined> {
  const runId = `registry-${process.pid}-${++nextRunId}`;
  const parsed = parseRegistryTask(def);
  const key = typeof parsed === 'string' ? runId : registryTaskKey(parsed);
  const task = createTask({ ...def, type: TASK_TYPE, runId }, folder, typeof def.label === 'string' ? def.label : undefined);
  if (typeof task === 'string') {
    void vscode.window.showErrorMessage(task);
    return undefined;
  }
  const result = new Promise<RegistryTaskResult>((resolve) => {
    const sub = onDidFinishRegistryTask((r) => {
      // VS Code may run the tasks.json entry this definition matches instead (same type and properties, without our
      // runId): that run ends with the same key.
      if (r.runId !== runId && r.key !== key) return;
      sub.dispose();
      resolve(r);
    });
  });
  const execution = await vscode.tasks.executeTask(task);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `${title}…`, cancellable: true },
    async (_progress, token) => {
      const sub = token.onCancellationRequested(() => execution.terminate());
      try {
        return await result;
      } finally {
        sub.dispose();
      }
    },
  );
  if (outcome.ok) void vscode.window.showInformationMessage(outcome.message);
  else if (outcome.failure?.kind === 'cancelled') void vscode.window.showInformationMessage(outcome.message);
  else void vscode.window.showErrorMessage(outcome.message);
  return outcome;
}

/** WIT: Publish Package… on a WIT folder or file, a .wasm, or (from the palette) one picked. */
export async function publishCommand(target?: vscode.Uri): Promise<RegistryTaskResult | undefined> {
  if (!requireTrust()) return undefined;
  const uri = target ?? (await chooseTarget());
  if (!uri) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showInformationMessage('WIT: Publish Package works on a WIT package or a component inside a workspace folder.');
    return undefined;
  }
  const isWasm = uri.fsPath.endsWith('.wasm');
  const witDir = isWasm ? undefined : uri.fsPath.endsWith('.wit') ? path.dirname(uri.fsPath) : uri.fsPath;
  const rel = (p: string) => vscode.workspace.asRelativePath(p, false) || '.';
  const key = witDir ? { wit: rel(witDir) } : { file: rel(uri.fsPath) };
  let def = rememberedPublish(tasksOf(folder), key);
  if (!def) {
    const config = await configText();
    let pkg: string | undefined;
    let spec = witDir ? declaredPackageSpec(witDir) : undefined;
    if (witDir && !spec) {
      // wkg reads the name and version from the WIT itself (--package does not stand in for a missing version).
      void vscode.window.showWarningMessage(
        `${key.wit}/ declares no versioned package: write \`package namespace:name@1.0.0;\` in its WIT to publish it.`,
      );
      return undefined;
    }
    if (isWasm && (await isComponentFile(uri))) {
      // A built component has no package name of its own (it decodes as root:component): name it once.
      pkg = await askPackage(`Publish ${key.file} as`, defaultPackageSpec(folder.uri.fsPath, path.dirname(uri.fsPath)));
      if (!pkg) return undefined;
      spec = pkg;
    }
    const where = spec ? await askRegistry(spec, config) : {};
    if (!where) return undefined;
    const task = parseRegistryTask({ action: 'publish', ...key, package: pkg, ...where });
    if (typeof task === 'string') {
      void vscode.window.showErrorMessage(task);
      return undefined;
    }
    await remember(folder, task);
    def = taskEntry(task, `wkg: ${registryTaskLabel(task)}`);
  }
  const parsed = parseRegistryTask(def);
  return runWithProgress(folder, def, typeof parsed === 'string' ? 'Publishing' : `wkg: ${registryTaskLabel(parsed)}`);
}

/** WIT: Push Component to OCI Registry… (a .wasm: the explorer's, the active one, or one picked). */
export async function pushCommand(target?: vscode.Uri): Promise<RegistryTaskResult | undefined> {
  if (!requireTrust()) return undefined;
  const uri =
    target ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { 'WebAssembly component': ['wasm'] },
        title: 'Push which component?',
      })
    )?.[0];
  const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
  if (!uri || !folder) return undefined;
  const file = vscode.workspace.asRelativePath(uri, false);
  let def = rememberedPush(tasksOf(folder), file);
  if (!def) {
    const config = await configText();
    const proposed = defaultPush(file, defaultPackageSpec(folder.uri.fsPath, path.dirname(uri.fsPath)), config);
    const reference = await vscode.window.showInputBox({
      title: `Push ${file} to`,
      prompt: 'The OCI reference: host/namespace/name:version (wkg oci push)',
      value: proposed?.reference,
      ignoreFocusOut: true,
      validateInput: (v) =>
        (parseRegistryTask({ action: 'push', file, reference: v }) as { action?: string }).action
          ? undefined
          : 'host/namespace/name:version',
    });
    if (!reference) return undefined;
    const task = parseRegistryTask({ action: 'push', file, reference, insecure: insecureFor(reference, config) });
    if (typeof task === 'string') return undefined;
    await remember(folder, task);
    def = taskEntry(task, `wkg: ${registryTaskLabel(task)}`);
  }
  const parsed = parseRegistryTask(def);
  return runWithProgress(folder, def, typeof parsed === 'string' ? 'Pushing' : `wkg: ${registryTaskLabel(parsed)}`);
}

/** WIT: Pull from Registry…: a kept pull, or a new one by package name (wkg get) or OCI reference (wkg oci pull). */
export async function pullCommand(): Promise<RegistryTaskResult | undefined> {
  if (!requireTrust()) return undefined;
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  if (!folder) return undefined;
  const kept = rememberedPulls(tasksOf(folder)).map((def) => ({
    label: String(def.label ?? def.package ?? def.reference),
    description: String(def.output),
    def,
  }));
  const picked = await vscode.window.showQuickPick(
    [
      ...kept,
      {
        label: 'Pull a package by name (wkg get)…',
        description: 'namespace:name@version',
        def: { by: 'package' } as Record<string, unknown>,
      },
      {
        label: 'Pull an OCI reference (wkg oci pull)…',
        description: 'host/namespace/name:version',
        def: { by: 'reference' } as Record<string, unknown>,
      },
    ],
    { title: 'Pull from a registry' },
  );
  if (!picked) return undefined;
  let def = picked.def;
  if (def.by) {
    const config = await configText();
    const byPackage = def.by === 'package';
    const value = await vscode.window.showInputBox({
      title: byPackage ? 'Pull which package?' : 'Pull which OCI reference?',
      prompt: byPackage ? 'namespace:name@version (from the registry wkg’s config names)' : 'host/namespace/name:version',
      ignoreFocusOut: true,
    });
    if (!value) return undefined;
    const name = byPackage ? value.replace(/[:@]/g, '_') : (value.split('/').pop() ?? 'pulled').replace(/[:@]/g, '_');
    const saved = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder.uri, `${name}.wasm`),
      filters: { 'WebAssembly component': ['wasm'], WIT: ['wit'] },
      title: `Pull ${value} into`,
      saveLabel: 'Pull',
    });
    if (!saved) return undefined;
    const output = vscode.workspace.asRelativePath(saved, false);
    const raw = byPackage
      ? { action: 'pull', package: value.trim(), output }
      : { action: 'pull', reference: value.trim(), output, insecure: insecureFor(value, config) };
    const task = parseRegistryTask(raw);
    if (typeof task === 'string') {
      void vscode.window.showErrorMessage(task);
      return undefined;
    }
    await remember(folder, task);
    def = taskEntry(task, `wkg: ${registryTaskLabel(task)}`);
  }
  const parsed = parseRegistryTask(def);
  return runWithProgress(folder, def, typeof parsed === 'string' ? 'Pulling' : `wkg: ${registryTaskLabel(parsed)}`);
}

export function registerRegistryCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(PUBLISH_COMMAND, (uri?: vscode.Uri) => publishCommand(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(PUSH_COMMAND, (uri?: vscode.Uri) => pushCommand(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(PULL_COMMAND, () => pullCommand()),
    vscode.commands.registerCommand('wit.internal.registryPrompt', registryPromptState),
  ];
}
