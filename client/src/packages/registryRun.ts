// Runs the wkg steps of a registry task (client/src/tasks/registryTask.ts) one
// after the other, by argument list, with a timeout and a cancel, and turns a
// failure into one sentence naming the package, the registry and what failed
// (failures.ts). Whether a .wasm to publish is a built component or a WIT
// package binary is read off the file (a component holds core code); a
// component goes where wkg's config maps its package (registryTask.ts says
// why it is pushed rather than given to wkg publish). The output shown is redacted.
// No `vscode` import: the task's terminal and the live tests both run it.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describeCommandLine } from '../tasks/commandLines';
import {
  parsePackageSpec,
  referenceHost,
  registryPlan,
  type ComponentTarget,
  type RegistryPlan,
  type RegistryTask,
} from '../tasks/registryTask';
import { describeFailure, redact, type Failure, type RunOutcome } from './failures';
import { runTool } from './fetchDeps';
import { packageNode } from './packagesModel';
import { ociReferenceFor, registryFor, usesPlainHttp } from './wkgToml';
import { readComponent } from '../../../common/component/reader';
import type { ComponentInfo } from '../../../common/component/model';

/** Whether a .wasm holds code (a built component) rather than only WIT types (a package wkg build wrote). */
export function isBuiltComponent(bytes: Uint8Array): boolean {
  const hasCode = (info: ComponentInfo): boolean => info.modules.length > 0 || info.components.some(hasCode);
  try {
    return hasCode(readComponent(bytes));
  } catch {
    return false; // not a component at all: wkg publish says what it is
  }
}

/** Where a component published as `spec` goes: the task's registry, else the one wkg's config maps it to, by wkg's OCI convention. */
export function componentTarget(
  spec: string | undefined,
  registry: string | undefined,
  configText: string | undefined,
): ComponentTarget | undefined {
  const parsed = spec ? parsePackageSpec(spec) : undefined;
  if (!parsed) return undefined;
  const reference = registry ? `${registry}/${parsed.namespace}/${parsed.name}:${parsed.version}` : ociReferenceFor(parsed, configText);
  return reference ? { reference, insecure: usesPlainHttp(referenceHost(reference), configText) } : undefined;
}

export interface RegistryRunOptions {
  /** The folder relative paths of the task are resolved from (the workspace folder). */
  root: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** wkg's config.toml text, to name the registry a package goes to. */
  configText?: string;
  /** Each piece of output as it is ready (the terminal prints it). */
  print?: (text: string) => void;
}

export interface RegistryRunResult {
  ok: boolean;
  /** The sentence to show: what was done, or what failed. */
  message: string;
  failure?: Failure;
  /** The last step's outcome. */
  outcome?: RunOutcome;
  /** Everything printed, redacted. */
  output: string;
}

/** The `ns:name@version` a WIT folder declares (`package ns:name@1.0.0;`), when it names a version. */
export function declaredPackageSpec(witDir: string): string | undefined {
  try {
    const name = packageNode(witDir).name;
    return parsePackageSpec(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The registry a task talks to, for messages: the task's own, the reference's host, or the one wkg's config names. */
export function registryOfTask(task: RegistryTask, configText: string | undefined, witSpec?: string): string | undefined {
  if (task.action === 'push' || (task.action === 'pull' && task.reference)) return referenceHost(task.reference ?? '');
  if (task.registry) return task.registry;
  const spec = parsePackageSpec(task.package ?? witSpec ?? '');
  return spec ? registryFor(spec, configText) : undefined;
}

const PREPOSITION: Record<RegistryTask['action'], string> = { publish: 'to', push: 'to', pull: 'from' };
const UNCHANGED: Record<RegistryTask['action'], string> = {
  publish: 'nothing was published',
  push: 'nothing was pushed',
  pull: 'the output file was not written',
};

/** What the user is told the task is doing: "Publishing devkit:shapes@0.1.0 to registry 127.0.0.1:5000". */
export function actionSentence(task: RegistryTask, plan: RegistryPlan, registry: string | undefined): string {
  // An OCI reference names its registry host already.
  if (task.action === 'push') return `Pushing ${path.basename(task.file)} to ${task.reference}`;
  if (task.action === 'pull' && task.reference) return `Pulling ${task.reference}`;
  return `${plan.verb} ${plan.subject}${registry ? ` ${PREPOSITION[task.action]} registry ${registry}` : ''}`;
}

/** Runs `task` with the wkg at `wkg`; resolves once every step ran or one failed. */
export async function runRegistryTask(task: RegistryTask, wkg: string, opts: RegistryRunOptions): Promise<RegistryRunResult> {
  const cwd = path.resolve(opts.root, task.cwd ?? '.');
  const witSpec = task.action === 'publish' && task.wit ? declaredPackageSpec(path.resolve(cwd, task.wit)) : undefined;
  let output = '';
  const print = (text: string) => {
    const clean = redact(text);
    output += clean;
    opts.print?.(clean);
  };
  {
    let fileIsComponent = false;
    if (task.action === 'publish' && task.file) {
      const bytes = await readFile(path.resolve(cwd, task.file)).catch(() => undefined);
      fileIsComponent = bytes !== undefined && isBuiltComponent(bytes);
    }
    const target = task.action === 'publish' ? componentTarget(task.package, task.registry, opts.configText) : undefined;
    const plan = registryPlan(task, wkg, { witSpec, fileIsComponent, componentTarget: target });
    if (typeof plan === 'string') {
      print(`${plan}\n`);
      return { ok: false, message: plan, output };
    }
    const registry = registryOfTask(task, opts.configText, witSpec);
    const action = actionSentence(task, plan, registry);
    // No Rust stack trace and no colours in what the user reads.
    const env = { ...(opts.env ?? process.env), RUST_BACKTRACE: '0', NO_COLOR: '1' };
    let outcome: RunOutcome | undefined;
    for (const step of plan.steps) {
      print(`${step.doing}\n$ ${describeCommandLine(step.line)}\n`);
      outcome = await runTool(step.line.command, step.line.args, {
        cwd: path.resolve(opts.root, step.line.cwd ?? '.'),
        env,
        timeoutMs: opts.timeoutMs,
        signal: opts.signal,
      });
      if (outcome.stdout) print(outcome.stdout.endsWith('\n') ? outcome.stdout : `${outcome.stdout}\n`);
      if (outcome.stderr) print(outcome.stderr.endsWith('\n') ? outcome.stderr : `${outcome.stderr}\n`);
      if (outcome.code !== 0 || outcome.timedOut || outcome.cancelled || outcome.spawnError) {
        const failure = describeFailure(outcome, {
          action,
          registry,
          tool: 'wkg',
          timeoutSeconds: opts.timeoutMs ? opts.timeoutMs / 1000 : undefined,
          unchanged: UNCHANGED[task.action],
        });
        print(`\n${failure.message}\n`);
        return { ok: false, message: failure.message, failure, outcome, output };
      }
    }
    const done =
      task.action === 'pull'
        ? `Pulled ${plan.subject}${registry && !task.reference ? ` from registry ${registry}` : ''} into ${task.output}.`
        : `${action.replace(/^Publishing/, 'Published').replace(/^Pushing/, 'Pushed')}${plan.reference ? ` (${plan.reference})` : ''}.`;
    print(`\n${done}\n`);
    return { ok: true, message: done, outcome, output };
  }
}
