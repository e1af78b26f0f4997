// Turns a run task plus what was found at run time (the runtime, its path and
// the component's kind) into a RunPlan with absolute paths and defaults.
// No `vscode` import.
import * as path from 'node:path';
import type { RunPlan } from './commandLines';
import type { ComponentKind } from './componentWorld';
import { DEFAULT_SERVE_ADDR, type RunMode, type RunTask, type Runtime } from './taskDefinition';

/** How to run: the task's explicit mode wins; `auto` follows the component's world. */
export function decideMode(mode: RunMode, kind: ComponentKind, kindError?: string): 'cli' | 'http' | { error: string } {
  if (mode !== 'auto') return mode;
  if (kind !== 'unknown') return kind;
  if (kindError) return { error: `Could not read the component's world: ${kindError}` };
  return {
    error:
      'The component exports neither wasi:cli/run (a command) nor wasi:http/incoming-handler (an HTTP proxy); set "mode" to "cli" or "http" to run it anyway.',
  };
}

export interface PlanInputs {
  runtime: Runtime;
  runtimePath: string;
  mode: 'cli' | 'http';
  /** The workspace folder that relative paths in the task are relative to. */
  folder: string;
}

export function makeRunPlan(task: RunTask, inputs: PlanInputs): RunPlan {
  const abs = (p: string) => path.resolve(inputs.folder, p);
  return {
    runtime: inputs.runtime,
    runtimePath: inputs.runtimePath,
    mode: inputs.mode,
    program: abs(task.program ?? ''),
    args: task.args ?? [],
    addr: task.addr ?? DEFAULT_SERVE_ADDR,
    // `HOST` or `HOST::GUEST`: only the host side is a path on this machine.
    dirs: (task.dirs ?? []).map((d) => {
      const [host, ...guest] = d.split('::');
      return guest.length > 0 ? `${abs(host)}::${guest.join('::')}` : `${abs(host)}::${host}`;
    }),
    env: task.env ?? {},
    wasi: task.wasi ?? [],
    cwd: task.cwd ? abs(task.cwd) : inputs.folder,
  };
}
