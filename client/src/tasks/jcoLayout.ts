// Where a jco installation keeps what the extension needs beside it, and the
// setup module that gives jco runs the preopened directories wasmtime gets
// from --dir. jco's CLI has no preopen flag and its WASI shim starts with NO
// preopens, but `jco run/serve --jco-import <module>` imports a module first:
// that module calls the shim's `_setPreopens` (the very instance the run uses,
// since Node resolves the run's symlinked shim to the same real file).
// No `vscode` import.
import { existsSync } from 'node:fs';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Folders where jco's preview2-shim may live, given jco's package folder. */
export function preview2ShimCandidates(jcoPackageDir: string): string[] {
  return [
    path.join(jcoPackageDir, 'node_modules', '@bytecodealliance', 'preview2-shim'),
    path.join(path.dirname(jcoPackageDir), 'preview2-shim'), // hoisted beside jco
  ];
}

/**
 * How to start jco without a shell: its bin is a JS file, run with node (no
 * shebang or PATH lookup); anything else is executed directly. `shimDir` is
 * the real folder of its WASI shim.
 */
export interface JcoInvocation {
  command: string;
  script: string;
  shimDir: string;
}

export async function locateJco(jcoPath: string): Promise<JcoInvocation | string> {
  const real = await realpath(jcoPath).catch(() => undefined);
  if (!real) return `jco was not found at ${jcoPath}`;
  // jco's bin is <pkg>/dist/jco.js; the shim sits in or beside <pkg>.
  const pkg = path.dirname(path.dirname(real));
  const candidate = preview2ShimCandidates(pkg).find((p) => existsSync(p));
  if (!candidate) return `@bytecodealliance/preview2-shim (jco's WASI host) was not found beside ${real}`;
  const shimDir = await realpath(candidate);
  return /\.[cm]?js$/.test(real) ? { command: 'node', script: real, shimDir } : { command: real, script: '', shimDir };
}

/** `HOST::GUEST` (or `HOST`) entries as the shim's { guest: host } map. */
export function preopenMap(dirs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const d of dirs) {
    const [host, ...guest] = d.split('::');
    map[guest.length > 0 ? guest.join('::') : host] = host;
  }
  return map;
}

/** The setup module's source: replaces the shim's preopens with `dirs`. */
export function preopenModuleSource(shimDir: string, dirs: string[]): string {
  const filesystem = pathToFileURL(path.join(shimDir, 'dist', 'nodejs', 'filesystem.js')).href;
  return `// Written by WIT DevKit: the run's preopened directories (wasmtime's --dir).
import { _setPreopens } from ${JSON.stringify(filesystem)};
_setPreopens(${JSON.stringify(preopenMap(dirs))});
`;
}

/** Writes the setup module into `dir`; returns its path for --jco-import. */
export async function writePreopenModule(dir: string, shimDir: string, dirs: string[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `preopens-${process.pid}-${Date.now()}.mjs`);
  await writeFile(file, preopenModuleSource(shimDir, dirs));
  return file;
}
