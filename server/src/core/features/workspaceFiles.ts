// The WIT packages of a workspace folder, for workspace-wide features
// (workspace symbols) when not every package has an open document: one .wit
// file per folder that holds any (a package root analyses its folder and its
// deps/ together). Walked with an explicit stack, and bounded: a workspace can
// be a monorepo with node_modules and build output.
import * as path from 'node:path';
import type { DirEntry } from '../host';

const SKIPPED = new Set(['node_modules', '.git', 'target', 'dist', 'out', 'deps']);

export function packageFilesUnder(readDirectory: (dir: string) => DirEntry[] | undefined, root: string, maxFolders = 2000): string[] {
  const out: string[] = [];
  const stack = [root];
  let visited = 0;
  while (stack.length && visited++ < maxFolders) {
    const dir = stack.pop()!;
    const entries = readDirectory(dir) ?? [];
    const wit = entries.find((e) => !e.isDirectory && e.name.endsWith('.wit'));
    if (wit) out.push(path.join(dir, wit.name));
    for (const e of entries) {
      if (e.isDirectory && !SKIPPED.has(e.name) && !e.name.startsWith('.')) stack.push(path.join(dir, e.name));
    }
  }
  return out.sort();
}
