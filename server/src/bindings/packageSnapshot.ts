// Writes the package as the editor holds it to a temporary folder: the .wit
// files of the package directory and its deps/, with the text of open (maybe
// unsaved) buffers in place of what is on disk. Generators read that folder,
// so unsaved edits are what gets generated. The caller disposes of it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface SnapshotSource {
  /** The text of a file as the editor holds it (open buffer first, else disk), or undefined. */
  textOf(file: string): string | undefined;
  /** Paths of open buffers, some of which may not exist on disk yet. */
  openFiles: string[];
}

export interface PackageSnapshot {
  /** The temporary root: `wit/` holds the package; `out/` (not created) is for generators. */
  root: string;
  witDir: string;
  outDir: string;
  /** Snapshot path -> the real file it stands for (to point errors at the user's files). */
  origins: Map<string, string>;
  dispose(): void;
}

export function writePackageSnapshot(packageDir: string, source: SnapshotSource): PackageSnapshot {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-bindings-'));
  const witDir = path.join(root, 'wit');
  const outDir = path.join(root, 'out');
  // out/ is left for the generator to create: componentize-py refuses to write
  // bindings into a folder that already has them.
  fs.mkdirSync(witDir);
  const origins = new Map<string, string>();
  const dispose = () => fs.rmSync(root, { recursive: true, force: true });
  try {
    for (const rel of packageFiles(packageDir, source.openFiles)) {
      const real = path.join(packageDir, rel);
      const target = path.join(witDir, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (rel.endsWith('.wit')) {
        const text = source.textOf(real);
        if (text === undefined) continue;
        fs.writeFileSync(target, text);
      } else {
        fs.copyFileSync(real, target);
      }
      origins.set(target, real);
    }
  } catch (e) {
    dispose();
    throw e;
  }
  return { root, witDir, outDir, origins, dispose };
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
  return listEntries(dir).filter((e) => !e.isDirectory).map((e) => e.name);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
