// Quick fixes for "package not found" (`unknown-package`) in WIT documents:
// "Fetch WIT dependencies" runs `wkg fetch` (or `wit-deps update` where the
// package has a deps.toml) by argument list in a temporary copy and moves the
// result into deps/ (fetchDeps.ts); the server watches deps/ (each fetched
// file is announced to its watcher), so the diagnostics clear by themselves. "Add `ns:pkg@ver` to wkg.toml" pins the
// version the reference asks for. Only in a trusted workspace; a progress
// notification with cancel and a timeout; failures name the registry, the
// package and what failed; credentials are redacted before anything is logged.
// The decisions live in the vscode-free modules beside this one.
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { packageRefOf, type PackageRef } from './packageRef';
import { addOverride, registryFor, wkgConfigPath } from './wkgToml';
import { announceWitFiles, fetchDependencies, type FetchPlan } from './fetchDeps';
import { describeFailure, redact } from './failures';
import { UNKNOWN_PACKAGE, codeOf, findFetchTool, fixesFor, wkgTomlFor } from './quickFixes';
import { registerEditorFeatures } from './editorFeatures';
import { registerPackagesView } from './treeView';
import { registerRegistryCommands } from './registryCommands';

const FETCH_COMMAND = 'wit.packages.fetchDependencies';
const ADD_COMMAND = 'wit.packages.addToWkgToml';
const TOOL_SETTING = { wkg: 'wit.tools.wkg', 'wit-deps': 'wit.tools.witDeps' } as const;

interface FixArgs {
  /** The WIT package folder (the document's folder). */
  packageDir: string;
  ref: PackageRef;
}

class PackageFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (doc.uri.scheme !== 'file') return [];
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const d of context.diagnostics) {
      if (codeOf(d.code) !== UNKNOWN_PACKAGE) continue;
      const ref = packageRefOf(doc.getText(d.range), d.message);
      if (!ref || seen.has(ref.spec)) continue;
      seen.add(ref.spec);
      const packageDir = path.dirname(doc.uri.fsPath);
      const args: FixArgs = { packageDir, ref };
      for (const fix of fixesFor(ref, packageDir).fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.command = { title: fix.title, command: fix.kind === 'fetch' ? FETCH_COMMAND : ADD_COMMAND, arguments: [args] };
        if (fix.kind === 'fetch') action.isPreferred = true;
        actions.push(action);
      }
    }
    return actions;
  }
}

function toolPath(tool: FetchPlan['tool']): string | undefined {
  // Trusted workspaces only reach here; a tool path is still read from user settings first.
  const configured = vscode.workspace.getConfiguration().get<string>(TOOL_SETTING[tool]) || undefined;
  const expanded = configured?.startsWith('~/') ? path.join(os.homedir(), configured.slice(2)) : configured;
  return findFetchTool(tool, expanded, process.env.PATH);
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Tells the language server of files the extension wrote (extension.ts sends them over the client). */
export type FilesCreated = (uris: vscode.Uri[]) => void;

async function fetchCommand(log: vscode.LogOutputChannel, args: FixArgs | undefined, filesCreated?: FilesCreated): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      'Fetching WIT dependencies runs wkg or wit-deps, which is disabled in an untrusted workspace. Trust the workspace to fetch.',
    );
    return;
  }
  const packageDir =
    args?.packageDir ?? (vscode.window.activeTextEditor ? path.dirname(vscode.window.activeTextEditor.document.uri.fsPath) : undefined);
  if (!packageDir) return;
  const { plan } = fixesFor(args?.ref ?? { namespace: '', name: '', key: '', spec: '' }, packageDir);
  const tool = toolPath(plan.tool);
  const spec = args?.ref?.spec || undefined;
  const witFolder = path.basename(packageDir);
  const action = `Fetching the WIT dependencies of ${witFolder}/ with ${plan.tool}`;
  if (!tool) {
    const choice = await vscode.window.showErrorMessage(
      `${action} failed: ${plan.tool} was not found on PATH. Install it (${plan.tool === 'wkg' ? 'cargo install wkg' : 'cargo install wit-deps-cli'}) or set ${TOOL_SETTING[plan.tool]}.`,
      'Open Settings',
    );
    if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', TOOL_SETTING[plan.tool]);
    return;
  }
  const timeoutSeconds = vscode.workspace.getConfiguration().get<number>('wit.packages.fetchTimeout') ?? 120;
  const registry =
    args?.ref && plan.tool === 'wkg' ? registryFor(args.ref, await readText(wkgConfigPath(process.env, os.homedir()))) : undefined;
  log.info(`${action}: ${tool} ${plan.args.join(' ')} (in a temporary copy of ${plan.root})`);
  let result: Awaited<ReturnType<typeof fetchDependencies>>;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${action}${spec ? ` (${spec})` : ''}…`, cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          return await fetchDependencies(plan, tool, { timeoutMs: timeoutSeconds * 1000, signal: controller.signal });
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (e) {
    // The copy or the move failed (permissions, disk): said as such, redacted.
    const message = redact(`${action} failed: ${e instanceof Error ? e.message : String(e)}`);
    log.error(message);
    void vscode.window.showErrorMessage(message);
    return;
  }
  const { outcome, updated } = result;
  if (outcome.code === 0 && !outcome.cancelled && !outcome.timedOut) {
    // Each fetched .wit file reaches the server's deps/ watcher (not only the renamed folder).
    const written = await announceWitFiles(updated).catch((e: unknown) => {
      log.warn(`could not announce the fetched files: ${String(e)}`);
      return [] as string[];
    });
    // And straight to the server: VS Code's watcher may report them late, or not at all (files.watcherExclude).
    filesCreated?.(written.map((f) => vscode.Uri.file(f)));
    log.info(`${action}: done; updated ${updated.map((u) => path.relative(plan.root, u)).join(', ') || 'nothing'}`);
    void vscode.window.showInformationMessage(
      `Fetched the WIT dependencies of ${witFolder}/ into ${witFolder}/deps${spec ? ` (${spec} was asked for)` : ''}.`,
    );
    return;
  }
  const failure = describeFailure(outcome, { action, packageSpec: spec, registry, tool: plan.tool, timeoutSeconds });
  log.error(redact(failure.message));
  if (failure.detail) log.error(failure.detail);
  if (failure.kind === 'cancelled') {
    void vscode.window.showInformationMessage(failure.message);
    return;
  }
  const choice = await vscode.window.showErrorMessage(failure.message, 'Show Output');
  if (choice) log.show(true);
}

async function addCommand(args: FixArgs | undefined): Promise<void> {
  if (!args?.ref) return;
  const file = wkgTomlFor(args.packageDir);
  const uri = vscode.Uri.file(file);
  const existing = await readText(file);
  const outcome = addOverride(existing ?? '', args.ref);
  if (outcome.kind === 'refused') {
    void vscode.window.showWarningMessage(
      `Could not add ${args.ref.spec} to ${path.basename(path.dirname(file))}/wkg.toml: ${outcome.why}.`,
    );
    return;
  }
  if (outcome.kind === 'added') {
    const edit = new vscode.WorkspaceEdit();
    if (existing === undefined) {
      edit.createFile(uri, { ignoreIfExists: true });
      edit.insert(uri, new vscode.Position(0, 0), outcome.text);
    } else {
      const doc = await vscode.workspace.openTextDocument(uri);
      edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), outcome.text);
    }
    if (!(await vscode.workspace.applyEdit(edit))) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    await doc.save();
  }
  const line = outcome.line;
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  editor.selection = new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length);
  editor.revealRange(editor.selection);
  const message = outcome.kind === 'present' ? `${args.ref.key} is already in wkg.toml.` : `Added ${args.ref.spec} to wkg.toml.`;
  const choice = await vscode.window.showInformationMessage(`${message} Fetch the WIT dependencies now?`, 'Fetch');
  if (choice) await vscode.commands.executeCommand(FETCH_COMMAND, args);
}

export function registerPackages(context: vscode.ExtensionContext, filesCreated?: FilesCreated): void {
  const log = vscode.window.createOutputChannel('WIT Packages', { log: true });
  context.subscriptions.push(
    log,
    vscode.languages.registerCodeActionsProvider({ scheme: 'file', language: 'wit' }, new PackageFixes(), {
      providedCodeActionKinds: PackageFixes.kinds,
    }),
    vscode.commands.registerCommand(FETCH_COMMAND, (args?: FixArgs) => fetchCommand(log, args, filesCreated)),
    vscode.commands.registerCommand(ADD_COMMAND, (args?: FixArgs) => addCommand(args)),
    ...registerRegistryCommands(),
  );
  registerEditorFeatures(context);
  registerPackagesView(context, FETCH_COMMAND);
}
