// Reads wit.runtime and wit.tools.* and finds the tools, in VS Code terms.
// In an untrusted workspace the workspace's own values of these settings are
// ignored (a folder must not pick the program we start); package.json also
// lists them under restrictedConfigurations. Missing tools are reported with
// how to get them and a button to set the path: never a silent failure.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Runtime } from './taskDefinition';
import {
  INSTALL_HINTS,
  TOOL_SETTINGS,
  lookupTool,
  type LookupInput,
  type LookupResult,
  type ToolName,
} from '../../../common/tools/toolLookup';
import { checkTool, searchedFolders, type ToolCheck } from '../../../common/tools/check';
import type { RequirementKey } from '../../../common/tools/minimums';

let extensionRoot: string | undefined;

/** Remembers where the extension lives (its node_modules/.bin is the last place jco is looked for). */
export function setExtensionRoot(root: string): void {
  extensionRoot = root;
}

function userOrWorkspaceValue<T>(key: string): T | undefined {
  const config = vscode.workspace.getConfiguration();
  if (vscode.workspace.isTrusted) return config.get<T>(key) || undefined;
  return config.inspect<T>(key)?.globalValue || undefined;
}

const expandHome = (p: string) => (p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p);

/** wit.runtime: wasmtime unless the user chose jco. */
export function defaultRuntime(): Runtime {
  return userOrWorkspaceValue<string>('wit.runtime') === 'jco' ? 'jco' : 'wasmtime';
}

/** What the lookup of a tool is given: an explicit path (e.g. a launch config's), the setting, the folders. */
function lookupInput(tool: ToolName, folder?: vscode.WorkspaceFolder, explicitPath?: string): LookupInput {
  const setting = TOOL_SETTINGS[tool];
  const configured = explicitPath || (setting ? userOrWorkspaceValue<string>(setting) : undefined);
  const nodeBin = (root: string) => path.join(root, 'node_modules', '.bin');
  const jco = tool === 'jco';
  return {
    tool,
    configured: configured ? expandHome(configured) : undefined,
    pathEnv: process.env.PATH,
    extraDirs: jco && folder ? [nodeBin(folder.uri.fsPath)] : [],
    fallbackDirs: jco && extensionRoot ? [nodeBin(extensionRoot)] : [],
  };
}

/** Finds a tool: an explicit path (e.g. a launch config's), the setting, then the search. */
export function findTool(tool: ToolName, folder?: vscode.WorkspaceFolder, explicitPath?: string): LookupResult {
  return lookupTool(lookupInput(tool, folder, explicitPath));
}

/**
 * Finds a tool and checks it can do `use` (common/tools/minimums.ts): its
 * `--version` answers and is new enough. In an untrusted workspace nothing is
 * started: the answer is then the refusal, whatever the tool.
 */
export async function checkedTool(
  use: RequirementKey,
  tool: ToolName,
  folder?: vscode.WorkspaceFolder,
  explicitPath?: string,
): Promise<ToolCheck> {
  const input = lookupInput(tool, folder, explicitPath);
  const found = lookupTool(input);
  const located = found.found
    ? { path: found.path }
    : {
        missing: {
          configured: input.configured,
          searched: searchedFolders(input.pathEnv, process.platform, input.extraDirs, input.fallbackDirs),
        },
      };
  return checkTool(use, located, { trusted: vscode.workspace.isTrusted });
}

/**
 * Shows a failed check with its fixes: set the path (when the tool has a
 * setting), trust the workspace, or (for wasmtime) run with jco instead.
 * `prefix` says what could not happen ("Cannot start debugging").
 */
export async function reportToolProblem(
  check: Extract<ToolCheck, { ok: false }>,
  offerJco: boolean,
  prefix?: string,
): Promise<MissingToolChoice> {
  const buttons = [
    ...(offerJco && check.problem !== 'untrusted' ? ['Use jco'] : []),
    ...(check.problem === 'untrusted' ? ['Manage Workspace Trust'] : check.setting ? ['Set Path'] : []),
  ];
  const choice = await vscode.window.showErrorMessage(prefix ? `${prefix}: ${check.message}` : check.message, ...buttons);
  if (choice === 'Use jco') return 'useJco';
  if (choice === 'Set Path' && check.setting) await vscode.commands.executeCommand('workbench.action.openSettings', check.setting);
  if (choice === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
  return undefined;
}

export type MissingToolChoice = 'useJco' | undefined;

/**
 * Says a tool is missing, how to install it, and offers the fixes: set the
 * path, open the install page, or (for wasmtime) run with jco instead.
 */
export async function reportMissingTool(tool: ToolName, reason: string, offerJco: boolean): Promise<MissingToolChoice> {
  const setting = TOOL_SETTINGS[tool];
  const buttons = [...(offerJco ? ['Use jco'] : []), ...(setting ? ['Set Path'] : []), 'How to Install'];
  const choice = await vscode.window.showErrorMessage(`${reason}. ${INSTALL_HINTS[tool]}`, ...buttons);
  if (choice === 'Use jco') return 'useJco';
  if (choice === 'Set Path' && setting) await vscode.commands.executeCommand('workbench.action.openSettings', setting);
  if (choice === 'How to Install') {
    const pages: Partial<Record<ToolName, string>> = {
      wasmtime: 'https://docs.wasmtime.dev/cli-install.html',
      jco: 'https://bytecodealliance.github.io/jco/',
      lldbDap: 'https://lldb.llvm.org/resources/lldbdap.html',
    };
    const page = pages[tool];
    if (page) await vscode.env.openExternal(vscode.Uri.parse(page));
  }
  return undefined;
}

/** The refusal shown when a workspace is not trusted. */
export const UNTRUSTED_MESSAGE =
  'WIT: building, running and debugging components is disabled in an untrusted workspace, because it would start programs the workspace names. Trust the workspace to enable it.';

/** True when trusted; otherwise tells the user why nothing runs. */
export function requireTrust(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
