// Asking once for what a run task or launch config grants (grants.ts decides
// what there is to ask; this module asks and keeps the answer): a QuickPick
// of the folder to preopen, an InputBox of the variables to pass, the answers
// written into tasks.json / launch.json through the configuration API, so the
// next run does not ask. Launch configs are also checked for grants the
// component cannot use (a warning notification; run tasks print theirs).
import { readFile } from 'node:fs/promises';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readComponent } from '../../../common/component/reader';
import { capabilitiesOf, type CapabilityReport } from '../../../common/component/capabilities';
import {
  answeredGrants,
  describeGrants,
  grantProblems,
  grantQuestions,
  inFolder,
  keepGrants,
  launchDirs,
  parseEnvAnswer,
  type GrantAnswers,
  type GrantFields,
  type GrantQuestion,
} from './grants';
import { TASK_TYPE, taskLabel, type RunTask } from './taskDefinition';
import type { RunPlan } from './commandLines';

/** The question on screen (extension-host tests wait on it: wit.internal.grantPrompt). */
let asking: GrantQuestion | undefined;
let prompts = 0;
export function grantPromptState(): { asking: GrantQuestion | undefined; prompts: number } {
  return { asking, prompts };
}

async function reportOf(file: string): Promise<CapabilityReport | undefined> {
  return readFile(file).then(
    (b) => capabilitiesOf(readComponent(b)),
    () => undefined,
  );
}

type DirItem = vscode.QuickPickItem & { dirs?: string[]; browse?: true };

/** One pick, shown (items first, so a test's accept finds them) and resolved on accept or hide. */
function pickOne<T extends vscode.QuickPickItem>(title: string, placeholder: string, items: T[]): Promise<T | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = title;
    pick.placeholder = placeholder;
    pick.items = items;
    pick.ignoreFocusOut = true;
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      resolve(pick.selectedItems[0] ?? pick.activeItems[0]);
      pick.dispose();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

function askText(title: string, prompt: string, validate: (v: string) => string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = title;
    box.prompt = prompt;
    box.placeholder = 'e.g. RUST_LOG=debug HOME (empty: none)';
    box.ignoreFocusOut = true;
    let done = false;
    box.onDidChangeValue((v) => {
      box.validationMessage = validate(v);
    });
    box.onDidAccept(() => {
      if (validate(box.value)) return;
      done = true;
      resolve(box.value);
      box.dispose();
    });
    box.onDidHide(() => {
      if (!done) resolve(undefined);
      box.dispose();
    });
    box.show();
  });
}

async function askDirs(title: string, folder: string | undefined): Promise<string[] | undefined> {
  const subfolders = folder
    ? fs
        .readdirSync(folder, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules' && d.name !== 'target')
        .map((d) => d.name)
        .sort()
    : [];
  const items: DirItem[] = [
    { label: '$(folder) .', description: 'the workspace folder', dirs: ['.'] },
    ...subfolders.map((name) => ({ label: `$(folder) ${name}`, dirs: [name] })),
    { label: '$(circle-slash) None', description: 'the component sees no files', dirs: [] },
    { label: '$(folder-opened) Another folder…', browse: true },
  ];
  const choice = await pickOne(
    title,
    'The component imports wasi:filesystem: which folder may it open? (wasmtime --dir; asked once, kept in the task)',
    items,
  );
  if (!choice) return undefined;
  if (choice.dirs) return choice.dirs;
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Preopen',
  });
  if (!picked?.[0]) return undefined;
  const rel = folder ? path.relative(folder, picked[0].fsPath) : '';
  return [folder && rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : picked[0].fsPath];
}

/** Asks the questions in turn; undefined when one is dismissed. */
async function ask(questions: GrantQuestion[], title: string, folder: string | undefined): Promise<GrantAnswers | undefined> {
  const answers: GrantAnswers = {};
  prompts++;
  try {
    for (const q of questions) {
      asking = q;
      if (q === 'dirs') {
        const dirs = await askDirs(title, folder);
        if (!dirs) return undefined;
        answers.dirs = dirs;
      } else {
        const text = await askText(
          title,
          "The component imports wasi:cli/environment: which variables may it read? NAME=value sets one, NAME passes this machine's value (wasmtime --env; asked once, kept in the task)",
          (v) => {
            const r = parseEnvAnswer(v);
            return typeof r === 'string' ? r : undefined;
          },
        );
        if (text === undefined) return undefined;
        answers.env = parseEnvAnswer(text) as Record<string, string>;
      }
    }
    return answers;
  } finally {
    asking = undefined;
  }
}

function configTarget(folder: vscode.WorkspaceFolder | undefined): vscode.ConfigurationTarget {
  return folder && (vscode.workspace.workspaceFolders?.length ?? 0) <= 1
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.ConfigurationTarget.Workspace;
}

/** Writes the fields into the tasks.json / launch.json entry, or adds the entry. */
async function keep(
  section: 'tasks' | 'launch',
  folder: vscode.WorkspaceFolder | undefined,
  isEntry: (e: Record<string, unknown>) => boolean,
  fields: GrantFields,
  added: Record<string, unknown>,
): Promise<void> {
  const key = section === 'tasks' ? 'tasks' : 'configurations';
  const config = vscode.workspace.getConfiguration(section, folder?.uri);
  const target = configTarget(folder);
  if (config.get('version') === undefined) await config.update('version', section === 'tasks' ? '2.0.0' : '0.2.0', target);
  await config.update(key, keepGrants(config.get<unknown[]>(key) ?? [], isEntry, fields, added), target);
}

/**
 * A run task's grants at its run: asked for when the task is marked and its
 * component imports files or the environment, then kept in tasks.json.
 * The task to run, or a message when the user dismissed the question.
 */
export async function resolveRunGrants(
  task: RunTask & { grants?: unknown },
  label: string,
  folder: vscode.WorkspaceFolder | undefined,
  print: (line: string) => void,
): Promise<RunTask | string> {
  if (task.grants === undefined) return task;
  const report = await reportOf(path.resolve(folder?.uri.fsPath ?? process.cwd(), task.program ?? ''));
  if (!report) return task; // not built yet: asked at the run that finds it
  const questions = grantQuestions(report, task);
  if (questions.length)
    print(
      `Asking what to grant ${task.program} (${questions.map((q) => (q === 'dirs' ? 'a folder' : 'variables')).join(', ')}): once, kept in tasks.json.\n`,
    );
  const answers = questions.length ? await ask(questions, `Grants for ${label}`, folder?.uri.fsPath) : {};
  if (!answers) return 'The run was stopped: no grants were chosen (run the task again to be asked again).\n';
  const fields = answeredGrants(report, task, answers);
  const isEntry = (e: Record<string, unknown>) =>
    e.type === TASK_TYPE && e.action === 'run' && e.program === task.program && (e.label ?? taskLabel(task)) === label;
  const { grants: _marker, ...definition } = task;
  void _marker;
  const added = {
    type: TASK_TYPE,
    label,
    ...Object.fromEntries(Object.entries(definition).filter(([k, v]) => v !== undefined && !(k === 'mode' && v === 'auto'))),
  };
  await keep('tasks', folder, isEntry, fields, added);
  print(`Granted ${describeGrants(fields)} (kept in tasks.json).\n`);
  return { ...task, ...fields, grants: undefined } as RunTask;
}

/** A launch config's program as a path (`${workspaceFolder}` as VS Code will substitute it). */
function launchProgram(program: string, folder: vscode.WorkspaceFolder | undefined): string {
  const root = folder?.uri.fsPath ?? '';
  return path.resolve(root, program.replace(/\$\{workspaceFolder\}/g, root));
}

/**
 * A launch config's grants before it starts: asked for when it is marked (or
 * was made from nothing by F5) and its component imports files or the
 * environment, then kept in launch.json; then grants the component cannot use
 * are warned about. The config to launch, or undefined when dismissed.
 */
export async function resolveLaunchGrants<
  T extends GrantFields & { type?: string; name?: string; program?: string; runtime?: string; mode?: 'cli' | 'http' },
>(folder: vscode.WorkspaceFolder | undefined, config: T, madeByF5: boolean, plan: (c: T) => RunPlan): Promise<T | undefined> {
  if (!config.program) return config;
  const report = await reportOf(launchProgram(config.program, folder));
  if (!report) return config; // not built yet (its preLaunchTask builds it): asked at a launch that finds it
  let out = config;
  if (config.grants !== undefined || madeByF5) {
    const marked = { ...config, grants: 'ask' };
    const questions = grantQuestions(report, marked);
    const answers = questions.length ? await ask(questions, `Grants for ${config.name ?? 'the launch'}`, folder?.uri.fsPath) : {};
    if (!answers) return undefined;
    const fields = answeredGrants(report, marked, { ...answers, dirs: answers.dirs && launchDirs(answers.dirs) });
    out = { ...config, ...fields };
    delete out.grants;
    // Kept where the config lives (added when it lives nowhere yet); a config F5 made that had nothing to ask is not written.
    if (config.grants !== undefined || questions.length) {
      const added = Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
      await keep('launch', folder, (e) => e.type === config.type && e.name === config.name, fields, added);
    }
  }
  if (out.dirs && folder) out = { ...out, dirs: inFolder(out.dirs, folder.uri.fsPath) };
  if ((out.runtime ?? 'wasmtime') === 'wasmtime') {
    const { warnings } = grantProblems(plan(out), report);
    if (warnings.length)
      void vscode.window.showWarningMessage(
        `Launch "${out.name ?? 'component'}" grants more than the component can use: ${warnings.join('; ')}.`,
      );
  }
  return out;
}
