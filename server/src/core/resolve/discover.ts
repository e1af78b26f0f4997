// Which files make up the packages a file belongs to, laid out as wit-parser
// reads a directory: the root package is every `.wit` file of a folder; its
// `deps/` folder holds dependencies, each a folder of `.wit` files, a single
// `.wit` file, or a package already encoded as a component (`.wasm`, `.wat`).
import * as path from 'node:path';
import type { Workspace } from '../workspace';
import type { WitDocument } from '../document';

export interface PackageSource {
  /** The folder (or single file) that holds the package. */
  location: string;
  documents: WitDocument[];
  isDependency: boolean;
}

/** A dependency encoded as a component: only the names it exports are read. */
export interface BinaryPackageSource {
  location: string;
  /** `ns:pkg/iface@ver` names found in it. */
  interfaceNames: string[];
}

export interface RootLayout {
  rootDir: string;
  packages: PackageSource[];
  binaryPackages: BinaryPackageSource[];
}

/** The root folder for a file: its folder, or the folder above `deps/` for a dependency's file. */
export function rootDirOf(filePath: string): string {
  const dir = path.dirname(filePath);
  if (path.basename(dir) === 'deps') return path.dirname(dir);
  const parent = path.dirname(dir);
  if (path.basename(parent) === 'deps') return path.dirname(parent);
  return dir;
}

export function discoverRoot(workspace: Workspace, filePath: string): RootLayout {
  const rootDir = rootDirOf(filePath);
  const packages: PackageSource[] = [];
  const binaryPackages: BinaryPackageSource[] = [];
  const rootDocs = witFilesIn(workspace, rootDir);
  // A file that is open but not (yet) on disk still belongs to its folder.
  const own = workspace.documentAtPath(filePath);
  if (own && filePath.endsWith('.wit') && path.dirname(filePath) === rootDir && !rootDocs.includes(own)) {
    rootDocs.push(own);
  }
  packages.push({ location: rootDir, documents: rootDocs, isDependency: false });

  const depsDir = path.join(rootDir, 'deps');
  const entries = workspace.readDirectory(depsDir) ?? [];
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(depsDir, entry.name);
    if (entry.isDirectory) {
      const docs = witFilesIn(workspace, p);
      if (docs.length) packages.push({ location: p, documents: docs, isDependency: true });
    } else if (entry.name.endsWith('.wit')) {
      const doc = workspace.documentAtPath(p);
      if (doc) packages.push({ location: p, documents: [doc], isDependency: true });
    } else if (entry.name.endsWith('.wasm') || entry.name.endsWith('.wat')) {
      const text = workspace.readBinaryAsLatin1(p);
      if (text !== undefined) binaryPackages.push({ location: p, interfaceNames: exportedInterfaceNames(text) });
    }
  }
  return { rootDir, packages, binaryPackages };
}

function witFilesIn(workspace: Workspace, dir: string): WitDocument[] {
  const entries = workspace.readDirectory(dir) ?? [];
  const docs: WitDocument[] = [];
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory || !e.name.endsWith('.wit')) continue;
    const doc = workspace.documentAtPath(path.join(dir, e.name));
    if (doc) docs.push(doc);
  }
  return docs;
}

/**
 * Interface names a WIT package encoded as a component exports. Both the text
 * (`(export "a:b/c" (instance ...))`) and the binary form carry them as plain
 * strings; only the names are needed to resolve references to them.
 */
function exportedInterfaceNames(text: string): string[] {
  const re = /[a-z][a-z0-9-]*(?::[a-z][a-z0-9-]*)+\/[a-z][a-z0-9-]*(?:@[0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.-]+)?)?/g;
  return [...new Set(text.match(re) ?? [])];
}
