// The model of the "WIT Packages" view: the WIT packages of a folder (each
// folder of .wit files outside deps/), the foreign packages each one uses, and
// for each what it resolved to (resolution.ts) or that it is missing / stale
// (deps/ has another version than the reference asks for).
// No `vscode` import: unit-tested in test/packages/.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parsePackageRef, type PackageRef } from './packageRef';
import { resolvePackage, type Resolution } from './resolution';

export interface DependencyNode {
  ref: PackageRef;
  resolution: Resolution;
  state: 'resolved' | 'missing' | 'stale';
  /** The files of the package that use it (absolute). */
  usedBy: string[];
}

export interface PackageNode {
  /** `ns:pkg@ver` as the package declares itself, or the folder's name. */
  name: string;
  dir: string;
  dependencies: DependencyNode[];
}

const SKIP = new Set(['deps', 'node_modules', '.git', 'target', 'out', 'dist']);
const USE =
  /(?:^|[\s{(,])(?:use|import|export|include)\s+(%?[a-z][a-z0-9-]*:%?[a-z][a-z0-9-]*(?:\/[%a-z0-9-]+)*(?:@[0-9][0-9A-Za-z.+-]*)?)/g;
const HEADER = /^\s*package\s+(%?[a-z][a-z0-9-]*:%?[a-z][a-z0-9-]*(?:@[0-9][0-9A-Za-z.+-]*)?)\s*[;{]/m;

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

/** Folders holding .wit files below `root` (deps/ and build folders left out), at most `limit`, looking into at most `budget` folders. */
export function witFolders(root: string, limit = 200, budget = 5000): string[] {
  const out: string[] = [];
  let visited = 0;
  const walk = (dir: string, depth: number) => {
    if (out.length >= limit || depth > 8 || ++visited > budget) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    if (names.some((n) => n.endsWith('.wit'))) out.push(dir);
    for (const n of names) {
      if (SKIP.has(n) || n.startsWith('.')) continue;
      const full = path.join(dir, n);
      try {
        if (statSync(full).isDirectory()) walk(full, depth + 1);
      } catch {
        /* gone */
      }
    }
  };
  walk(root, 0);
  return out;
}

/** The package in `dir`: its name and the foreign packages its files use, each resolved. */
export function packageNode(dir: string, registryOf: (ref: PackageRef) => string | undefined = () => undefined): PackageNode {
  let name = path.basename(dir);
  let ownKey: string | undefined;
  const uses = new Map<string, { ref: PackageRef; usedBy: Set<string> }>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.wit'))
    .sort();
  for (const f of files) {
    const file = path.join(dir, f);
    let text: string;
    try {
      text = stripComments(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const header = HEADER.exec(text);
    if (header) {
      name = header[1].replace(/%/g, '');
      ownKey = parsePackageRef(header[1])?.key;
    }
    for (const m of text.matchAll(USE)) {
      const ref = parsePackageRef(m[1]);
      if (!ref) continue;
      const entry = uses.get(ref.spec) ?? { ref, usedBy: new Set<string>() };
      entry.usedBy.add(file);
      uses.set(ref.spec, entry);
    }
  }
  const dependencies: DependencyNode[] = [];
  for (const { ref, usedBy } of [...uses.values()].sort((a, b) => a.ref.spec.localeCompare(b.ref.spec))) {
    if (ref.key === ownKey) continue;
    const resolution = resolvePackage(dir, ref, registryOf(ref));
    const found = resolution.deps?.version;
    const state = !resolution.deps ? 'missing' : ref.version && found && found !== ref.version ? 'stale' : 'resolved';
    dependencies.push({ ref, resolution, state, usedBy: [...usedBy] });
  }
  return { name, dir, dependencies };
}

/** One line describing a dependency in the view. */
export function dependencyLabel(d: DependencyNode): { label: string; description: string } {
  const version = d.resolution.deps?.version;
  const from = d.resolution.lock?.registry ?? d.resolution.lock?.url;
  if (d.state === 'missing') return { label: d.ref.spec, description: 'missing: not under deps/' };
  if (d.state === 'stale') return { label: d.ref.spec, description: `stale: deps/ has ${version}` };
  return { label: d.ref.spec, description: `${version ?? 'unversioned'}${from ? ` from ${from}` : ''}` };
}
