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
  const warnings: string[] = [], notes: string[] = [];
  if (plan.runtime !== 'wasmtime') return { warnings, notes };
  const fs = imports(report, 'wasi:filesystem'), env = imports(report, 'wasi:cli', 'environment');
  const sockets = imports(report, 'wasi:sockets'), http = imports(report, 'wasi:http');
  const option = (name: string) => plan.wasi.some((o) => o === name || o.startsWith(`${name}=`) && !/=(n|no|false)$/.test(o));
  if (plan.dirs.length && !fs) warnings.push(`"dirs" grants ${plan.dirs.join(', ')}, but the component imports no wasi:filesystem: it cannot use them`);
  if (Object.keys(plan.env).length && !env) warnings.push('"env" sets variables, but the component imports no wasi:cli/environment: it cannot read them');
  if (option('inherit-env') && !env) warnings.push('"wasi" inherit-env grants the environment, but the component imports no wasi:cli/environment');
  if ((option('inherit-network') || option('allow-ip-name-lookup')) && !sockets) warnings.push('"wasi" grants the network, but the component imports no wasi:sockets: it cannot use it');
  if (option('http') && !http && plan.mode === 'cli') warnings.push('"wasi" http links wasi:http, but the component imports none of it');
  if (fs && !plan.dirs.length) notes.push('the component imports wasi:filesystem but the task grants no "dirs": it sees no files');
  if (sockets && !option('inherit-network')) notes.push('the component imports wasi:sockets but the task does not grant the network ("wasi": ["inherit-network"])');
  return { warnings, notes };
}

/**
 * The grants a run task offered for a component starts with: exactly what it
 * imports (the working folder for wasi:filesystem, the network for
 * wasi:sockets, wasi:http, the environment for wasi:cli/environment), nothing
 * for what it does not. The user narrows them in tasks.json, where they stay.
 */
export function grantsFor(report: CapabilityReport): Pick<RunTask, 'dirs' | 'wasi'> {
  const wasi: string[] = [];
  if (imports(report, 'wasi:sockets')) wasi.push('inherit-network');
  if (imports(report, 'wasi:sockets', 'ip-name-lookup')) wasi.push('allow-ip-name-lookup');
  if (imports(report, 'wasi:http')) wasi.push('http');
  if (imports(report, 'wasi:cli', 'environment')) wasi.push('inherit-env');
  return { ...(imports(report, 'wasi:filesystem') ? { dirs: ['.'] } : {}), ...(wasi.length ? { wasi } : {}) };
}
