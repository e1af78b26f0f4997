// The WIT files a command works on: each operand a .wit file or a folder
// searched below (hidden folders and node_modules skipped). A path that does
// not exist, or operands with no WIT at all, are bad input (exit code 2).
import * as fs from 'node:fs';
import * as path from 'node:path';

export class InputError extends Error {}

const SKIPPED_DIRS = new Set(['node_modules', 'target', 'dist']);

export function witFilesOf(operands: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const operand of operands.length ? operands : ['.']) {
    const abs = path.resolve(cwd, operand);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new InputError(`${operand}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const before = found.size;
      walk(abs, found);
      if (found.size === before) throw new InputError(`${operand}: no .wit files in this folder`);
    } else if (abs.endsWith('.wit')) {
      found.add(abs);
    } else {
      throw new InputError(`${operand}: not a .wit file or a folder`);
    }
  }
  return [...found].sort();
}

function walk(dir: string, out: Set<string>): void {
  // Iterative: a deep tree must not overflow the stack.
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) stack.push(p);
      } else if (e.name.endsWith('.wit') && (e.isFile() || e.isSymbolicLink())) {
        out.add(p);
      }
    }
  }
}

/** A path as printed: relative to the working folder when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  if (rel === '') return '.';
  return !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
