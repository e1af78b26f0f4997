// The registry actions of the `wasm-component` task type: publish a WIT
// package or a built component, push a component to an OCI reference
// (`wkg oci push`), pull one back (`wkg oci pull`, or `wkg get` by package
// name). This module reads such a definition into typed values and makes the
// wkg command lines, as argument lists (never a shell string):
//   wkg publish <wit folder | package .wasm> [--package ns:name@ver] [--registry R]
//   wkg oci push [--insecure host] --annotation org.opencontainers.image.version=<ver> <reference> <component>
//   wkg oci push [--insecure host] [--annotation k=v]... <reference> <file>
//   wkg oci pull [--insecure host] <reference> -o <output>
//   wkg get <ns:name@ver> --overwrite -o <output> [--registry R]
// A built component is not given to `wkg publish`: wkg 0.16.1 reads the
// package name and version out of the binary before it looks at --package
// (wasm-pkg-client's DecodedComponent::from_publishing_source_with_package),
// and wit-parser decodes every component as the versionless `root:component`,
// so `wkg publish x.wasm --package ns:name@1.0.0` still fails with "component
// package version not found in the Wasm binary" (and so does a copy given
// version metadata with `wasm-tools metadata add`: the decode ignores it). It is
// pushed instead where wkg publish would put it, by wkg's own OCI convention
// (`<oci registry>/<prefix><ns>/<name>:<version>`, registryOffers/wkgToml), with
// the version annotation wkg publish sets; `wkg get ns:name@ver` then finds it,
// byte for byte. The file itself is only read.
// No credentials here: wkg reads them from its config, docker's config.json or
// WKG_REGISTRY_*_AUTH_BEARER (and `wkg oci` from docker's config or
// WKG_OCI_USERNAME / WKG_OCI_PASSWORD). No `vscode` import: unit- and live-tested.
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
  /** A component's publish: the OCI reference it is pushed to. */
  reference?: string;
}

/** Where a component publish goes: the reference wkg's convention gives its package, and whether that host is plain http. */
export interface ComponentTarget {
  reference: string;
  insecure: boolean;
}

/** wkg get refuses an output without a folder part ("output directory \"\" does not exist"): `./x.wasm` then. */
function outputArg(output: string): string {
  return path.isAbsolute(output) || /[\\/]/.test(output) ? output : `./${output}`;
}

/**
 * The wkg runs of a task. `wkg` is the executable. For a publish, `witSpec` is
 * the `ns:name@ver` a WIT folder declares (named in messages), `fileIsComponent`
 * says whether the .wasm is a built component (rather than a WIT package
 * binary), and `componentTarget` where such a component goes.
 */
export function registryPlan(
  task: RegistryTask,
  wkg: string,
  opts: { witSpec?: string; fileIsComponent?: boolean; componentTarget?: ComponentTarget } = {},
): RegistryPlan | string {
  const cwd = task.cwd;
  const registry = (r: string | undefined) => (r ? ['--registry', r] : []);
  switch (task.action) {
    case 'publish': {
      const pkg = task.package ? ['--package', task.package] : [];
      if (task.wit || !opts.fileIsComponent) {
        // wkg publish builds a WIT folder into a temporary package itself (and refuses when that would change wkg.lock).
        const target = task.wit ?? task.file ?? '';
        const subject = task.package ?? (task.wit ? (opts.witSpec ?? `the WIT package of ${task.wit}`) : target);
        return {
          verb: 'Publishing',
          subject,
          steps: [
            { doing: `Publishing ${subject}`, line: { command: wkg, args: ['publish', target, ...pkg, ...registry(task.registry)], cwd } },
          ],
        };
      }
      const spec = task.package ? parsePackageSpec(task.package) : undefined;
      if (!spec)
        return `a built component carries no package name or version (it reads as root:component), so publishing ${task.file} needs "package": "namespace:name@version" in the task`;
      const target = opts.componentTarget;
      if (!target)
        return `wkg's config names no registry for ${spec.namespace}: packages, so ${task.package} has nowhere to go: give the task "registry" (a registry host), or map the namespace in wkg's config.toml`;
      const insecure = target.insecure ? ['--insecure', referenceHost(target.reference)] : [];
      return {
        verb: 'Publishing',
        subject: task.package ?? '',
        reference: target.reference,
        steps: [
          {
            doing: `Publishing ${task.file} as ${task.package} (wkg oci push to ${target.reference})`,
            line: {
              command: wkg,
              args: [
                'oci',
                'push',
                ...insecure,
                '--annotation',
                `org.opencontainers.image.version=${spec.version}`,
                target.reference,
                task.file ?? '',
              ],
              cwd,
            },
          },
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
            line: { command: wkg, args: ['get', spec, '--overwrite', '-o', outputArg(task.output), ...registry(task.registry)], cwd },
          },
        ],
      };
    }
  }
}
