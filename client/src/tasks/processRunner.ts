// Starts a component run as a child process from a program and an argument
// list (spawn with no shell): what is in an argument is data, never syntax.
// The child gets its own process group so stopping a run also stops what the
// runtime started (jco run/serve spawn a node child of their own).
// No `vscode` import: the run terminal and the tests both use this.
import { spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import type { CommandLine } from './commandLines';

export interface RunningProcess {
  /** Resolves with the exit code (signal deaths map to 128 + signal number, as shells do). */
  readonly done: Promise<number>;
  /** The signal that ended the process, if one did (a crash, or stop()); null for a normal exit. */
  readonly signal: Promise<NodeJS.Signals | null>;
  /** Sends input to the process's stdin. */
  write(text: string): void;
  /** Stops the process and everything it started. */
  stop(): void;
}

export function startProcess(line: CommandLine, onOutput: (text: string, stream: 'stdout' | 'stderr') => void): RunningProcess {
  const ownGroup = process.platform !== 'win32';
  const child = spawn(line.command, line.args, {
    cwd: line.cwd,
    env: line.env ? { ...process.env, ...line.env } : process.env,
    shell: false,
    detached: ownGroup,
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  child.stdout.setEncoding('utf8').on('data', (t: string) => onOutput(t, 'stdout'));
  child.stderr.setEncoding('utf8').on('data', (t: string) => onOutput(t, 'stderr'));
  child.stdin.on('error', () => undefined); // a component that never reads stdin
  let endedBy: (signal: NodeJS.Signals | null) => void = () => undefined;
  const signal = new Promise<NodeJS.Signals | null>((resolve) => (endedBy = resolve));
  const done = new Promise<number>((resolve) => {
    child.on('error', (err) => {
      onOutput(`${line.command}: ${err.message}\n`, 'stderr');
      endedBy(null);
      resolve(127);
    });
    child.on('close', (code, sig) => {
      endedBy(sig);
      // The platform's own signal numbers (SIGSEGV is 11 on Linux): 139, as a shell would say.
      resolve(code ?? 128 + (sig ? (osConstants.signals[sig] ?? 0) : 0));
    });
  });
  return {
    done,
    signal,
    write: (text) => {
      if (child.stdin.writable) child.stdin.write(text);
    },
    stop: () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      try {
        if (ownGroup) process.kill(-child.pid, 'SIGTERM');
        else child.kill('SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    },
  };
}
