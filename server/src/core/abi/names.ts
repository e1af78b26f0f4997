// The names a core module uses for its imports and exports, in wit-component's
// two schemes: `legacy` (what wit-bindgen, componentize-py and TinyGo emit) and
// `standard32` (the `cm32p2|` names of the component model's BuildTargets,
// wasm-tools' `--dummy` default). `key` is the world's import or export name:
// an interface's qualified name, an inline interface's name, or undefined for
// a world's own functions and resources.

export type NameScheme = 'legacy' | 'standard32';

export interface CoreImportName {
  module: string;
  name: string;
}

/** `wasi:io/poll@0.2.3` -> `wasi:io/poll@0.2`: standard32 names an interface by its compatibility track. */
export function compatTrack(key: string): string {
  const m = /^(.*)@(\d+)\.(\d+)\.(\d+)([-+].*)?$/.exec(key);
  if (!m) return key;
  const [, base, major, minor, patch, rest] = m;
  // A prerelease is its own track; build metadata is dropped.
  if (rest?.startsWith('-')) return `${base}@${major}.${minor}.${patch}${rest.replace(/\+.*$/, '')}`;
  if (major !== '0') return `${base}@${major}`;
  if (minor !== '0') return `${base}@0.${minor}`;
  return `${base}@0.0.${patch}`;
}

const legacyModule = (key: string | undefined) => key ?? '$root';
const stdModule = (key: string | undefined) => (key === undefined ? 'cm32p2' : `cm32p2|${compatTrack(key)}`);

export function functionImport(scheme: NameScheme, key: string | undefined, fn: string): CoreImportName {
  return { module: scheme === 'legacy' ? legacyModule(key) : stdModule(key), name: fn };
}

export function functionExport(scheme: NameScheme, key: string | undefined, fn: string): string {
  if (scheme === 'legacy') return key === undefined ? fn : `${key}#${fn}`;
  return `cm32p2|${key === undefined ? '' : compatTrack(key)}|${fn}`;
}

export function postReturnExport(scheme: NameScheme, exportName: string): string {
  return scheme === 'legacy' ? `cabi_post_${exportName}` : `${exportName}_post`;
}

/** The drop of an imported resource's handle. */
export function resourceDropImport(scheme: NameScheme, key: string | undefined, resource: string): CoreImportName {
  return scheme === 'legacy'
    ? { module: legacyModule(key), name: `[resource-drop]${resource}` }
    : { module: stdModule(key), name: `${resource}_drop` };
}

/** The intrinsics of a resource the component exports (defines and hands out). */
export function exportedResourceImport(
  scheme: NameScheme,
  key: string | undefined,
  resource: string,
  op: 'drop' | 'new' | 'rep',
): CoreImportName {
  return scheme === 'legacy'
    ? { module: `[export]${legacyModule(key)}`, name: `[resource-${op}]${resource}` }
    : { module: key === undefined ? 'cm32p2|_ex_' : `cm32p2|_ex_${compatTrack(key)}`, name: `${resource}_${op}` };
}

export function destructorExport(scheme: NameScheme, key: string | undefined, resource: string): string {
  return scheme === 'legacy' ? functionExport(scheme, key, `[dtor]${resource}`) : functionExport(scheme, key, `${resource}_dtor`);
}

/** The async ABI's names: legacy only (wasm-tools 1.239 has no standard32 async names). */
export const asyncLowerName = (fn: string) => `[async-lower]${fn}`;
export const asyncLiftName = (exportName: string, stackful: boolean) =>
  `${stackful ? '[async-lift-stackful]' : '[async-lift]'}${exportName}`;
export const callbackName = (exportName: string) => `[callback][async-lift]${exportName}`;
export const taskReturnImport = (key: string | undefined, fn: string): CoreImportName => ({
  module: `[export]${legacyModule(key)}`,
  name: `[task-return]${fn}`,
});

/** The module's own exports: its memory, the allocator the host calls, and the start hook. */
export function moduleExports(scheme: NameScheme): { memory: string; realloc: string; initialize: string } {
  return scheme === 'legacy'
    ? { memory: 'memory', realloc: 'cabi_realloc', initialize: '_initialize' }
    : { memory: 'cm32p2_memory', realloc: 'cm32p2_realloc', initialize: 'cm32p2_initialize' };
}
