// The registry actions of the `wasm-component` task type: publish a WIT
// package or a built component (`wkg publish`), push a component to an OCI
// reference (`wkg oci push`), pull one back (`wkg oci pull`, or `wkg get` by
// package name). This module reads such a definition into typed values and
// makes the wkg command lines, as argument lists (never a shell string):
//   wkg build --wit-dir <wit> --output <tmp>/<pkg>.wasm      (a WIT folder becomes a package binary first)
//   wkg publish <file> [--package ns:name@ver] [--registry R]
//   wkg oci push [--insecure host] [--annotation k=v]... <reference> <file>
//   wkg oci pull [--insecure host] <reference> -o <output>
//   wkg get <ns:name@ver> --overwrite -o <output> [--registry R]
// A built component carries no package name of its own (wit-parser decodes it
// as the versionless `root:component`, so `wkg publish` stops with "component
// package version not found"): its publish always names the package.
// No credentials here: wkg reads them from its config, docker's config.json or
// WKG_REGISTRY_*_AUTH_BEARER. No `vscode` import: unit- and live-tested.
import * as path from 'node:path';
import type { CommandLine } from './commandLines';

export type RegistryAction = 'publish' | 'push' | 'pull';
export const REGISTRY_ACTIONS: readonly RegistryAction[] = ['publish', 'push', 'pull'];

export interface PublishTask {
  action: 'publish';
  /** A WIT folder to build into a package and publish (relative to the workspace folder). */
  wit?: string;
  /** A built .wasm to publish: a component, or a WIT package wkg build wrote. */
  file?: string;
  /** `ns:name@version`: the package to publish as (required for a component). */
  package?: string;
  /** `--registry`: a registry other than the one wkg's config names for the namespace. */
  registry?: string;
  cwd?: string;
}

export interface PushTask {
  action: 'push';
  file: string;
  /** The OCI reference, `host/ns/name:version`. */
  reference: string;
  /** Plain http to the reference's host (loopback test registries). */
  insecure?: boolean;
  annotations?: Record<string, string>;
  cwd?: string;
}

export interface PullTask {
  action: 'pull';
  /** Pull by OCI reference (`wkg oci pull`)... */
  reference?: string;
  /** ...or by package name (`wkg get`), `ns:name@version`. */
  package?: string;
  registry?: string;
  insecure?: boolean;
  /** Where the pulled file goes (relative to the workspace folder). */
  output: string;
  cwd?: string;
}

export type RegistryTask = PublishTask | PushTask | PullTask;

const ID = String.raw`[a-z][a-z0-9]*(?:-[a-z0-9]+)*`;
const SEMVER = String.raw`\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?`;
const PACKAGE_SPEC = new RegExp(String.raw`^(${ID}):(${ID})@(${SEMVER})$`);

/** `ns:name@1.2.3` split, or undefined when it is not one (wkg needs the version to publish or get one release). */
export function parsePackageSpec(spec: string): { namespace: string; name: string; version: string; key: string } | undefined {
  const m = PACKAGE_SPEC.exec(spec.trim());
  return m ? { namespace: m[1], name: m[2], version: m[3], key: `${m[1]}:${m[2]}` } : undefined;
}

/** The host of an OCI reference (`127.0.0.1:5000/ns/name:1.0.0` -> `127.0.0.1:5000`); docker.io when it names none. */
export function referenceHost(reference: string): string {
  const first = reference.split('/')[0];
  return reference.includes('/') && /[.:]|^localhost$/.test(first) ? first : 'docker.io';
}

/** Whether a reference looks like `[host/]repo[:tag|@sha256:...]` (wkg parses it for real). */
export function isOciReference(reference: string): boolean {
  return /^[a-z0-9.:[\]-]+(?:\/[a-z0-9._-]+)+(?::[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})?$/i.test(reference.trim());
}

const optString = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function optAnnotations(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) if (typeof val === 'string') out[k] = val;
  return out;
}

function checkSpec(what: string, spec: string | undefined): string | undefined {
  if (spec !== undefined && !parsePackageSpec(spec))
    return `wasm-component ${what} task: "package" must be namespace:name@version (e.g. "my-org:shapes@0.1.0"), got "${spec}"`;
  return undefined;
}

/** Reads a registry task definition; an error string (shown to the user) when it is unusable. */
export function parseRegistryTask(raw: Record<string, unknown>): RegistryTask | string {
  const cwd = optString(raw.cwd);
  const pkg = optString(raw.package);
  switch (raw.action) {
    case 'publish': {
      const wit = optString(raw.wit);
      const file = optString(raw.file);
      if ((wit === undefined) === (file === undefined))
        return 'wasm-component publish task: give either "wit" (a WIT folder to build and publish) or "file" (a built .wasm), not both';
      const bad = checkSpec('publish', pkg);
      if (bad) return bad;
      return { action: 'publish', wit, file, package: pkg, registry: optString(raw.registry), cwd };
    }
    case 'push': {
      const file = optString(raw.file);
      const reference = optString(raw.reference);
      if (!file || !reference) return 'wasm-component push task: needs "file" (the .wasm) and "reference" (host/namespace/name:version)';
      if (!isOciReference(reference))
        return `wasm-component push task: "reference" must be an OCI reference like host/namespace/name:version, got "${reference}"`;
      return { action: 'push', file, reference, insecure: raw.insecure === true, annotations: optAnnotations(raw.annotations), cwd };
    }
    case 'pull': {
      const reference = optString(raw.reference);
      const output = optString(raw.output);
      if ((reference === undefined) === (pkg === undefined))
        return 'wasm-component pull task: give either "reference" (an OCI reference, wkg oci pull) or "package" (ns:name@version, wkg get)';
      if (!output) return 'wasm-component pull task: needs "output", the file to write';
      if (reference && !isOciReference(reference))
        return `wasm-component pull task: "reference" must be an OCI reference like host/namespace/name:version, got "${reference}"`;
      const bad = checkSpec('pull', pkg);
      if (bad) return bad;
      return { action: 'pull', reference, package: pkg, registry: optString(raw.registry), insecure: raw.insecure === true, output, cwd };
    }
  }
  return 'wasm-component task: not a registry action';
}

/** A short label: what the task does, to what. */
export function registryTaskLabel(task: RegistryTask): string {
  switch (task.action) {
    case 'publish':
      return `publish ${task.wit ? `${task.wit.replace(/[\\/]+$/, '')}/` : path.basename(task.file ?? '')}${task.package ? ` as ${task.package}` : ''}`;
    case 'push':
      return `push ${path.basename(task.file)} to ${task.reference}`;
    case 'pull':
      return `pull ${task.reference ?? task.package}`;
  }
}

export interface RegistryStep {
  line: CommandLine;
  /** The step, for the terminal and for messages: "Building the WIT package of wit/". */
  doing: string;
}

export interface RegistryPlan {
  steps: RegistryStep[];
  /** The package or reference the task is about (named in every message). */
  subject: string;
  /** "Publishing", "Pushing", "Pulling". */
  verb: string;
  /** For a WIT publish: the temporary folder the package binary is built into (removed after). */
  tempDir?: string;
}

/** The file a WIT folder's package is built into, in `tempDir` (left there, never in the workspace). */
export function builtPackagePath(tempDir: string, spec: string | undefined): string {
  return path.join(tempDir, `${(spec ?? 'package').replace(/[^A-Za-z0-9@._-]/g, '_')}.wasm`);
}

/**
 * The wkg runs of a task. `wkg` is the executable; `tempDir` is where a WIT
 * folder's package binary goes; `witSpec` is the `ns:name@ver` that folder
 * declares (read by the caller), used to name the messages.
 */
export function registryPlan(task: RegistryTask, wkg: string, opts: { tempDir: string; witSpec?: string }): RegistryPlan | string {
  const cwd = task.cwd;
  const registry = (r: string | undefined) => (r ? ['--registry', r] : []);
  switch (task.action) {
    case 'publish': {
      const pkg = task.package ? ['--package', task.package] : [];
      if (task.wit) {
        const subject = task.package ?? opts.witSpec ?? `the WIT package of ${task.wit}`;
        const built = builtPackagePath(opts.tempDir, task.package ?? opts.witSpec);
        return {
          verb: 'Publishing',
          subject,
          tempDir: opts.tempDir,
          steps: [
            {
              doing: `Building the WIT package of ${task.wit}`,
              line: { command: wkg, args: ['build', '--wit-dir', task.wit, '--output', built], cwd },
            },
            { doing: `Publishing ${subject}`, line: { command: wkg, args: ['publish', built, ...pkg, ...registry(task.registry)], cwd } },
          ],
        };
      }
      const file = task.file ?? '';
      const subject = task.package ?? file;
      return {
        verb: 'Publishing',
        subject,
        steps: [
          { doing: `Publishing ${subject}`, line: { command: wkg, args: ['publish', file, ...pkg, ...registry(task.registry)], cwd } },
        ],
      };
    }
    case 'push': {
      const insecure = task.insecure ? ['--insecure', referenceHost(task.reference)] : [];
      const annotations = Object.entries(task.annotations ?? {}).flatMap(([k, v]) => ['--annotation', `${k}=${v}`]);
      return {
        verb: 'Pushing',
        subject: task.reference,
        steps: [
          {
            doing: `Pushing ${task.file} to ${task.reference}`,
            line: { command: wkg, args: ['oci', 'push', ...insecure, ...annotations, task.reference, task.file], cwd },
          },
        ],
      };
    }
    case 'pull': {
      if (task.reference) {
        const insecure = task.insecure ? ['--insecure', referenceHost(task.reference)] : [];
        return {
          verb: 'Pulling',
          subject: task.reference,
          steps: [
            {
              doing: `Pulling ${task.reference} into ${task.output}`,
              line: { command: wkg, args: ['oci', 'pull', ...insecure, task.reference, '-o', task.output], cwd },
            },
          ],
        };
      }
      const spec = task.package ?? '';
      return {
        verb: 'Pulling',
        subject: spec,
        steps: [
          {
            doing: `Getting ${spec} into ${task.output}`,
            // --overwrite: a second pull replaces the file (wkg get refuses an existing output otherwise).
            line: { command: wkg, args: ['get', spec, '--overwrite', '-o', task.output, ...registry(task.registry)], cwd },
          },
        ],
      };
    }
  }
}
