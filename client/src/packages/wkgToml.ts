// Edits of wkg.toml and reads of wkg's config.toml, on the text, line by line
// (no TOML library: the entries we touch are one line each). wkg's manifest has
// no dependency list (the WIT's imports are the list); a version is pinned by an
// `[overrides]` entry: `"ns:pkg" = { version = "=1.2.3" }`.
// No `vscode` import: unit-tested in test/packages/.
import type { PackageRef } from './packageRef';

export type AddOutcome =
  | { kind: 'added'; text: string; /** 0-based line of the new entry. */ line: number }
  | { kind: 'present'; line: number }
  | { kind: 'refused'; why: string };

const HEADER = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$/;

function tableOf(line: string): string | undefined {
  const m = HEADER.exec(line);
  return m ? m[1].replace(/\s+/g, '') : undefined;
}

/** The key of a `key = value` line (quotes removed), if it is one. */
function keyOf(line: string): string | undefined {
  const m = /^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=/.exec(line);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The entry the quick fix writes for `ref` (which must name a version). */
export function overrideEntry(ref: PackageRef): string {
  return `"${ref.key}" = { version = "=${ref.version}" }`;
}

/** Adds `ref` (with its version) to `[overrides]` of the wkg.toml `text` (empty for a new file). */
export function addOverride(text: string, ref: PackageRef): AddOutcome {
  if (!ref.version) return { kind: 'refused', why: `the reference to ${ref.key} names no version to pin` };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.length ? text.split(/\r?\n/) : [];
  let table: string | undefined;
  let overridesAt = -1;
  let lastEntry = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = tableOf(lines[i]);
    if (t !== undefined) {
      table = t;
      if (t === 'overrides') overridesAt = lastEntry = i;
      if (t === 'workspace')
        return { kind: 'refused', why: "this wkg.toml is a workspace root, which has no [overrides] (add it to the member's wkg.toml)" };
      continue;
    }
    const key = keyOf(lines[i]);
    if (table === undefined && key === 'overrides')
      return { kind: 'refused', why: 'this wkg.toml writes overrides inline; add the entry by hand' };
    if (table === 'overrides' && key !== undefined) {
      if (key === ref.key) return { kind: 'present', line: i };
      lastEntry = i;
    }
    if (table !== undefined && table.startsWith('overrides.') && table.slice('overrides.'.length).replace(/"/g, '') === ref.key)
      return { kind: 'present', line: i };
  }
  const entry = overrideEntry(ref);
  if (overridesAt >= 0) {
    lines.splice(lastEntry + 1, 0, entry);
    return { kind: 'added', text: lines.join(eol), line: lastEntry + 1 };
  }
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const prefix = lines.length ? [...lines, ''] : [];
  const out = [...prefix, '[overrides]', entry, ''];
  return { kind: 'added', text: out.join(eol), line: prefix.length + 1 };
}

/** wkg's fallbacks when no config names a registry for a namespace. */
export const DEFAULT_NAMESPACE_REGISTRIES: Readonly<Record<string, string>> = { wasi: 'wasi.dev', ba: 'bytecodealliance.org' };

/**
 * The registry wkg would ask for `ref`, read from a config.toml's text:
 * `package_registry_overrides`, then `namespace_registries`, then
 * `default_registry`, then wkg's built-in fallbacks.
 */
export function registryFor(ref: Pick<PackageRef, 'namespace' | 'key'>, configText: string | undefined): string | undefined {
  let table: string | undefined;
  let byPackage: string | undefined;
  let byNamespace: string | undefined;
  let byDefault: string | undefined;
  for (const line of (configText ?? '').split(/\r?\n/)) {
    const t = tableOf(line);
    if (t !== undefined) {
      table = t;
      continue;
    }
    const key = keyOf(line);
    if (key === undefined) continue;
    const value = /=\s*(?:"([^"]+)"|\{[^}]*?\bregistry\s*=\s*"([^"]+)")/.exec(line);
    const registry = value ? (value[1] ?? value[2]) : undefined;
    if (!registry) continue;
    if (table === undefined && key === 'default_registry') byDefault = registry;
    if (table === 'namespace_registries' && key === ref.namespace) byNamespace = registry;
    if (table === 'package_registry_overrides' && key === ref.key) byPackage = registry;
  }
  return byPackage ?? byNamespace ?? byDefault ?? DEFAULT_NAMESPACE_REGISTRIES[ref.namespace];
}

/** Where wkg reads its config.toml: $WKG_CONFIG_FILE, else $XDG_CONFIG_HOME (or ~/.config)/wasm-pkg/config.toml. */
export function wkgConfigPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (env.WKG_CONFIG_FILE) return env.WKG_CONFIG_FILE;
  const base = env.XDG_CONFIG_HOME || `${home}/.config`;
  return `${base}/wasm-pkg/config.toml`;
}

/** The inline `"oci" = { registry = "...", namespacePrefix = "..." }` of a config line, if it has one. */
function ociMetadataOf(line: string): { registry?: string; prefix?: string } | undefined {
  const oci = /"?oci"?\s*=\s*\{([^}]*)\}/.exec(line);
  if (!oci) return undefined;
  return {
    registry: /\bregistry\s*=\s*"([^"]+)"/.exec(oci[1])?.[1],
    prefix: /\bnamespacePrefix\s*=\s*"([^"]*)"/.exec(oci[1])?.[1],
  };
}

/**
 * The OCI reference wkg publishes `ns:name@version` under, by the convention of
 * its registry metadata: `<oci registry>/<namespacePrefix><ns>/<name>:<version>`.
 * The OCI registry and prefix come from the inline metadata of the config's
 * mapping when it has one; otherwise the registry name is the OCI host (what
 * a registry without `/.well-known/wasm-pkg/registry.json` means). A default for the
 * user to confirm, not a promise: a registry's well-known metadata may say otherwise.
 */
export function ociReferenceFor(
  spec: { namespace: string; name: string; version: string; key: string },
  configText: string | undefined,
): string | undefined {
  const registry = registryFor(spec, configText);
  if (!registry) return undefined;
  let table: string | undefined;
  let meta: { registry?: string; prefix?: string } | undefined;
  let byNamespace: { registry?: string; prefix?: string } | undefined;
  for (const line of (configText ?? '').split(/\r?\n/)) {
    const t = tableOf(line);
    if (t !== undefined) {
      table = t;
      continue;
    }
    const key = keyOf(line);
    if (table === 'package_registry_overrides' && key === spec.key) meta = ociMetadataOf(line);
    if (table === 'namespace_registries' && key === spec.namespace) byNamespace = ociMetadataOf(line);
  }
  const m = meta ?? byNamespace;
  return `${m?.registry ?? registry}/${m?.prefix ?? ''}${spec.namespace}/${spec.name}:${spec.version}`;
}

/** Whether the config talks plain http to `host` (`[registry."host".oci] protocol = "http"`), as loopback test registries do. */
export function usesPlainHttp(host: string, configText: string | undefined): boolean {
  let table: string | undefined;
  for (const line of (configText ?? '').split(/\r?\n/)) {
    const t = tableOf(line);
    if (t !== undefined) {
      table = t;
      continue;
    }
    if (table === `registry."${host}".oci` && keyOf(line) === 'protocol' && /=\s*"http"/.test(line)) return true;
  }
  return false;
}
