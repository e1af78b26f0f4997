// What the registry tasks offer and remember, decided without VS Code: a
// publish task for each WIT folder that declares a versioned package (Run
// Task lists them), the defaults the publish/push/pull commands propose
// (the package a WIT folder declares, the OCI reference wkg's config maps it to,
// plain http where the config says so), and the tasks.json entry a command
// asked for once and reuses after.
// No `vscode` import: unit-tested in test/packages/.
import * as path from 'node:path';
import { declaredPackageSpec } from '../packages/registryRun';
import { witFolders } from '../packages/packagesModel';
import { ociReferenceFor, usesPlainHttp } from '../packages/wkgToml';
import { TASK_TYPE } from './taskDefinition';
import { parsePackageSpec, referenceHost, type PublishTask, type PullTask, type PushTask } from './registryTask';

const toPosix = (p: string) => p.split(path.sep).join('/');

/** A publish task for each WIT folder under `root` whose package names its version (at most `limit`). */
export function offeredPublishTasks(root: string, limit = 10): PublishTask[] {
  return witFolders(root, limit)
    .filter((dir) => declaredPackageSpec(dir) !== undefined)
    .map((dir) => ({ action: 'publish' as const, wit: toPosix(path.relative(root, dir)) || '.' }));
}

/**
 * The versioned package a component is most likely built from: the WIT folder
 * nearest to `fromDir` (its own folder and those above it, up to `root`, each
 * looked into a little), else the first under `root`. The default name of a component's publish.
 */
export function defaultPackageSpec(root: string, fromDir?: string): string | undefined {
  const inside = (dir: string) => !path.relative(root, dir).startsWith('..');
  for (let dir = fromDir && inside(fromDir) ? fromDir : root; inside(dir); dir = path.dirname(dir)) {
    for (const wit of witFolders(dir, 5, 50)) {
      const spec = declaredPackageSpec(wit);
      if (spec) return spec;
    }
    if (dir === root || path.dirname(dir) === dir) break;
  }
  return undefined;
}

/** The push a component gets by default: the reference wkg's convention gives its package, plain http where the config says so. */
export function defaultPush(file: string, spec: string | undefined, configText: string | undefined): Omit<PushTask, 'action'> | undefined {
  const parsed = spec ? parsePackageSpec(spec) : undefined;
  const reference = parsed ? ociReferenceFor(parsed, configText) : undefined;
  if (!reference) return undefined;
  const host = referenceHost(reference);
  return { file, reference, insecure: usesPlainHttp(host, configText) || undefined };
}

/** Plain http for a pull of `reference` when the config says so, or the host is the loopback. */
export function insecureFor(reference: string, configText: string | undefined): boolean {
  const host = referenceHost(reference);
  return usesPlainHttp(host, configText) || /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
}

type Entry = Record<string, unknown>;
const isEntry = (t: unknown): t is Entry => !!t && typeof t === 'object' && (t as Entry).type === TASK_TYPE;

/** The tasks.json publish entry for this WIT folder or file, if one was kept. */
export function rememberedPublish(tasks: readonly unknown[], target: { wit?: string; file?: string }): Entry | undefined {
  return tasks.filter(isEntry).find((t) => t.action === 'publish' && (target.wit ? t.wit === target.wit : t.file === target.file));
}

/** The tasks.json push entry for this file, if one was kept. */
export function rememberedPush(tasks: readonly unknown[], file: string): Entry | undefined {
  return tasks.filter(isEntry).find((t) => t.action === 'push' && t.file === file);
}

/** The tasks.json pull entries, to pick from. */
export function rememberedPulls(tasks: readonly unknown[]): Entry[] {
  return tasks.filter(isEntry).filter((t) => t.action === 'pull');
}

/** The entry a command adds to tasks.json (a label of its own; no credentials are ever part of it). */
export function taskEntry(def: PublishTask | PushTask | PullTask, label: string): Entry {
  const clean = Object.fromEntries(Object.entries(def).filter(([, v]) => v !== undefined && v !== false));
  return { type: TASK_TYPE, ...clean, label, problemMatcher: [] };
}
