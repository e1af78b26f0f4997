// `diff --base REF`: the package folder as it is at a git ref, written into a
// temporary folder (`git archive REF -- DIR`, unpacked by tar; both run with
// argument arrays, no shell). The caller removes the folder.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from './files';

export interface BaseTree {
  /** The package folder as it was at the ref. */
  dir: string;
  /** The temporary folder to remove afterwards. */
  tempRoot: string;
}

function git(args: string[], cwd: string, input?: Buffer): Buffer {
  return execFileSync('git', args, { cwd, input, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function gitError(e: unknown): string {
  const err = e as { code?: string; stderr?: Buffer };
  if (err.code === 'ENOENT') return 'git is not installed (not on PATH)';
  return (
    String(err.stderr ?? '')
      .trim()
      .split('\n')[0] || String(e)
  );
}

export function checkoutBase(ref: string, packageDir: string): BaseTree {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], packageDir).toString().trim();
  } catch (e) {
    throw new InputError(`--base needs a git repository: ${packageDir}: ${gitError(e)}`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw new InputError(`--base ${ref}: no such commit, branch or tag in ${top}`);
  }
  const rel = path.relative(fs.realpathSync(top), fs.realpathSync(packageDir)).split(path.sep).join('/');
  let tar: Buffer;
  try {
    tar = git(['archive', '--format=tar', ref, '--', rel || '.'], top);
  } catch (e) {
    throw new InputError(`--base ${ref}: ${rel || '.'} is not in that commit (${gitError(e)})`);
  }
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-devkit-base-'));
  try {
    execFileSync('tar', ['-x', '-C', tempRoot], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (e) {
    fs.rmSync(tempRoot, { recursive: true, force: true });
    throw new InputError(`--base ${ref}: cannot unpack the commit's files: ${gitError(e)}`);
  }
  return { dir: path.join(tempRoot, rel), tempRoot };
}
