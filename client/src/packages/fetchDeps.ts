// Fetching a package's WIT dependencies without leaving deps/ half-written:
// the project's manifest, lock and WIT folder are copied into a temporary
// folder, the tool (`wkg fetch`, or `wit-deps update` where the project has a
// deps.toml) runs there by argument list, and only when it succeeds are the new
// deps/ and lock moved into place (renames on one file system). A failure, a
// timeout or a cancel leaves the project as it was.
// No `vscode` import: the live tests drive it against a real registry.
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RunOutcome } from './failures';

export type FetchTool = 'wkg' | 'wit-deps';

export interface FetchPlan {
  tool: FetchTool;
  /** The folder the tool runs in (holds wkg.toml / wkg.lock, or the wit/ of wit-deps). */
  root: string;
  /** The arguments, relative to `root`. */
  args: string[];
  /** What is copied into the temporary root first, relative to `root` (when it exists). */
  copyIn: string[];
  /** What is moved back after a success, relative to `root` (when the tool made it). */
  moveBack: string[];
}

/**
 * The fetch for the WIT package in `packageDir` (the folder of its .wit files):
 * wit-deps when `packageDir/deps.toml` exists, else wkg, both run from the
 * folder above `packageDir` as their defaults expect (`wit/` beneath it).
 */
export function planFetch(packageDir: string, exists: (file: string) => boolean = existsSync): FetchPlan {
  const root = path.dirname(path.resolve(packageDir));
  const wit = path.basename(path.resolve(packageDir));
  if (exists(path.join(packageDir, 'deps.toml'))) {
    return {
      tool: 'wit-deps',
      root,
      args: ['--manifest', `${wit}/deps.toml`, '--lock', `${wit}/deps.lock`, '--deps', `${wit}/deps`, 'update'],
      copyIn: [wit],
      moveBack: [`${wit}/deps`, `${wit}/deps.lock`],
    };
  }
  return {
    tool: 'wkg',
    root,
    args: ['fetch', wit],
    copyIn: ['wkg.toml', 'wkg.lock', 'wkg', wit],
    moveBack: [`${wit}/deps`, 'wkg.lock'],
  };
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Runs `file args` (no shell), collecting its output; a timeout or an abort stops it by its PID. */
export function runTool(file: string, args: readonly string[], opts: RunOptions): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let cancelled = false;
    const child = spawn(file, [...args], { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    const stop = () => {
      if (child.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
    };
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          stop();
        }, opts.timeoutMs)
      : undefined;
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    if (opts.signal?.aborted) onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const finish = (outcome: RunOutcome) => {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    child.once('error', (e) => finish({ code: null, stdout, stderr, spawnError: e.message }));
    child.once('close', (code) => finish({ code, stdout, stderr, timedOut, cancelled }));
  });
}

/** Whether a wkg.toml or deps.toml points at local folders (`path = "../dep/wit"`), which only hold from a folder at the same depth. */
export function hasPathOverrides(manifest: string | undefined): boolean {
  return /^\s*(?:"[^"]*"|[A-Za-z0-9_:-]+)\s*=\s*\{[^}]*\bpath\s*=/m.test(manifest ?? '') || /^\s*path\s*=/m.test(manifest ?? '');
}

/**
 * The temporary root: in the OS temp folder, so no copy of the project's WIT
 * shows up in the workspace; beside `root` when the `../` paths of wkg.toml
 * (or deps.toml) must still hold from it (else, if that is not writable, the OS temp folder).
 */
async function temporaryRoot(plan: FetchPlan): Promise<string> {
  const root = plan.root;
  // wkg.toml's overrides, or wit-deps' `{ path = ... }` entries in <wit>/deps.toml.
  const manifests = plan.tool === 'wkg' ? ['wkg.toml'] : [`${plan.copyIn[0]}/deps.toml`];
  let relative = false;
  for (const m of manifests) {
    try {
      relative ||= hasPathOverrides(await fs.readFile(path.join(root, m), 'utf8'));
    } catch {
      /* none */
    }
  }
  if (relative) {
    try {
      return await fs.mkdtemp(path.join(path.dirname(root), '.wit-devkit-fetch-'));
    } catch {
      /* not writable: the OS temp folder */
    }
  }
  return fs.mkdtemp(path.join(tmpdir(), 'wit-devkit-fetch-'));
}

/** Puts `from` at `to`, replacing what was there only once the new copy is complete. */
export async function replaceWith(from: string, to: string): Promise<void> {
  const suffix = `${process.pid}-${Date.now()}`;
  let staged = from;
  try {
    await fs.rename(from, `${to}.new-${suffix}`);
    staged = `${to}.new-${suffix}`;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    // Another file system: copy next to the target first, then swap by renames.
    await fs.cp(from, `${to}.new-${suffix}`, { recursive: true });
    staged = `${to}.new-${suffix}`;
  }
  const old = `${to}.old-${suffix}`;
  const had = existsSync(to);
  if (had) await fs.rename(to, old);
  try {
    await fs.rename(staged, to);
  } catch (e) {
    if (had) await fs.rename(old, to);
    throw e;
  }
  if (had) await fs.rm(old, { recursive: true, force: true });
}

export interface FetchResult {
  outcome: RunOutcome;
  /** The paths moved into the project (absolute), after a success. */
  updated: string[];
}

/** Runs `plan` with `toolPath` in a temporary copy and moves the results in on success. */
export async function fetchDependencies(plan: FetchPlan, toolPath: string, opts: Omit<RunOptions, 'cwd'> = {}): Promise<FetchResult> {
  const temp = await temporaryRoot(plan);
  try {
    for (const rel of plan.copyIn) {
      const src = path.join(plan.root, rel);
      if (existsSync(src)) await fs.cp(src, path.join(temp, rel), { recursive: true });
    }
    // No Rust stack trace in the output the user is shown (wkg and wit-deps print one with RUST_BACKTRACE=1).
    const env = { ...(opts.env ?? process.env), RUST_BACKTRACE: '0' };
    const outcome = await runTool(toolPath, plan.args, { ...opts, env, cwd: temp });
    if (outcome.code !== 0 || outcome.timedOut || outcome.cancelled || outcome.spawnError) return { outcome, updated: [] };
    const updated: string[] = [];
    for (const rel of plan.moveBack) {
      const made = path.join(temp, rel);
      if (!existsSync(made)) continue;
      const target = path.join(plan.root, rel);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await replaceWith(made, target);
      updated.push(target);
    }
    return { outcome, updated };
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

/**
 * Writes every .wit file under `paths` again, byte for byte. A folder renamed
 * into place is reported by VS Code's file watcher as one folder event, which
 * the server's `**\/deps/**` watcher may not see or may not look into; a write
 * of each file is reported per file, so the server reads the new packages and
 * its "package not found" errors clear. Returns the files written.
 */
export async function announceWitFiles(paths: readonly string[]): Promise<string[]> {
  const written: string[] = [];
  const visit = async (p: string): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of (await fs.readdir(p)).sort()) await visit(path.join(p, name));
    } else if (p.endsWith('.wit')) {
      await fs.writeFile(p, await fs.readFile(p));
      written.push(p);
    }
  };
  for (const p of paths) await visit(p);
  return written;
}
