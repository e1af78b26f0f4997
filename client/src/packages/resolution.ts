// Where a foreign package reference of a WIT package resolved to: the deps/
// folder that declares it (and its version), the lock entry (wkg.lock: the
// registry, version and digest; deps.lock: the URL), and the registry wkg's
// config names for it. Shown in the hover of the reference.
// No `vscode` import: unit-tested in test/packages/, and live after a fetch.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { PackageRef } from './packageRef';
import { lockedPackages } from './manifests';

export interface Resolution {
  ref: PackageRef;
  /** The deps/ entry declaring the package, relative to the WIT folder's parent, and its version. */
  deps?: { path: string; version?: string };
  lock?: { file: string; registry?: string; version?: string; digest?: string; url?: string };
  /** The registry wkg's config names for the package (when known). */
  registry?: string;
}

const HEADER = /^\s*package\s+(%?[a-z][a-z0-9-]*)\s*:\s*(%?[a-z][a-z0-9-]*)\s*(?:@\s*([0-9][0-9A-Za-z.+-]*))?\s*[;{]/m;

function declared(file: string): { key: string; version?: string } | undefined {
  try {
    const m = HEADER.exec(readFileSync(file, 'utf8').replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''));
    return m ? { key: `${m[1].replace(/^%/, '')}:${m[2].replace(/^%/, '')}`, version: m[3] } : undefined;
  } catch {
    return undefined;
  }
}

/** The deps/ entries (folders or single .wit files) and the package each declares. */
function depsEntries(depsDir: string): Array<{ entry: string; name: string; key: string; version?: string }> {
  let names: string[];
  try {
    names = readdirSync(depsDir);
  } catch {
    return [];
  }
  const out: Array<{ entry: string; name: string; key: string; version?: string }> = [];
  for (const name of names.sort()) {
    const full = path.join(depsDir, name);
    let files: string[] = [];
    try {
      files = statSync(full).isDirectory()
        ? readdirSync(full)
            .filter((f) => f.endsWith('.wit'))
            .map((f) => path.join(full, f))
        : name.endsWith('.wit')
          ? [full]
          : [];
    } catch {
      files = [];
    }
    for (const f of files.sort()) {
      const d = declared(f);
      if (d) {
        out.push({ entry: full, name: name.replace(/\.wit$/, ''), ...d });
        break;
      }
    }
  }
  return out;
}

/** wit-deps' deps.lock: `[name]` tables with url / path and digests. */
function depsLockEntry(text: string, name: string): { url?: string; path?: string } | undefined {
  let table: string | undefined;
  const out: { url?: string; path?: string } = {};
  let found = false;
  for (const line of text.split(/\r?\n/)) {
    const h = /^\s*\[\s*"?([^\]"]+)"?\s*\]\s*$/.exec(line);
    if (h) {
      table = h[1];
      continue;
    }
    if (table !== name) continue;
    const kv = /^\s*(url|path)\s*=\s*"([^"]*)"/.exec(line);
    if (kv) {
      out[kv[1] as 'url' | 'path'] = kv[2];
      found = true;
    }
  }
  return found ? out : undefined;
}

function readIf(file: string): string | undefined {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Where `ref`, used by the WIT package in `packageDir`, resolved to. */
export function resolvePackage(packageDir: string, ref: PackageRef, registry?: string): Resolution {
  const root = path.dirname(path.resolve(packageDir));
  const res: Resolution = { ref, registry };
  const matches = depsEntries(path.join(packageDir, 'deps')).filter((d) => d.key === ref.key);
  const dep = matches.find((d) => !ref.version || d.version === ref.version) ?? matches[0];
  if (dep)
    res.deps = {
      path: path.relative(root, dep.entry) + (existsSync(dep.entry) && statSync(dep.entry).isDirectory() ? '/' : ''),
      version: dep.version,
    };
  const wkgLock = readIf(path.join(root, 'wkg.lock'));
  const locked = wkgLock ? lockedPackages(wkgLock).find((p) => p.name === ref.key) : undefined;
  if (locked) {
    const v = locked.versions.find((x) => x.version === (dep?.version ?? ref.version)) ?? locked.versions[0];
    res.lock = { file: 'wkg.lock', registry: locked.registry, version: v?.version, digest: v?.digest };
  } else if (dep) {
    const depsLock = readIf(path.join(packageDir, 'deps.lock'));
    const entry = depsLock ? depsLockEntry(depsLock, dep.name) : undefined;
    if (entry) res.lock = { file: `${path.basename(packageDir)}/deps.lock`, url: entry.url ?? entry.path };
  }
  return res;
}

/** The hover text (markdown). */
export function resolutionMarkdown(r: Resolution): string {
  const lines: string[] = [];
  const version = r.deps?.version ?? r.lock?.version;
  lines.push(
    version
      ? `**${r.ref.key}** resolved to \`${version}\`${r.ref.version && r.ref.version !== version ? ` (the reference asks for \`${r.ref.version}\`)` : ''}`
      : `**${r.ref.key}** is not resolved: no package under deps/ declares it`,
  );
  if (r.deps) lines.push(`- from \`${r.deps.path}\``);
  if (r.lock) {
    const where = r.lock.registry ? ` from registry \`${r.lock.registry}\`` : r.lock.url ? ` from \`${r.lock.url}\`` : '';
    const digest = r.lock.digest ? ` (\`${r.lock.digest.slice(0, 19)}…\`)` : '';
    lines.push(`- locked in \`${r.lock.file}\`${r.lock.version ? ` at \`${r.lock.version}\`` : ''}${where}${digest}`);
  }
  if (r.registry && r.registry !== r.lock?.registry)
    lines.push(`- wkg's config sends \`${r.ref.namespace}\` to registry \`${r.registry}\``);
  return lines.join('\n');
}
