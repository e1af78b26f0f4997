// What a run task grants against what its component can use: a component
// reaches only what it imports, so a granted folder, variable or network it
// does not import is a grant nothing uses (a warning), and an import the task
// grants nothing for is a capability the component will find empty (a note).
import type { CapabilityReport } from '../../../common/component/capabilities';
import type { RunPlan } from './commandLines';
import type { RunTask } from './taskDefinition';

const imports = (report: CapabilityReport, pkg: string, iface?: string) =>
  report.imports.some((i) => i.name.startsWith(`${pkg}/${iface ?? ''}`));

/** Warnings for grants the component cannot use, notes for imports granted nothing; wasmtime runs only. */
export function grantProblems(plan: RunPlan, report: CapabilityReport): { warnings: string[]; notes: string[] } {
  const warnings: string[] = [],
    notes: string[] = [];
  if (plan.runtime !== 'wasmtime') return { warnings, notes };
  const fs = imports(report, 'wasi:filesystem'),
    env = imports(report, 'wasi:cli', 'environment');
  const sockets = imports(report, 'wasi:sockets'),
    http = imports(report, 'wasi:http');
  const option = (name: string) => plan.wasi.some((o) => o === name || (o.startsWith(`${name}=`) && !/=(n|no|false)$/.test(o)));
  if (plan.dirs.length && !fs)
    warnings.push(`"dirs" grants ${plan.dirs.join(', ')}, but the component imports no wasi:filesystem: it cannot use them`);
  if (Object.keys(plan.env).length && !env)
    warnings.push('"env" sets variables, but the component imports no wasi:cli/environment: it cannot read them');
  if (option('inherit-env') && !env)
    warnings.push('"wasi" inherit-env grants the environment, but the component imports no wasi:cli/environment');
  if ((option('inherit-network') || option('allow-ip-name-lookup')) && !sockets)
    warnings.push('"wasi" grants the network, but the component imports no wasi:sockets: it cannot use it');
  if (option('http') && !http && plan.mode === 'cli') warnings.push('"wasi" http links wasi:http, but the component imports none of it');
  if (fs && !plan.dirs.length) notes.push('the component imports wasi:filesystem but the task grants no "dirs": it sees no files');
  if (sockets && !option('inherit-network'))
    notes.push('the component imports wasi:sockets but the task does not grant the network ("wasi": ["inherit-network"])');
  return { warnings, notes };
}

/**
 * The grants a run task offered for a component starts with: the network for
 * wasi:sockets and wasi:http (nothing to choose), and the marker that makes its
 * first run ask for the folders (wasi:filesystem) and variables
 * (wasi:cli/environment) it imports; nothing for what it does not import.
 */
export function grantsFor(report: CapabilityReport): Pick<RunTask, 'wasi'> & { grants?: typeof ASK } {
  const wasi = automaticWasi(report);
  const asks = imports(report, 'wasi:filesystem') || imports(report, 'wasi:cli', 'environment');
  return { ...(asks ? { grants: ASK } : {}), ...(wasi.length ? { wasi } : {}) };
}

// ---- Asking once: the grants a run task or launch config leaves to the user ----
//
// What a component imports decides which questions there are: a folder to
// preopen (wasi:filesystem), variables to pass (wasi:cli/environment). The
// network (wasi:sockets) and wasi:http are granted from the imports without a
// question: there is nothing to choose. A task or config we made (an offered
// run task, an offered launch config, F5 with no launch.json) carries
// `"grants": "ask"`; its first run asks, the answers are written into it and
// the marker dropped, so the next run does not ask. What a user wrote
// without the marker is theirs: it is checked (grantProblems), never asked about.

/** The marker of a task or launch config whose grants are still to be asked for. */
export const ASK = 'ask';

export type GrantQuestion = 'dirs' | 'env';

/** The grant fields a run task and a launch config share. */
export interface GrantFields {
  dirs?: string[];
  env?: Record<string, string>;
  wasi?: string[];
  grants?: unknown;
}

/** What the user answered: the folders to preopen, the variables to pass. */
export interface GrantAnswers {
  dirs?: string[];
  env?: Record<string, string>;
}

/** `-S` options the imports need with nothing to choose: the network, name lookup, wasi:http. */
export function automaticWasi(report: CapabilityReport): string[] {
  const wasi: string[] = [];
  if (imports(report, 'wasi:sockets')) wasi.push('inherit-network');
  if (imports(report, 'wasi:sockets', 'ip-name-lookup')) wasi.push('allow-ip-name-lookup');
  if (imports(report, 'wasi:http')) wasi.push('http');
  return wasi;
}

/** The questions a run of this task or config asks: none unless it is marked, none for what it does not import or already says. */
export function grantQuestions(report: CapabilityReport, fields: GrantFields): GrantQuestion[] {
  if (fields.grants !== ASK) return [];
  const out: GrantQuestion[] = [];
  if (imports(report, 'wasi:filesystem') && fields.dirs === undefined) out.push('dirs');
  const inheritsEnv = (fields.wasi ?? []).some((o) => o === 'inherit-env' || o === 'inherit-env=y');
  if (imports(report, 'wasi:cli', 'environment') && fields.env === undefined && !inheritsEnv) out.push('env');
  return out;
}

/**
 * The grant fields to keep once answered: the answers (for what the component
 * imports only), the automatic `-S` options when the task named none, and no
 * marker. Fields the task already had stay as they were.
 */
export function answeredGrants(report: CapabilityReport, fields: GrantFields, answers: GrantAnswers): GrantFields {
  const out: GrantFields = {};
  if (fields.dirs !== undefined) out.dirs = fields.dirs;
  else if (answers.dirs && imports(report, 'wasi:filesystem')) out.dirs = answers.dirs;
  if (fields.env !== undefined) out.env = fields.env;
  else if (answers.env && imports(report, 'wasi:cli', 'environment')) out.env = answers.env;
  const wasi = fields.wasi ?? automaticWasi(report);
  if (wasi.length || fields.wasi !== undefined) out.wasi = wasi;
  return out;
}

/** Offered launch configs that leave folders or variables unsaid ask for them on their first launch. */
export function markToAsk<T extends GrantFields>(configs: T[]): T[] {
  return configs.map((c) => (c.dirs === undefined || c.env === undefined ? { ...c, grants: ASK } : c));
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The variables answer: `NAME=value` sets a value, a bare `NAME` passes this
 * machine's value at each run (kept as `${env:NAME}`, never the value itself,
 * so no secret lands in tasks.json); separated by spaces; empty for none.
 * A message when a name is not a variable name.
 */
export function parseEnvAnswer(text: string): Record<string, string> | string {
  const env: Record<string, string> = {};
  for (const item of text.trim().split(/\s+/).filter(Boolean)) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    if (!ENV_NAME.test(name)) return `"${name}" is not a variable name (letters, digits and _, not starting with a digit)`;
    env[name] = eq < 0 ? `\${env:${name}}` : item.slice(eq + 1);
  }
  return env;
}

/** `${env:NAME}` in the variables' values, replaced by this machine's value (empty when unset). */
export function expandEnvRefs(
  env: Record<string, string> | undefined,
  host: Record<string, string | undefined>,
): Record<string, string> | undefined {
  if (!env) return env;
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, n: string) => host[n] ?? '')]),
  );
}

/**
 * tasks.json's `tasks` (or launch.json's `configurations`) with the answered
 * fields written into the entry `isEntry` finds (the marker removed), or,
 * when there is none (an offered task or config run before it was saved),
 * with `added` appended.
 */
export function keepGrants(
  list: readonly unknown[],
  isEntry: (entry: Record<string, unknown>) => boolean,
  fields: GrantFields,
  added: Record<string, unknown>,
): unknown[] {
  const apply = (entry: Record<string, unknown>) => {
    const next: Record<string, unknown> = { ...entry, ...fields };
    delete next.grants;
    return next;
  };
  const at = list.findIndex((e) => !!e && typeof e === 'object' && isEntry(e as Record<string, unknown>));
  if (at < 0) return [...list, apply(added)];
  return list.map((e, i) => (i === at ? apply(e as Record<string, unknown>) : e));
}

/** The grant fields, in words, for the terminal and messages. */
export function describeGrants(fields: GrantFields): string {
  const parts: string[] = [];
  if (fields.dirs !== undefined) parts.push(fields.dirs.length ? `folders ${fields.dirs.join(', ')}` : 'no folders');
  if (fields.env !== undefined)
    parts.push(Object.keys(fields.env).length ? `variables ${Object.keys(fields.env).join(', ')}` : 'no variables');
  if (fields.wasi?.length) parts.push(`-S ${fields.wasi.join(', -S ')}`);
  return parts.join('; ') || 'nothing';
}

/**
 * A launch config's folders as launch.json keeps them: relative to the
 * workspace folder by `${workspaceFolder}`, the guest seeing them by the
 * relative name (`.` -> `${workspaceFolder}::.`), as a run task's `.` is.
 */
export function launchDirs(dirs: readonly string[]): string[] {
  return dirs.map((d) =>
    d.startsWith('/') || /^[A-Za-z]:[\\/]/.test(d) || d.includes('::') ? d : `\${workspaceFolder}${d === '.' ? '' : `/${d}`}::${d}`,
  );
}

/** `${workspaceFolder}` in folders, as VS Code substitutes it (the jco launch is made before VS Code substitutes). */
export function inFolder(dirs: readonly string[] | undefined, root: string): string[] | undefined {
  return dirs?.map((d) => d.replace(/\$\{workspaceFolder\}/g, root));
}
