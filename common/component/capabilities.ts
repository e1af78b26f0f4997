// What a built component may reach: its imports grouped by capability
// (filesystem, network, environment, clocks, random, stdio, exit; `other` for
// what no WASI host grants by default), and the wasmtime flags that grant
// exactly those. A component can touch nothing it does not import, so its
// import list is the whole of what a host must grant.
import type { ComponentInfo, ExternItem } from './model';

export type Capability = 'filesystem' | 'network' | 'environment' | 'clocks' | 'random' | 'stdio' | 'exit' | 'other';

export interface CapabilityImport {
  /** The name as the component imports it: `wasi:filesystem/types@0.2.3`, or a plain name. */
  name: string;
  capability: Capability;
}

export interface NestedCapabilities {
  /** `0`, `0/1` ...: the nested component's index in each enclosing component. */
  path: string;
  name?: string;
  imports: CapabilityImport[];
}

export interface CapabilityReport {
  imports: CapabilityImport[];
  /** wasmtime `run` flags granting what the imports reach, and nothing else. */
  flags: string[];
  /** Components inside this one, with their own imports (what the outer one wires them to). */
  nested: NestedCapabilities[];
}

/** `wasi:cli/stdin@0.2.3` -> `{ pkg: 'wasi:cli', iface: 'stdin', version: '0.2.3' }`. */
function parseInterfaceName(name: string): { pkg: string; iface: string; version?: string } | undefined {
  const m = /^([^:/@]+:[^:/@]+)\/([^@]+)(?:@(.+))?$/.exec(name);
  return m ? { pkg: m[1], iface: m[2], version: m[3] } : undefined;
}

const CLI: Record<string, Capability> = {
  environment: 'environment',
  exit: 'exit',
  stdin: 'stdio',
  stdout: 'stdio',
  stderr: 'stdio',
  'terminal-input': 'stdio',
  'terminal-output': 'stdio',
  'terminal-stdin': 'stdio',
  'terminal-stdout': 'stdio',
  'terminal-stderr': 'stdio',
};

/** The capability one import reaches. */
export function capabilityOf(name: string): Capability {
  const n = parseInterfaceName(name);
  if (!n) return 'other';
  switch (n.pkg) {
    case 'wasi:filesystem':
      return 'filesystem';
    // Sockets, and http: outgoing requests, and the types both directions share (wasmtime links them with -S http).
    case 'wasi:sockets':
    case 'wasi:http':
      return 'network';
    case 'wasi:clocks':
      return 'clocks';
    case 'wasi:random':
      return 'random';
    // Streams, polling and errors reach nothing by themselves: they are the plumbing of stdio (and of files and sockets).
    case 'wasi:io':
      return 'stdio';
    case 'wasi:cli':
      return CLI[n.iface] ?? 'other';
    default:
      return 'other';
  }
}

/** Imports a host provides: instances and functions (types come with the instances they belong to). */
function hostImports(imports: readonly ExternItem[]): CapabilityImport[] {
  return imports.filter((i) => i.sort !== 'type').map((i) => ({ name: i.name, capability: capabilityOf(i.name) }));
}

/**
 * wasmtime 49's flags for the imports: `--dir .` for files (the working folder;
 * a task asks which), `-S inherit-network` for sockets (plus ip-name-lookup
 * when imported), `-S http` for wasi:http, `-S inherit-env` for the environment,
 * and WASI 0.3's `-S p3 -W component-model-async`. Clocks, random, stdio and exit
 * are always there (`-S cli`, on by default).
 */
export function wasmtimeFlags(imports: readonly CapabilityImport[]): string[] {
  const names = imports.map((i) => parseInterfaceName(i.name));
  const has = (pkg: string, iface?: string) => names.some((n) => n?.pkg === pkg && (!iface || n.iface === iface));
  const flags: string[] = [];
  if (has('wasi:filesystem')) flags.push('--dir', '.');
  if (has('wasi:sockets')) flags.push('-S', 'inherit-network');
  if (has('wasi:sockets', 'ip-name-lookup')) flags.push('-S', 'allow-ip-name-lookup');
  if (has('wasi:http')) flags.push('-S', 'http');
  if (has('wasi:cli', 'environment')) flags.push('-S', 'inherit-env');
  if (names.some((n) => n?.pkg.startsWith('wasi:') && n.version?.startsWith('0.3.'))) flags.push('-S', 'p3', '-W', 'component-model-async');
  return flags;
}

export function capabilitiesOf(info: ComponentInfo): CapabilityReport {
  const imports = hostImports(info.imports);
  const nested: NestedCapabilities[] = [];
  const walk = (c: ComponentInfo, prefix: string) => {
    c.components.forEach((inner, i) => {
      const path = prefix ? `${prefix}/${inner.index ?? i}` : String(inner.index ?? i);
      nested.push({ path, name: inner.name, imports: hostImports(inner.imports) });
      walk(inner, path);
    });
  };
  walk(info, '');
  return { imports, flags: wasmtimeFlags(imports), nested };
}
