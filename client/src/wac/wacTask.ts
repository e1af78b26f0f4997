// `wac` tasks: `wac compose <file> --deps-dir <deps> [--dep name=path] -o <output>`, or with
// `plugs` `wac plug <file> --plug <p>... -o <output>`, run as a process (no shell) in the
// workspace folder. The pure part: the definition's arguments and
// where wac is. No `vscode` import: unit-tested under Node.
import * as path from 'node:path';
import { homedir } from 'node:os';
import { isExecutableFile } from '../../../common/tools/toolLookup';
import { wacPlugArgs } from './plugCandidates';

export const WAC_TASK_TYPE = 'wac';

export interface WacTaskDefinition {
  type: typeof WAC_TASK_TYPE;
  /** The .wac document (with `plugs`: the socket component), relative to the workspace folder. */
  file: string;
  /** `wac plug`: the components plugged into the socket `file`. */
  plugs?: string[];
  /** The component to write, relative to the workspace folder. */
  output: string;
  /** The package folder (default: the document's deps/). */
  depsDir?: string;
  /** Explicit inputs: package name -> path. */
  deps?: Record<string, string>;
}

export function isWacTaskDefinition(d: unknown): d is WacTaskDefinition {
  const t = d as Partial<WacTaskDefinition> | undefined;
  return t?.type === WAC_TASK_TYPE && typeof t.file === 'string' && typeof t.output === 'string';
}

/** wac's arguments for a task, paths relative to the folder it runs in. */
export function wacComposeArgs(d: WacTaskDefinition): string[] {
  if (d.plugs) return wacPlugArgs(d.file, d.plugs, d.output);
  const depsDir = d.depsDir ?? path.posix.join(path.posix.dirname(d.file.replace(/\\/g, '/')), 'deps');
  const deps = Object.entries(d.deps ?? {}).flatMap(([name, p]) => ['--dep', `${name}=${p}`]);
  return ['compose', d.file, '--deps-dir', depsDir, ...deps, '-o', d.output];
}

/** The output a document composes to unless chosen otherwise: `<name>.wasm` beside it. */
export function defaultOutput(file: string): string {
  return file.replace(/\.wac$/i, '') + '.wasm';
}

/** wac on PATH, else where the project's toolchain installer links it ($WIT_DEVKIT_CACHE/bin). */
export function findWacExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exe = process.platform === 'win32' ? 'wac.exe' : 'wac';
  const cache = env.WIT_DEVKIT_CACHE || path.join(homedir(), '.cache', 'wit-devkit');
  for (const dir of [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), path.join(cache, 'bin')]) {
    if (isExecutableFile(path.join(dir, exe))) return path.join(dir, exe);
  }
  return undefined;
}
