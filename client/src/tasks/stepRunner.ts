// Runs a build's steps (buildSteps.ts) one after the other, each through
// processRunner.ts (a program and an argument list, no shell), in a scratch
// folder of its own that is removed afterwards. It stops at the first step
// that fails and ends with that step's exit code, so the task fails as the
// compiler did; every step's output reaches the caller unchanged, which is
// what the build's problem matchers read.
// No `vscode` import: the build terminal and the live tests both run builds here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { BuildPaths, BuildStep } from './buildSteps';
import { describeCommandLine } from './commandLines';
import { startProcess, type RunningProcess } from './processRunner';

export type Output = (text: string, stream: 'stdout' | 'stderr') => void;

export interface StepRun {
  /** The exit code of the last step that ran (0 when all passed). */
  readonly done: Promise<number>;
  /** Stops the running step; no later step starts. */
  stop(): void;
}

/** A fresh, empty scratch folder for one build. */
export function makeScratch(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'wit-devkit-build-'));
}

/**
 * Runs `plan(paths)` with a fresh scratch folder: the steps, or a message
 * (printed, exit code 1) when the task cannot be built as written.
 * `env` is added to every step's own variables (the tests point Go and cargo
 * at the toolchain's caches this way).
 */
export function runBuild(
  cwd: string,
  plan: (paths: BuildPaths) => BuildStep[] | string,
  output: Output,
  env: Record<string, string> = {},
): StepRun {
  let current: RunningProcess | undefined;
  let stopped = false;
  const done = (async () => {
    const scratch = await makeScratch();
    try {
      const steps = plan({ cwd, scratch });
      if (typeof steps === 'string') {
        output(`${steps}\n`, 'stderr');
        return 1;
      }
      for (const step of steps) {
        if (stopped) return 130;
        output(`> ${step.title}\n> ${describeCommandLine(step)}\n`, 'stdout');
        current = startProcess({ ...step, env: { ...step.env, ...env } }, output);
        const code = await current.done;
        current = undefined;
        if (code !== 0) {
          output(`> failed with exit code ${code}\n`, 'stderr');
          return code;
        }
      }
      return stopped ? 130 : 0;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  })();
  return {
    done,
    stop: () => {
      stopped = true;
      current?.stop();
    },
  };
}
