// Runs an external generator with an argument list (execFile: no shell, so no
// quoting and nothing in a path can become a command).
import { execFile } from 'node:child_process';

export interface RunResult { code: number; stdout: string; stderr: string }

export function runTool(file: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          // Not an exit status: the tool could not be started or was killed.
          reject(new Error(`${file} could not run: ${error.message}`));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
