// Runs an external generator with an argument list (execFile: no shell, so no
// quoting and nothing in a path can become a command).
import { execFile } from 'node:child_process';

export interface RunResult {
  /** The exit code; null when the tool was killed (then `signal` says by what). */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Killed by us because it ran past the timeout. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export function runTool(file: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        const out = { stdout: String(stdout), stderr: String(stderr) };
        if (error && error.signal) {
          // Killed (a crash, or our timeout): said by signal, not by a made-up exit code.
          resolve({ code: null, signal: error.signal, timedOut: error.killed === true, ...out });
          return;
        }
        if (error && typeof error.code !== 'number') {
          // Not an exit status: the tool could not be started.
          reject(new Error(`${file} could not run: ${error.message}`));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, signal: null, timedOut: false, ...out });
      },
    );
  });
}
