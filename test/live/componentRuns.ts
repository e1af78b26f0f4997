// Shared by the live run/serve/compose tests: start a component through the
// extension's own code (runCommandLine + startProcess, an argument list, never
// a shell), collect what it prints, wait for a server to listen, and check
// that a port is free again once the run is stopped.
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { runCommandLine, type RunPlan } from '../../client/src/tasks/commandLines';
import { startProcess, type RunningProcess } from '../../client/src/tasks/processRunner';
import { freePort } from '../freePort';
export { freePort };

export const repo = path.resolve(__dirname, '../..');
export const cacheRoot = process.env.WIT_DEVKIT_CACHE ?? path.join(homedir(), '.cache/wit-devkit');
/** The C wasi:cli fixture (test/fixtures/cli/hello.c). */
export const cliFixture = path.join(repo, 'test/fixtures/cli/hello.component.wasm');
/** The Python wasi:http fixture, cached by scripts/build-http-fixture-py.sh. */
export const pythonHttpFixture = path.join(cacheRoot, 'http-fixture-py.wasm');

/** A run plan with the test defaults (a command, no args, dirs, env or -S options). */
export function plan(runtimePath: string, over: Partial<RunPlan> = {}): RunPlan {
  return {
    runtime: 'wasmtime',
    runtimePath,
    mode: 'cli',
    program: cliFixture,
    args: [],
    addr: '127.0.0.1:0',
    dirs: [],
    env: {},
    wasi: [],
    ...over,
  };
}

/** Runs a plan to its end: the exit code and everything printed (stdout and stderr, in order). */
export async function runToEnd(p: RunPlan): Promise<{ code: number; out: string }> {
  let out = '';
  const child = startProcess(runCommandLine(p), (t) => (out += t));
  return { code: await child.done, out };
}

/** Resolves when the port can be bound again (rejects with EADDRINUSE otherwise). */
export function portIsFree(port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(port, '127.0.0.1', () => s.close(() => resolve()));
  });
}

export interface Served {
  process: RunningProcess;
  /** Everything the server printed so far. */
  output(): string;
}

/**
 * Starts a serve plan and resolves once its output matches `listening` (the
 * runtime's own "listening" line), or rejects with its output if it exits first.
 */
export async function serve(p: RunPlan, listening: RegExp): Promise<Served> {
  let out = '';
  let check: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (check = () => listening.test(out) && resolve()));
  const child = startProcess(runCommandLine(p), (text) => {
    out += text;
    check();
  });
  const exited = child.done.then((code) => Promise.reject(new Error(`the server exited with ${code} before listening: ${out}`)));
  await Promise.race([ready, exited]);
  exited.catch(() => undefined); // stopping it later is expected
  return { process: child, output: () => out };
}
