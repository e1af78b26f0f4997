// Which build tasks a workspace folder offers, from the files at its root:
//   Cargo.toml with [package.metadata.component]     -> cargo component build
//   package.json using jco/componentize-js + a WIT    -> jco componentize <entry>
//   a Python app + a WIT, componentize-py mentioned   -> componentize-py ... componentize
//   Cargo.toml of a plain crate using wit-bindgen     -> cargo build --target wasm32-wasip2
//   go.mod + a WIT                                    -> the go build (buildSteps.ts)
//   C files + a WIT with one world                    -> the clang build (buildSteps.ts)
// The folder is read through a small injected host, so tests use plain objects.
// No `vscode` import.
import type { BuildTask } from './taskDefinition';

export interface FolderReader {
  /** The text of a file relative to the folder, or undefined when absent. */
  read(relativePath: string): string | undefined;
  exists(relativePath: string): boolean;
  /** The file names in a folder relative to the folder (empty when absent); optional for readers that cannot list. */
  list?(relativePath: string): string[];
}

/** True when a Cargo.toml declares a component (cargo-component's own table). */
export function isCargoComponent(cargoToml: string): boolean {
  return /^\s*\[package\.metadata\.component(?:\.[\w.-]+)?\]/m.test(cargoToml);
}

const witLocation = (folder: FolderReader): string | undefined => ['wit', 'wit/world.wit'].find((p) => folder.exists(p));

function jcoComponentize(folder: FolderReader): BuildTask | undefined {
  const text = folder.read('package.json');
  if (!text) return undefined;
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const deps = { ...(pkg.dependencies as object), ...(pkg.devDependencies as object) } as Record<string, unknown>;
  const usesJco = '@bytecodealliance/jco' in deps || '@bytecodealliance/componentize-js' in deps || /jco componentize/.test(text);
  const wit = witLocation(folder);
  if (!usesJco || !wit) return undefined;
  const main = typeof pkg.main === 'string' ? pkg.main.replace(/^\.\//, '') : undefined;
  const source = [main, 'src/index.ts', 'src/index.js', 'index.ts', 'index.js', 'app.js'].find((p): p is string => !!p && folder.exists(p));
  if (!source) return undefined;
  return { action: 'build', builder: 'jco-componentize', source, wit };
}

function componentizePy(folder: FolderReader): BuildTask | undefined {
  const wit = witLocation(folder);
  if (!wit) return undefined;
  const mentions = ['pyproject.toml', 'requirements.txt'].some((f) => /componentize-py/.test(folder.read(f) ?? ''));
  const app = ['app.py', 'main.py'].find((p) => folder.exists(p));
  if (!mentions || !app) return undefined;
  return { action: 'build', builder: 'componentize-py', source: app.replace(/\.py$/, ''), wit };
}

/** A plain crate that builds a component with wit-bindgen (cargo-component's crates are the other builder). */
function isWitBindgenCrate(cargoToml: string): boolean {
  return !isCargoComponent(cargoToml) && /^\s*wit-bindgen\s*=/m.test(cargoToml);
}

/** The world names the WIT declares (top-level `world x {` in the folder's .wit files, or the one file). */
export function witWorlds(folder: FolderReader, wit: string): string[] {
  const files = wit.endsWith('.wit') ? [wit] : (folder.list?.(wit) ?? []).filter((f) => f.endsWith('.wit')).map((f) => `${wit}/${f}`);
  const names = files.flatMap((f) =>
    [...(folder.read(f) ?? '').matchAll(/^\s*world\s+(%?[a-z][\w-]*)\s*\{/gm)].map((m) => m[1].replace(/^%/, '')),
  );
  return [...new Set(names)];
}

function goBuild(folder: FolderReader): BuildTask | undefined {
  const wit = witLocation(folder);
  if (!folder.exists('go.mod') || !wit) return undefined;
  const worlds = witWorlds(folder, wit);
  return { action: 'build', builder: 'go', wit, ...(worlds.length === 1 ? { world: worlds[0] } : {}) };
}

function clangBuild(folder: FolderReader): BuildTask | undefined {
  const wit = witLocation(folder);
  const sources = (folder.list?.('.') ?? []).filter((f) => f.endsWith('.c')).sort();
  if (!wit || sources.length === 0) return undefined;
  const worlds = witWorlds(folder, wit);
  // wit-bindgen c names its files after the world: with several, the user says which.
  if (worlds.length !== 1) return undefined;
  return { action: 'build', builder: 'clang', wit, world: worlds[0], sources };
}

/** The build tasks the folder supports, most specific first. */
export function detectBuilds(folder: FolderReader): BuildTask[] {
  const found: BuildTask[] = [];
  const cargo = folder.read('Cargo.toml');
  if (cargo && isCargoComponent(cargo)) found.push({ action: 'build', builder: 'cargo-component' });
  if (cargo && isWitBindgenCrate(cargo)) found.push({ action: 'build', builder: 'cargo' });
  const go = goBuild(folder);
  if (go) found.push(go);
  const c = clangBuild(folder);
  if (c) found.push(c);
  const js = jcoComponentize(folder);
  if (js) found.push(js);
  const py = componentizePy(folder);
  if (py) found.push(py);
  return found;
}

/**
 * Where a build leaves its component, for filling a launch config's `program`.
 * cargo-component writes target/wasm32-wasip1/<profile>/<crate>.wasm (older
 * releases: wasm32-wasi), cargo target/wasm32-wasip2/...; the others write their `output`.
 */
export function builtComponentCandidates(task: BuildTask, folder: FolderReader, folderName?: string): string[] {
  if (task.builder === 'cargo-component' || task.builder === 'cargo') {
    const name = /^\s*name\s*=\s*"([^"]+)"/m.exec(folder.read('Cargo.toml') ?? '')?.[1];
    if (!name) return [];
    const file = `${name.replace(/-/g, '_')}.wasm`;
    const profile = task.release ? 'release' : 'debug';
    const targets = task.builder === 'cargo' ? ['wasm32-wasip2'] : ['wasm32-wasip1', 'wasm32-wasi', 'wasm32-wasip2'];
    return targets.map((t) => `target/${t}/${profile}/${file}`);
  }
  // go / clang: `output` (default `<build folder's name>.wasm`) in the build folder (buildSteps.ts).
  if (task.builder === 'go' || task.builder === 'clang') {
    const cwd = task.cwd?.replace(/[\\/]+$/, '');
    const name = cwd ? cwd.split(/[\\/]/).pop() : folderName;
    const out = task.output ?? (name ? `${name}.wasm` : undefined);
    return out ? [cwd ? `${cwd}/${out}` : out] : [];
  }
  if (task.output) return [task.output];
  if (task.source) return [`${task.source.replace(/\.(m?[jt]s|py)$/, '')}.wasm`];
  return [];
}
