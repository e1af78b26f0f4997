// Offers `wasm-component` launch configs (offeredConfigs.ts) and resolves
// them. It fills what is missing (the built component, the build task, the
// runtime; for wasmtime the mode, from the component's exports), then:
//   jco      -> becomes a `node` launch of the runner (first resolve step, so
//               VS Code's Node debugger resolves it in turn);
//   wasmtime -> finds wasmtime and lldb-dap and becomes lldb-dap's launch
//               request (after variable substitution).
// A runtime or debugger that is missing, too old or failing stops the launch
// with a message and a button to set its path. Nothing is launched (nor asked
// its version) in an untrusted workspace.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { builtComponentCandidates, detectBuilds } from '../tasks/buildDetection';
import { folderReader } from '../tasks/taskProvider';
import { parseTaskDefinition, taskLabel, TASK_TYPE as TASK_DEFINITION_TYPE } from '../tasks/taskDefinition';
import { componentKindOfFile } from '../tasks/componentWorld';
import { checkedTool, defaultRuntime, reportToolProblem, requireTrust } from '../tasks/toolSettings';
import { locateJco } from '../tasks/jcoLayout';
import { runnerArgs, writeRunner } from './jcoDebugPrep';
import { adviseDwarfSupport } from './dwarfSupport';
import { DEBUG_TYPE, fillLaunchConfig, lldbDapLaunch, nodeDebugLaunch, planFromLaunch, type ComponentLaunchConfig } from './launchArgs';
import { resolveLaunchGrants } from '../tasks/grantPrompt';
import { markToAsk } from '../tasks/grants';
import { offeredConfigs, type OfferedBuild, type OfferedRun } from './offeredConfigs';

/** The component and build task a folder's detected build gives, for defaults. */
function folderDefaults(folder: vscode.WorkspaceFolder | undefined): { builtComponent?: string; buildTaskLabel?: string } {
  if (!folder) return {};
  const reader = folderReader(folder.uri.fsPath);
  const build = detectBuilds(reader)[0];
  if (!build) return {};
  const candidates = builtComponentCandidates(build, reader);
  const component = candidates.find((p) => reader.exists(p)) ?? candidates[0];
  return {
    builtComponent: component && path.join(folder.uri.fsPath, component),
    buildTaskLabel: `${TASK_SOURCE}: ${taskLabel(build)}`,
  };
}

/** Detected tasks are named "<type>: <label>" when used as preLaunchTask. */
const TASK_SOURCE = 'wasm-component';

/** Every build the folder's files show, with the component it makes. */
function folderBuilds(folder: vscode.WorkspaceFolder): OfferedBuild[] {
  const reader = folderReader(folder.uri.fsPath);
  return detectBuilds(reader).flatMap((build) => {
    const candidates = builtComponentCandidates(build, reader);
    const component = candidates.find((p) => reader.exists(p)) ?? candidates[0];
    return component ? [{ component: path.join(folder.uri.fsPath, component), taskLabel: `${TASK_SOURCE}: ${taskLabel(build)}` }] : [];
  });
}

/** The folder's `wasm-component` run tasks from tasks.json (unusable ones left out). */
function folderRuns(folder: vscode.WorkspaceFolder): OfferedRun[] {
  const tasks = vscode.workspace.getConfiguration('tasks', folder.uri).get<unknown[]>('tasks') ?? [];
  return tasks.flatMap((raw) => {
    if (!raw || typeof raw !== 'object' || (raw as { type?: unknown }).type !== TASK_DEFINITION_TYPE) return [];
    const task = parseTaskDefinition(raw as Record<string, unknown>);
    if (typeof task === 'string' || task.action !== 'run') return [];
    const label = (raw as { label?: unknown }).label;
    return [{ task, label: typeof label === 'string' ? label : taskLabel(task) }];
  });
}

export class ComponentDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  private launches = 0;

  constructor(private readonly storageDir: string) {}

  provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): vscode.DebugConfiguration[] {
    const offered = folder ? markToAsk(offeredConfigs(folder.uri.fsPath, folderBuilds(folder), folderRuns(folder))) : [];
    if (offered.length) return offered as vscode.DebugConfiguration[];
    const program = '${workspaceFolder}/component.wasm';
    return [
      { type: DEBUG_TYPE, request: 'launch', name: 'Debug component (wasmtime + lldb-dap)', program, args: [], runtime: 'wasmtime' },
      { type: DEBUG_TYPE, request: 'launch', name: 'Debug component (jco + Node)', program, args: [], runtime: 'jco' },
    ];
  }

  provideDynamicConfigurations(folder: vscode.WorkspaceFolder | undefined): vscode.DebugConfiguration[] {
    return folder
      ? (markToAsk(offeredConfigs(folder.uri.fsPath, folderBuilds(folder), folderRuns(folder))) as vscode.DebugConfiguration[])
      : [];
  }

  async resolveDebugConfiguration(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    if (!requireTrust()) return undefined;
    folder ??= vscode.workspace.workspaceFolders?.[0];
    const made = fillLaunchConfig(config as ComponentLaunchConfig, { defaultRuntime: defaultRuntime(), ...folderDefaults(folder) });
    if (typeof made === 'string') {
      void vscode.window.showErrorMessage(made);
      return undefined;
    }
    // Folders and variables asked for once and kept in launch.json; grants it cannot use warned about (grantPrompt.ts).
    const filled = await resolveLaunchGrants(folder, made, !config.type && !config.request && !config.name, (c) => planFromLaunch(c, ''));
    if (!filled) return undefined;
    if (filled.runtime !== 'jco') return filled as vscode.DebugConfiguration;
    return this.toNodeLaunch(filled, folder);
  }

  private async toNodeLaunch(
    config: ComponentLaunchConfig,
    folder: vscode.WorkspaceFolder | undefined,
  ): Promise<vscode.DebugConfiguration | undefined> {
    const tool = await checkedTool('jcoDebug', 'jco', folder, config.runtimePath);
    if (!tool.ok) {
      void reportToolProblem(tool, false, 'Cannot start debugging');
      return undefined;
    }
    const jco = await locateJco(tool.path);
    if (typeof jco === 'string') {
      void vscode.window.showErrorMessage(`Cannot start debugging: ${jco}`, 'Set Path').then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'wit.tools.jco');
      });
      return undefined;
    }
    adviseDwarfSupport();
    const runner = await writeRunner(this.storageDir);
    // One folder per launch: two sessions at once must not transpile over each other.
    const outDir = path.join(this.storageDir, 'transpiled', `${process.pid}-${++this.launches}`);
    const args = runnerArgs(config.program ?? '', outDir, jco, config.args ?? [], config.dirs ?? []);
    return nodeDebugLaunch(config, runner, args);
  }

  async resolveDebugConfigurationWithSubstitutedVariables(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    const launch = config as ComponentLaunchConfig;
    // Both found and new enough (missing, too old or failing: said, with the setting to change).
    const wasmtime = await checkedTool('wasmtimeDebug', 'wasmtime', folder, launch.runtimePath);
    if (!wasmtime.ok) {
      // The launch stops now (not when the message is dismissed); "Use jco"
      // starts the same launch under the Node debugger.
      void reportToolProblem(wasmtime, true, 'Cannot start debugging').then((choice) => {
        if (choice === 'useJco') void vscode.debug.startDebugging(folder, { ...config, runtime: 'jco' });
      });
      return undefined;
    }
    const lldbDap = await checkedTool('lldbDapDebug', 'lldbDap', folder, launch.debuggerPath);
    if (!lldbDap.ok) {
      void reportToolProblem(lldbDap, false, 'Cannot start debugging');
      return undefined;
    }
    // An http component is served (its handler's breakpoints hit per request), unless the config says.
    const mode = launch.mode ?? ((await componentKindOfFile(launch.program ?? '')).kind === 'http' ? 'http' : 'cli');
    return { ...lldbDapLaunch({ ...launch, mode }, wasmtime.path), debuggerPath: lldbDap.path };
  }
}

/** Where the runner and transpiled output live when the extension has no storage folder. */
export function fallbackStorage(): string {
  return path.join(os.tmpdir(), 'wit-devkit-debug');
}
