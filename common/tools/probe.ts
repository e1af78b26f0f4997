// Asks a tool its version (or its --help) before the extension relies on it.
// The probe is a child process from an argument list (execFile: no shell),
// with a timeout, its input closed (a debug adapter given an unknown flag
// starts serving stdin; closed input ends it), and run from the temp folder,
// not the workspace (a rust-toolchain.toml there would make rustup's cargo
// install a toolchain just to say its version).
// Answers are kept per executable, its real path, size and mtime: a tool
// replaced in place is asked again, an unchanged one is not. Failures are
// not kept, so a tool the user repairs is believed at once.
// No `vscode` import.
import { execFile } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { TOOLS, type ToolId } from './minimums';
import { readVersion, versionFromName, type Version } from './versions';

export interface RunOutcome {
  /** The exit code, or null when the process was killed or never started. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed because it did not finish within the timeout. */
  timedOut: boolean;
  /** Why it could not be started at all (ENOENT, EACCES, ENOEXEC...). */
  startError?: string;
}

/** Runs `file args` with no shell, no input, from the temp folder; never rejects. */
export function runQuietly(file: string, args: readonly string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      [...args],
      { cwd: tmpdir(), timeout: timeoutMs, maxBuffer: 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const out = { stdout: String(stdout ?? ''), stderr: String(stderr ?? '') };
        if (!error) return resolve({ code: 0, signal: null, timedOut: false, ...out });
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals | null; code?: unknown };
        if (typeof e.code === 'number') return resolve({ code: e.code, signal: null, timedOut: false, ...out });
        if (e.signal) return resolve({ code: null, signal: e.signal, timedOut: e.killed === true, ...out });
        resolve({ code: null, signal: null, timedOut: false, startError: typeof e.code === 'string' ? e.code : e.message, ...out });
      },
    );
    child.stdin?.end();
  });
}

export type VersionProbe =
  | { kind: 'version'; version: Version }
  /** It ran and exited 0 but said no version in its known format (the check then lets it be used). */
  | { kind: 'unknown'; output: string }
  | { kind: 'failed'; args: readonly string[]; run: RunOutcome; timeoutMs: number };

export interface HelpProbe {
  kind: 'help';
  text: string;
}

/** What identifies one build of an executable: its real path, size and mtime (undefined when it cannot be read). */
function identity(executable: string): string | undefined {
  try {
    const st = statSync(executable);
    return `${realpathSync(executable)}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

export class ToolProbe {
  private readonly answers = new Map<string, Promise<VersionProbe | HelpProbe>>();
  /** How many processes this probe has started (tests check the cache with it). */
  started = 0;

  constructor(private readonly timeoutMs = 10_000) {}

  /** The tool's version, from `<executable> <versionArgs>` (or, for LLDB, its name). */
  version(tool: ToolId, executable: string): Promise<VersionProbe> {
    // Windows runs .cmd/.bat only through cmd.exe (Node refuses them without a
    // shell since CVE-2024-27980), and no tool is started through a shell: such
    // a tool (npm's jco.cmd) is used without a version check.
    if (process.platform === 'win32' && /\.(cmd|bat)$/i.test(executable)) return Promise.resolve({ kind: 'unknown', output: '' });
    return this.cached(`version\0${tool}\0${executable}`, executable, async () => {
      const args = TOOLS[tool].versionArgs;
      const run = await this.run(executable, args);
      const flagUnknown = TOOLS[tool].versionFlagOptional && run.code !== null && run.code !== 0;
      if (run.code !== 0 && !flagUnknown) return { kind: 'failed', args, run, timeoutMs: this.timeoutMs };
      const said = flagUnknown ? undefined : readVersion(tool, `${run.stdout}\n${run.stderr}`);
      const version = said ?? versionFromName(tool, executable);
      return version ? { kind: 'version', version } : { kind: 'unknown', output: `${run.stdout}${run.stderr}`.trim() };
    }) as Promise<VersionProbe>;
  }

  /** The tool's help text (`<executable> <args>`), for checking it has a subcommand. */
  help(executable: string, args: readonly string[] = ['--help']): Promise<HelpProbe | VersionProbe> {
    if (process.platform === 'win32' && /\.(cmd|bat)$/i.test(executable)) return Promise.resolve({ kind: 'unknown', output: '' });
    return this.cached(`help\0${args.join('\0')}\0${executable}`, executable, async () => {
      const run = await this.run(executable, args);
      if (run.code !== 0) return { kind: 'failed', args, run, timeoutMs: this.timeoutMs };
      return { kind: 'help', text: `${run.stdout}\n${run.stderr}` };
    });
  }

  private run(executable: string, args: readonly string[]): Promise<RunOutcome> {
    this.started++;
    return runQuietly(executable, args, this.timeoutMs);
  }

  private cached(key: string, executable: string, ask: () => Promise<VersionProbe | HelpProbe>): Promise<VersionProbe | HelpProbe> {
    const id = identity(executable);
    if (id === undefined) return ask();
    const full = `${key}\0${id}`;
    const known = this.answers.get(full);
    if (known) return known;
    const answer = ask();
    this.answers.set(full, answer);
    void answer.then((a) => {
      if (a.kind === 'failed') this.answers.delete(full);
    });
    return answer;
  }
}

/** The probe the extension and the server use (one per process). */
export const toolProbe = new ToolProbe();
