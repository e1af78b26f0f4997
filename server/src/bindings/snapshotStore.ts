// Package snapshots kept between requests: a preview regenerates on every pause
// in typing, and rewriting two dozen files into a fresh temporary folder each
// time costs more than generating. A kept snapshot is brought up to date by
// writing only the files whose text changed and removing those that are gone.
// Everything is removed on dispose (the server's exit) and when a package
// falls out of the few kept.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageFiles, type PackageSnapshot, type SnapshotSource } from './packageSnapshot';

interface Kept {
  root: string;
  witDir: string;
  outDir: string;
  written: Map<string, string>;
}

export class SnapshotStore {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly capacity = 4) {}

  /** The snapshot of `packageDir` as `source` holds it now; its dispose() clears only the generator's out/. */
  update(packageDir: string, source: SnapshotSource): PackageSnapshot {
    const entry = this.entryFor(packageDir);
    try {
      const origins = this.sync(entry, packageDir, source);
      const clearOut = () => fs.rmSync(entry.outDir, { recursive: true, force: true });
      clearOut();
      return { root: entry.root, witDir: entry.witDir, outDir: entry.outDir, origins, dispose: clearOut };
    } catch (e) {
      this.drop(packageDir);
      throw e;
    }
  }

  dispose(): void {
    for (const dir of [...this.kept.keys()]) this.drop(dir);
  }

  private entryFor(packageDir: string): Kept {
    let entry = this.kept.get(packageDir);
    if (entry) {
      // Most recently used last.
      this.kept.delete(packageDir);
    } else {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-bindings-'));
      entry = { root, witDir: path.join(root, 'wit'), outDir: path.join(root, 'out'), written: new Map() };
      fs.mkdirSync(entry.witDir);
    }
    this.kept.set(packageDir, entry);
    while (this.kept.size > this.capacity) this.drop(this.kept.keys().next().value as string);
    return entry;
  }

  private sync(entry: Kept, packageDir: string, source: SnapshotSource): Map<string, string> {
    const origins = new Map<string, string>();
    const wanted = new Set<string>();
    for (const rel of packageFiles(packageDir, source.openFiles)) {
      const real = path.join(packageDir, rel);
      const target = path.join(entry.witDir, rel);
      // Binary deps (.wasm) are compared by size and time, text by content.
      const content = rel.endsWith('.wit') ? source.textOf(real) : binaryStamp(real);
      if (content === undefined) continue;
      wanted.add(rel);
      origins.set(target, real);
      if (entry.written.get(rel) === content) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (rel.endsWith('.wit')) fs.writeFileSync(target, content);
      else fs.copyFileSync(real, target);
      entry.written.set(rel, content);
    }
    for (const rel of [...entry.written.keys()]) {
      if (wanted.has(rel)) continue;
      fs.rmSync(path.join(entry.witDir, rel), { force: true });
      entry.written.delete(rel);
    }
    return origins;
  }

  private drop(packageDir: string): void {
    const entry = this.kept.get(packageDir);
    this.kept.delete(packageDir);
    if (entry) fs.rmSync(entry.root, { recursive: true, force: true });
  }
}

function binaryStamp(file: string): string | undefined {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}
