// Checks a WAC document with the real `wac` CLI: the editor's text (saved or not) goes to
// a temporary file and `wac compose` runs on it by argument list (no shell) with the
// document's deps/ folder, writing the composed component to its stdout (a pipe: no output
// file to write, read back and delete). wac's error, if any, becomes a diagnostic at its
// token. Running wac lives here, outside the analysis core; wacCheckCache.ts decides when a
// run can be skipped.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseWacErrors, wacErrorText, type WacError } from './wacErrors';
import { scanWac } from './wacScanner';

export interface WacProblem {
  /** 0-based start and end (line, character). */
  start: { line: number; character: number };
  end: { line: number; character: number };
  message: string;
  severity: 'error' | 'warning';
}

export interface WacCheckResult {
  problems: WacProblem[];
  /** The composed component, when wac composed the document. */
  composed?: Uint8Array;
  /** wac's exit code and what it printed (for logs and tests). */
  code: number | null;
  stderr: string;
}

export interface WacCheckOptions {
  /** The wac executable. */
  wac: string;
  /** The folder wac looks for packages in (`--deps-dir`). */
  depsDir: string;
  /** Explicit `--dep name=path` inputs. */
  deps?: Record<string, string>;
  /** The folder wac runs in (the document's folder). */
  cwd?: string;
  timeoutMs?: number;
}

/** The arguments of the check: `wac compose` of `file`, the component to stdout. */
export function checkArgs(file: string, options: Pick<WacCheckOptions, 'depsDir' | 'deps'>): string[] {
  const deps = Object.entries(options.deps ?? {}).flatMap(([name, p]) => ['--dep', `${name}=${p}`]);
  return ['compose', file, '--deps-dir', options.depsDir, ...deps];
}

// One folder for the whole server, made on the first check: a check writes one file in it
// (named per check, as documents are checked concurrently) and deletes it, instead of making
// and removing a folder each time. Removed when the server exits.
let workDir: string | undefined;
let checks = 0;
function documentFile(): string {
  if (!workDir || !existsSync(workDir)) {
    const dir = mkdtempSync(path.join(tmpdir(), 'wit-devkit-wac-'));
    workDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return path.join(workDir, `document-${++checks}.wac`);
}

export async function checkWac(text: string, options: WacCheckOptions): Promise<WacCheckResult> {
  const file = documentFile();
  try {
    writeFileSync(file, text);
    const result = await runToolWithEnv(options.wac, checkArgs(file, options), options);
    if (result.timedOut) {
      return {
        problems: [atStart(`wac did not answer within ${Math.round((options.timeoutMs ?? 10_000) / 1000)} s`, 'warning')],
        code: null,
        stderr: result.stderr,
      };
    }
    if (result.code === 0) {
      return { problems: [], composed: new Uint8Array(result.stdout), code: 0, stderr: result.stderr };
    }
    const errors = parseWacErrors(result.stderr);
    const problems = errors.length
      ? errors.map((e) => toProblem(e, text, options.depsDir))
      : [atStart(`wac compose failed (exit ${String(result.code ?? result.signal)}): ${result.stderr.trim()}`, 'error')];
    return { problems, code: result.code, stderr: result.stderr };
  } finally {
    rmSync(file, { force: true });
  }
}

interface Run {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The composed component (wac writes it to stdout when there is no -o). */
  stdout: Buffer;
  stderr: string;
}

/** wac by argument list; RUST_BACKTRACE=0 keeps a stack trace out of its error report. */
function runToolWithEnv(wac: string, args: string[], options: WacCheckOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      wac,
      args,
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 10_000,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'buffer',
        windowsHide: true,
        env: { ...process.env, RUST_BACKTRACE: '0', NO_COLOR: '1' },
      },
      (error, stdout, stderr) => {
        const out = { stdout, stderr: stderr.toString('utf8') };
        if (error?.signal) resolve({ code: null, signal: error.signal, timedOut: error.killed === true, ...out });
        else if (error && typeof error.code !== 'number') reject(new Error(`${wac} could not run: ${error.message}`));
        else resolve({ code: error ? Number(error.code) : 0, signal: null, timedOut: false, ...out });
      },
    );
  });
}

const atStart = (message: string, severity: WacProblem['severity']): WacProblem => ({
  start: { line: 0, character: 0 },
  end: { line: 0, character: 0 },
  message,
  severity,
});

function toProblem(e: WacError, text: string, depsDir: string): WacProblem {
  const message = wacErrorText(e);
  if (e.line !== undefined && e.column !== undefined) {
    const lines = text.split('\n');
    const lineText = lines[e.line] ?? '';
    let length = e.length;
    if (length === 0) length = /^[%A-Za-z0-9-]+/.exec(lineText.slice(e.column))?.[0].length ?? 1;
    const end = Math.min(lineText.replace(/\r$/, '').length, e.column + length);
    return {
      start: { line: e.line, character: e.column },
      end: { line: e.line, character: Math.max(end, e.column) },
      message,
      severity: 'error',
    };
  }
  // No location. wac looks an unknown package up in a registry and reports only that the
  // lookup failed: say which package is not in deps/, at the `new` that names it.
  if (/registry/i.test(message)) {
    const missing = scanWac(text).packageRefs.find((ref) => !inDeps(ref.name, depsDir));
    if (missing) {
      return {
        start: positionAt(text, missing.span.start),
        end: positionAt(text, missing.span.end),
        severity: 'error',
        message: `unknown package \`${missing.name}\`: not in ${depsDir}, and wac's registry lookup failed:\n${message}`,
      };
    }
  }
  return atStart(message, 'error');
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Whether wac finds package `ns:name` in the deps folder: `ns/name.wasm`, `.wat`, `.wit` or a `ns/name/` folder. */
export function inDeps(name: string, depsDir: string): boolean {
  const parts = name.replace(/@.*$/, '').split(':');
  const base = path.join(depsDir, ...parts);
  return ['.wasm', '.wat', '.wit', ''].some((ext) => existsSync(base + ext));
}
