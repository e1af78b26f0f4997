// What the quick fixes of an `unknown-package` diagnostic offer, decided
// without VS Code: the fetch (wkg or wit-deps, by the project's files) and,
// when the reference names a version, the wkg.toml entry.
// No `vscode` import: unit-tested in test/packages/.
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { isExecutableFile } from '../../../common/tools/toolLookup';
import type { PackageRef } from './packageRef';
import { planFetch, type FetchPlan } from './fetchDeps';

export const UNKNOWN_PACKAGE = 'unknown-package';

/** The diagnostic's code as LSP delivers it (`'x'` or `{ value: 'x' }`). */
export function codeOf(code: unknown): string | undefined {
  if (typeof code === 'string') return code;
  if (code && typeof code === 'object' && 'value' in code) return String((code as { value: unknown }).value);
  return undefined;
}

export interface OfferedFix {
  kind: 'fetch' | 'add-to-wkg-toml';
  title: string;
}

/** The fixes for `ref` in the WIT package folder `packageDir`. */
export function fixesFor(
  ref: PackageRef,
  packageDir: string,
  exists: (file: string) => boolean = existsSync,
): { plan: FetchPlan; fixes: OfferedFix[] } {
  const plan = planFetch(packageDir, exists);
  const command = plan.tool === 'wkg' ? 'wkg fetch' : 'wit-deps update';
  const fixes: OfferedFix[] = [{ kind: 'fetch', title: `Fetch WIT dependencies (${command})` }];
  // wit-deps projects list their packages in deps.toml (by URL), not wkg.toml.
  if (plan.tool === 'wkg' && ref.version) fixes.push({ kind: 'add-to-wkg-toml', title: `Add \`${ref.spec}\` to wkg.toml` });
  return { plan, fixes };
}

/** The wkg.toml the quick fix edits: beside the WIT folder's parent (where wkg runs). */
export function wkgTomlFor(packageDir: string): string {
  return path.join(path.dirname(path.resolve(packageDir)), 'wkg.toml');
}

/** The executable for a fetch tool: the configured path (trusted workspaces only), else the first on PATH. */
export function findFetchTool(
  tool: 'wkg' | 'wit-deps',
  configured: string | undefined,
  pathEnv: string | undefined,
  isExecutable = isExecutableFile,
): string | undefined {
  if (configured) return isExecutable(configured) ? configured : undefined;
  for (const dir of (pathEnv ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of process.platform === 'win32' ? [`${tool}.exe`, tool] : [tool]) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}
