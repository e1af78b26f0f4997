// Which build tasks a workspace folder offers, from the files at its root:
//   Cargo.toml with [package.metadata.component]     -> cargo component build
//   package.json using jco/componentize-js + a WIT    -> jco componentize <entry>
//   a Python app + a WIT, componentize-py mentioned   -> componentize-py ... componentize
// The folder is read through a small injected host, so tests use plain objects.
// No `vscode` import.
import type { BuildTask } from './taskDefinition';

export interface FolderReader {
  /** The text of a file relative to the folder, or undefined when absent. */
  read(relativePath: string): string | undefined;
  exists(relativePath: string): boolean;
}

/** True when a Cargo.toml declares a component (cargo-component's own table). */
export function isCargoComponent(cargoToml: string): boolean {
  return /^\s*\[package\.metadata\.component(?:\.[\w.-]+)?\]/m.test(cargoToml);
}

const witLocation = (folder: FolderReader): string | undefined =>
  ['wit', 'wit/world.wit'].find((p) => folder.exists(p));

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
  const source = [main, 'src/index.ts', 'src/index.js', 'index.ts', 'index.js', 'app.js'].find(
    (p): p is string => !!p && folder.exists(p),
  );
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

/** The build tasks the folder supports, most specific first. */
export function detectBuilds(folder: FolderReader): BuildTask[] {
  const found: BuildTask[] = [];
  const cargo = folder.read('Cargo.toml');
  if (cargo && isCargoComponent(cargo)) found.push({ action: 'build', builder: 'cargo-component' });
  const js = jcoComponentize(folder);
  if (js) found.push(js);
  const py = componentizePy(folder);
  if (py) found.push(py);
  return found;
}

/**
 * Where a build leaves its component, for filling a launch config's `program`.
 * cargo-component writes target/wasm32-wasip1/<profile>/<crate>.wasm (older
 * releases: wasm32-wasi); the JS/Python builders write their `output`.
 */
export function builtComponentCandidates(task: BuildTask, folder: FolderReader): string[] {
  if (task.builder === 'cargo-component') {
    const name = /^\s*name\s*=\s*"([^"]+)"/m.exec(folder.read('Cargo.toml') ?? '')?.[1];
    if (!name) return [];
    const file = `${name.replace(/-/g, '_')}.wasm`;
    const profile = task.release ? 'release' : 'debug';
    return ['wasm32-wasip1', 'wasm32-wasi', 'wasm32-wasip2'].map((t) => `target/${t}/${profile}/${file}`);
  }
  if (task.output) return [task.output];
  if (task.source) return [`${task.source.replace(/\.(m?[jt]s|py)$/, '')}.wasm`];
  return [];
}
