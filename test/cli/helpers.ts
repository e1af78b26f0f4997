// Helpers for the command-line tests: the CLI run in-process (runCli with
// captured output), the real executable run as a process, and packages copied
// into temporary folders with small edits (the fixtures stay read-only).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { runCli } from '../../server/src/cli/run';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');
export const fixtures = path.join(repoRoot, 'test', 'fixtures', 'evolution');
const wasmDir = path.join(repoRoot, 'dist');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd = repoRoot): Promise<CliResult> {
  let stdout = '',
    stderr = '';
  const code = await runCli(args, {
    cwd,
    wasmDir,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

/** The executable itself, from source (what dist/cli.js is built from). */
export function cliProcess(args: string[], cwd = repoRoot): Promise<CliResult> {
  const main = path.join(repoRoot, 'server', 'src', 'cli', 'main.ts');
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', main, ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const temps: string[] = [];

/** A temporary copy of `dir` with text replaced per file: `{ 'a.wit': [[from, to], ...] }`. */
export function editedCopy(dir: string, edits: Record<string, Array<[string | RegExp, string]>> = {}): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-devkit-cli-'));
  temps.push(out);
  fs.cpSync(dir, out, { recursive: true });
  // The shared corpus is read-only; the copies must be editable.
  for (const f of walk(out)) fs.chmodSync(f, 0o644);
  for (const [file, list] of Object.entries(edits)) {
    const p = path.join(out, file);
    let text = fs.readFileSync(p, 'utf8');
    for (const [from, to] of list) {
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit of ${file} matched nothing: ${String(from)}`);
      text = next;
    }
    fs.writeFileSync(p, text);
  }
  return out;
}

/** Every .wit file of a package folder: for edits that touch all of them (a version bump). */
export function witFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.wit'));
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      fs.chmodSync(p, 0o755);
      out.push(...walk(p));
    } else out.push(p);
  }
  return out;
}

export function removeTemps(): void {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
}

/** No JavaScript stack trace in what a command printed. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.*:\d+:\d+\)$/m.test(text) || /\n\s+at [\w.<>]+ \(/.test(text);
}
