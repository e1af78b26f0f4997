// A package as the editor holds it, for generators to read from a folder: the
// .wit files of the package directory and its deps/, with the text of open
// (maybe unsaved) buffers in place of what is on disk, so that unsaved edits
// are what gets generated. SnapshotStore writes it; this file says what is in it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SnapshotSource {
  /** The text of a file as the editor holds it (open buffer first, else disk), or undefined. */
  textOf(file: string): string | undefined;
  /** Paths of open buffers, some of which may not exist on disk yet. */
  openFiles: string[];
}

export interface PackageSnapshot {
  /** The temporary root: `wit/` holds the package; `out/` (created by the generator) receives its files. */
  root: string;
  witDir: string;
  outDir: string;
  /** Snapshot path -> the real file it stands for (to point errors at the user's files). */
  origins: Map<string, string>;
  /** Done with this request: removes the generator's out/. */
  dispose(): void;
}

/**
 * The files wit-parser reads for a package directory, relative to it: its own
 * `*.wit`, and under `deps/` each package folder's `*.wit` or a single
 * `.wit`/`.wasm` file. Open buffers inside those places count even when unsaved.
 */
export function packageFiles(packageDir: string, openFiles: string[] = []): string[] {
  const found = new Set<string>();
  for (const name of listFiles(packageDir)) if (name.endsWith('.wit')) found.add(name);
  const deps = path.join(packageDir, 'deps');
  for (const entry of listEntries(deps)) {
    if (entry.isDirectory) {
      for (const name of listFiles(path.join(deps, entry.name))) {
        if (name.endsWith('.wit')) found.add(path.join('deps', entry.name, name));
      }
    } else if (entry.name.endsWith('.wit') || entry.name.endsWith('.wasm')) {
      found.add(path.join('deps', entry.name));
    }
  }
  for (const open of openFiles) {
    const rel = path.relative(packageDir, open);
    if (!rel.endsWith('.wit') || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const parts = rel.split(path.sep);
    const inPackage = parts.length === 1;
    const inDeps = parts[0] === 'deps' && (parts.length === 2 || parts.length === 3);
    if (inPackage || inDeps) found.add(rel);
  }
  return [...found].sort();
}

function listEntries(dir: string): Array<{ name: string; isDirectory: boolean }> {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).map((d) => ({
      name: d.name,
      isDirectory: d.isDirectory() || (d.isSymbolicLink() && isDirectory(path.join(dir, d.name))),
    }));
  } catch {
    return [];
  }
}

function listFiles(dir: string): string[] {
  return listEntries(dir)
    .filter((e) => !e.isDirectory)
    .map((e) => e.name);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
