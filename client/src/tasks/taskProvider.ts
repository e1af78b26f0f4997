// The `wasm-component` TaskProvider: offers the builds it detects in each
// workspace folder and a run for each component found (granted what it imports:
// grants.ts; folders and variables asked for at its first run: grantPrompt.ts), and resolves the tasks
// users write in tasks.json. Builds are ProcessExecutions (program + argument
// list, with problem matchers), except go and clang builds, which take several
// processes and run in a terminal of their own (buildTerminal.ts) with the same
// matchers; runs are a terminal (runTerminal.ts) because what they start
// depends on the runtime found and the component's world.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { builtComponentCandidates, detectBuilds, type FolderReader } from './buildDetection';
import { BUILD_PROBLEM_MATCHERS } from './buildMatchers';
import { BuildTerminal } from './buildTerminal';
import { buildCommandLine, type BuildTools } from './commandLines';
import { prepareComponentizeBuild } from './jcoLayout';
import { RunTerminal } from './runTerminal';
import { parseTaskDefinition, taskLabel, TASK_TYPE, type BuildTask, type ComponentTask } from './taskDefinition';
import type { ToolName } from '../../../common/tools/toolLookup';
import { findTool } from './toolSettings';
import { buildToolProblem, refusedBuild } from './buildToolCheck';
import { grantsFor } from './grants';
import { resolveRunGrants } from './grantPrompt';
import { readComponent } from '../../../common/component/reader';
import { capabilitiesOf } from '../../../common/component/capabilities';
import { RegistryTerminal } from './registryTerminal';
import { offeredPublishTasks } from './registryOffers';

/** Problem matchers (package.json `problemMatchers`) for each builder's compiler output. */
export { BUILD_PROBLEM_MATCHERS };

/** The tool each builder starts (looked for, and checked for its version, before a build). */
export const BUILDER_TOOLS: Partial<Record<BuildTask['builder'], ToolName>> = {
  'cargo-component': 'cargo',
  cargo: 'cargo',
  // go and clang builds find all their tools when they start (buildTerminal.ts).
  'jco-componentize': 'jco',
  'componentize-py': 'componentizePy',
};

export function folderReader(root: string): FolderReader {
  return {
    read: (p) => {
      try {
        return fs.readFileSync(path.join(root, p), 'utf8');
      } catch {
        return undefined;
      }
    },
    exists: (p) => fs.existsSync(path.join(root, p)),
    list: (p) => {
      try {
        return fs.readdirSync(path.join(root, p));
      } catch {
        return [];
      }
    },
  };
}

function buildTools(folder: vscode.WorkspaceFolder | undefined, builder: BuildTask['builder']): BuildTools {
  const pick = (tool: ToolName, name: string) => {
    const found = findTool(tool, folder);
    return found.found ? found.path : name; // a bare name: the terminal then says it is missing
  };
  const jco = pick('jco', 'jco');
  const jcoNode = builder === 'jco-componentize' ? prepareComponentizeBuild(jco, path.join(os.tmpdir(), 'wit-devkit-build')) : undefined;
  return { cargo: pick('cargo', 'cargo'), jco, componentizePy: pick('componentizePy', 'componentize-py'), jcoNode };
}

/** The vscode.Task for a definition, or a message saying what is wrong with it. */
export function createTask(
  definition: vscode.TaskDefinition,
  scope: vscode.WorkspaceFolder | vscode.TaskScope.Workspace,
  name?: string,
): vscode.Task | string {
  const parsed = parseTaskDefinition(definition as Record<string, unknown>);
  if (typeof parsed === 'string') return parsed;
  const folder = typeof scope === 'object' ? scope : vscode.workspace.workspaceFolders?.[0];
  const label = name ?? taskLabel(parsed);
  if (parsed.action === 'publish' || parsed.action === 'push' || parsed.action === 'pull') {
    // wkg runs in a terminal of ours: it may take steps (a WIT folder is built first), and a failure is said in one sentence.
    const runId = typeof definition.runId === 'string' ? definition.runId : undefined;
    const execution = new vscode.CustomExecution(async () => new RegistryTerminal(parsed, folder, runId));
    return new vscode.Task(definition, scope, label, TASK_TYPE, execution, []);
  }
  if (parsed.action === 'build' && (parsed.builder === 'go' || parsed.builder === 'clang')) {
    const build = { ...parsed, builder: parsed.builder };
    const execution = new vscode.CustomExecution(async () => new BuildTerminal(build, folder));
    const task = new vscode.Task(definition, scope, label, TASK_TYPE, execution, BUILD_PROBLEM_MATCHERS[parsed.builder]);
    task.group = vscode.TaskGroup.Build;
    return task;
  }
  if (parsed.action === 'build') {
    const line = buildCommandLine(parsed, buildTools(folder, parsed.builder));
    if (typeof line === 'string') return line;
    const cwd = folder ? path.resolve(folder.uri.fsPath, line.cwd ?? '.') : line.cwd;
    const task = new vscode.Task(
      definition,
      scope,
      label,
      TASK_TYPE,
      new vscode.ProcessExecution(line.command, line.args, { cwd }),
      BUILD_PROBLEM_MATCHERS[parsed.builder],
    );
    task.group = vscode.TaskGroup.Build;
    return task;
  }
  const runId = typeof definition.runId === 'string' ? definition.runId : undefined;
  // A task marked "grants": "ask" asks at its first run and keeps the answer (grantPrompt.ts).
  const grants = (definition as { grants?: unknown }).grants;
  const prepare =
    grants === undefined
      ? undefined
      : (t: typeof parsed, print: (text: string) => void) => resolveRunGrants({ ...t, grants }, label, folder, print);
  const execution = new vscode.CustomExecution(async () => new RunTerminal(parsed, folder, runId, prepare));
  const task = new vscode.Task(definition, scope, label, TASK_TYPE, execution, []);
  task.isBackground = parsed.mode === 'http';
  return task;
}

/** The component a detected build makes, if it has been built already. */
export function builtComponent(folder: vscode.WorkspaceFolder, build: BuildTask): string | undefined {
  const reader = folderReader(folder.uri.fsPath);
  const found = builtComponentCandidates(build, reader, path.basename(folder.uri.fsPath)).find((p) => reader.exists(p));
  return found && path.join(folder.uri.fsPath, found);
}

/** The components the folder's tasks.json run tasks run (absolute paths). */
function ranByTasksJson(folder: vscode.WorkspaceFolder): Set<string> {
  const tasks = vscode.workspace.getConfiguration('tasks', folder.uri).get<unknown[]>('tasks') ?? [];
  return new Set(
    tasks.flatMap((t) => {
      const e = t as { type?: unknown; action?: unknown; program?: unknown } | null;
      return e && e.type === TASK_TYPE && e.action === 'run' && typeof e.program === 'string'
        ? [path.resolve(folder.uri.fsPath, e.program)]
        : [];
    }),
  );
}

export class ComponentTaskProvider implements vscode.TaskProvider {
  async provideTasks(): Promise<vscode.Task[]> {
    if (!vscode.workspace.isTrusted) return [];
    const tasks: vscode.Task[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const build of detectBuilds(folderReader(folder.uri.fsPath))) {
        const def: ComponentTask = build;
        const task = createTask({ type: TASK_TYPE, ...def }, folder);
        if (typeof task !== 'string') tasks.push(task);
      }
      // A WIT package that declares its version can be published as it is.
      for (const def of offeredPublishTasks(folder.uri.fsPath)) {
        const task = createTask({ type: TASK_TYPE, ...def }, folder);
        if (typeof task !== 'string') tasks.push(task);
      }
    }
    const components = await vscode.workspace.findFiles(
      '**/*.wasm',
      '{**/node_modules/**,**/target/*/*/deps/**,**/target/*/*/build/**}',
      20,
    );
    for (const uri of components) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) continue;
      const program = path.relative(folder.uri.fsPath, uri.fsPath);
      // A component tasks.json already runs is not offered again (its grants are kept there).
      if (ranByTasksJson(folder).has(path.resolve(folder.uri.fsPath, program))) continue;
      // Granted what it imports, and nothing else (a core module or unreadable file gets no grants).
      const grants = await Promise.resolve(vscode.workspace.fs.readFile(uri))
        .then((b) => grantsFor(capabilitiesOf(readComponent(b))))
        .catch(() => ({}));
      const task = createTask({ type: TASK_TYPE, action: 'run', program, ...grants }, folder);
      if (typeof task !== 'string') tasks.push(task);
    }
    return tasks;
  }

  async resolveTask(task: vscode.Task): Promise<vscode.Task | undefined> {
    if (!vscode.workspace.isTrusted) return undefined;
    const scope = task.scope === undefined || typeof task.scope === 'number' ? vscode.TaskScope.Workspace : task.scope;
    const resolved = createTask(task.definition, scope as vscode.WorkspaceFolder | vscode.TaskScope.Workspace, task.name);
    if (typeof resolved === 'string') {
      void vscode.window.showErrorMessage(`Task "${task.name}": ${resolved}`);
      return undefined;
    }
    // Say now, not as a cryptic terminal error, when the builder is missing, too old or failing.
    const parsed = parseTaskDefinition(task.definition as Record<string, unknown>);
    if (typeof parsed !== 'string' && parsed.action === 'build') {
      const tool = BUILDER_TOOLS[parsed.builder];
      const problem = tool && (await buildToolProblem(parsed.builder, tool, typeof scope === 'object' ? scope : undefined));
      if (problem) return refusedBuild(resolved, problem);
    }
    return resolved;
  }
}
