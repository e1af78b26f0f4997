// The debug configurations offered for a folder (launch.json's "Add
// Configuration", Run and Debug's dropdown): one per component the folder
// builds or runs. A run task of tasks.json gives its program, args, env, dirs,
// WASI options, mode and address; a detected build gives its component, with
// the build as preLaunchTask so F5 rebuilds first. Each comes for wasmtime
// (lldb-dap) and for jco (Node's debugger), wasmtime first.
// No `vscode` import: unit tests pin the configs.
import * as path from 'node:path';
import type { RunTask } from '../tasks/taskDefinition';
import { DEBUG_TYPE, type ComponentLaunchConfig } from './launchArgs';

export interface OfferedBuild {
  /** The component's absolute path. */
  component: string;
  /** "<type>: <label>", as preLaunchTask names a detected task. */
  taskLabel: string;
}

export interface OfferedRun {
  task: RunTask;
  label: string;
}

/** `${workspaceFolder}/...` for a path inside the folder, so launch.json travels with it. */
function inFolder(folderPath: string, file: string): string {
  const rel = path.relative(folderPath, path.resolve(folderPath, file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : `\${workspaceFolder}/${rel.split(path.sep).join('/')}`;
}

function both(base: ComponentLaunchConfig, title: string): ComponentLaunchConfig[] {
  return [
    { ...base, name: `Debug ${title} (wasmtime + lldb-dap)`, runtime: 'wasmtime' },
    // jco runs wasi:cli commands only (the debug runner calls wasi:cli/run).
    ...(base.mode === 'http' ? [] : [{ ...base, name: `Debug ${title} (jco + Node)`, runtime: 'jco' as const }]),
  ];
}

export function offeredConfigs(folderPath: string, builds: OfferedBuild[], runs: OfferedRun[]): ComponentLaunchConfig[] {
  const out: ComponentLaunchConfig[] = [];
  const covered = new Set<string>();
  for (const { task, label } of runs) {
    if (!task.program) continue;
    const program = path.resolve(folderPath, task.program);
    covered.add(program);
    const build = builds.find((b) => b.component === program);
    const base: ComponentLaunchConfig = {
      type: DEBUG_TYPE,
      request: 'launch',
      program: inFolder(folderPath, task.program),
      args: task.args ?? [],
      ...(task.env ? { env: task.env } : {}),
      ...(task.dirs ? { dirs: task.dirs } : {}),
      ...(task.wasi ? { wasi: task.wasi } : {}),
      ...(task.cwd ? { cwd: task.cwd } : {}),
      ...(task.mode !== 'auto' ? { mode: task.mode } : {}),
      ...(task.addr ? { addr: task.addr } : {}),
      ...(build ? { preLaunchTask: build.taskLabel } : {}),
    };
    const configs = both(base, label);
    // The runtime the task names comes first.
    out.push(...(task.runtime === 'jco' ? configs.reverse() : configs));
  }
  for (const build of builds) {
    if (covered.has(build.component)) continue;
    const title = path.basename(build.component);
    out.push(
      ...both(
        { type: DEBUG_TYPE, request: 'launch', program: inFolder(folderPath, build.component), args: [], preLaunchTask: build.taskLabel },
        title,
      ),
    );
  }
  return out;
}
