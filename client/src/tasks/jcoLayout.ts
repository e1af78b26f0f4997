// Where a jco installation keeps what the extension needs beside it, and the
// setup module that gives jco runs the preopened directories wasmtime gets
// from --dir. jco's CLI has no preopen flag and its WASI shim starts with NO
// preopens, but `jco run/serve --jco-import <module>` imports a module first:
// that module calls the shim's `_setPreopens` (the very instance the run uses,
// since Node resolves the run's symlinked shim to the same real file).
// No `vscode` import.
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
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

/**
 * jco 1.35's `componentize` fails from its CLI with "failed to get path
 * metadata ... (os error 44)": the wasm-tools it runs in process see a WASI
 * filesystem whose preopens start empty. componentize-js also imports
 * @bytecodealliance/preview2-shim without declaring it, so where npm did not
 * hoist a copy it is not found. The build runs jco under node with a preload
 * (`node --import <preload> <jco.js> componentize ...`) that fixes both: it
 * opens "/" on the shim copy jco-transpile uses and resolves the undeclared
 * import to that same copy.
 */
export function componentizeShimCandidates(jcoPackageDir: string): string[] {
  const scope = path.dirname(jcoPackageDir); // .../node_modules/@bytecodealliance
  return [
    path.join(scope, 'jco-transpile', 'node_modules', '@bytecodealliance', 'preview2-shim'),
    path.join(jcoPackageDir, 'node_modules', '@bytecodealliance', 'jco-transpile', 'node_modules', '@bytecodealliance', 'preview2-shim'),
    path.join(scope, 'preview2-shim'),
  ];
}

/** The preload's source, for the shim folder jco-transpile uses. */
export function componentizePreloadSource(shimDir: string): string {
  const filesystem = pathToFileURL(path.join(shimDir, 'dist', 'nodejs', 'filesystem.js')).href;
  // Resolving from a file in the folder that holds node_modules/@bytecodealliance/preview2-shim.
  const parent = pathToFileURL(path.join(shimDir, '..', '..', '..', 'resolve-from.js')).href;
  const hooks = [
    'export async function resolve(specifier, context, next) {',
    "  if (specifier === '@bytecodealliance/preview2-shim' || specifier.startsWith('@bytecodealliance/preview2-shim/')) {",
    `    return next(specifier, { ...context, parentURL: ${JSON.stringify(parent)} });`,
    '  }',
    '  return next(specifier, context);',
    '}',
  ].join('\n');
  return `// Written by WIT DevKit: lets \`jco componentize\` (jco 1.35) read the WIT and find its WASI shim.
import { register } from 'node:module';
import { _setPreopens } from ${JSON.stringify(filesystem)};
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});
_setPreopens({ '/': '/' });
`;
}

/** How a build runs `jco componentize`: node, the preload, jco's script. */
export interface JcoNodeBuild {
  script: string;
  preload: string;
}

/** Finds jco's script and writes the preload into `dir` (sync: called while a task is created). */
export function prepareComponentizeBuild(jcoPath: string, dir: string): JcoNodeBuild | undefined {
  let script: string;
  try {
    script = realpathSync(jcoPath);
  } catch {
    return undefined;
  }
  if (!/\.[cm]?js$/.test(script)) return undefined; // not the npm package layout: run jco as it is
  const shim = componentizeShimCandidates(path.dirname(path.dirname(script))).find((p) => existsSync(p));
  if (!shim) return undefined;
  mkdirSync(dir, { recursive: true });
  const preload = path.join(dir, 'jco-componentize-preload.mjs');
  writeFileSync(preload, componentizePreloadSource(realpathSync(shim)));
  return { script, preload };
}

/**
 * The wasi_snapshot_preview1 adapter jco ships (`<pkg>/lib/...`), which the go
 * and clang builds hand to `wasm-tools component new --adapt`: the reactor one,
 * since those builds export the world's functions themselves (buildSteps.ts).
 */
export function preview1Adapter(jcoPath: string, kind: 'reactor' | 'command' = 'reactor'): string | undefined {
  let script: string;
  try {
    script = realpathSync(jcoPath);
  } catch {
    return undefined;
  }
  const adapter = path.join(path.dirname(path.dirname(script)), 'lib', `wasi_snapshot_preview1.${kind}.wasm`);
  return existsSync(adapter) ? adapter : undefined;
}
