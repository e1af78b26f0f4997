// A real OCI registry for the registry live tests: the `distribution` registry
// (cmd/registry, built by scripts/toolchain/install.sh from the Go module
// proxy, pinned in scripts/toolchain/registry/go.mod), started on a free
// loopback port with its storage in a fresh temporary folder, and stopped by
// its own PID afterwards. Also writes the wkg config.toml that maps a
// namespace to it (the `oci` backend over plain http), so wkg never looks at
// the user's own config, cache or docker credentials.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from '../freePort';

export interface RunningRegistry {
  /** `127.0.0.1:PORT`: the registry's name in wkg's config and in OCI references. */
  host: string;
  /** The folder holding the storage, the wkg config and cache (removed by stop()). */
  dir: string;
  /** A wkg config.toml mapping `namespace` to this registry. */
  wkgConfig: string;
  /** The environment wkg runs in: this config, a cache of its own, a HOME with no docker credentials. */
  env: NodeJS.ProcessEnv;
  /** What the registry printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** The registry's configuration: filesystem storage, loopback only, little logging. */
export function registryConfig(storage: string, addr: string, auth = false): string {
  // `silly` auth: the registry's own test mode, which answers 401 to any request without an Authorization header.
  const authLines = auth ? ['auth:', '  silly:', `    realm: http://${addr}/token`, '    service: wit-devkit-test'] : [];
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(storage)}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${addr}`,
    ...authLines,
    '',
  ].join('\n');
}

/** wkg's config.toml: `namespace` goes to the registry at `host` over OCI, plain http. */
export function wkgConfigFor(namespace: string, host: string): string {
  return [
    '[namespace_registries]',
    `${namespace} = { registry = "${host}", metadata = { preferredProtocol = "oci", "oci" = { registry = "${host}", namespacePrefix = "" } } }`,
    '',
    `[registry."${host}".oci]`,
    'protocol = "http"',
    '',
  ].join('\n');
}

async function answers(host: string, auth: boolean): Promise<boolean> {
  try {
    const res = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(1000) });
    return res.status === (auth ? 401 : 200);
  } catch {
    return false;
  }
}

/** Starts the registry binary at `registryBin`; resolves once `/v2/` answers (200, or 401 with `auth`). */
export async function startRegistry(
  registryBin: string,
  namespace: string,
  timeoutMs = 20_000,
  opts: { auth?: boolean } = {},
): Promise<RunningRegistry> {
  const auth = opts.auth ?? false;
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-devkit-registry-'));
  const storage = path.join(dir, 'storage');
  const home = path.join(dir, 'home');
  mkdirSync(storage);
  mkdirSync(home);
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const configFile = path.join(dir, 'registry.yml');
  writeFileSync(configFile, registryConfig(storage, host, auth));
  const wkgConfig = path.join(dir, 'wkg-config.toml');
  writeFileSync(wkgConfig, wkgConfigFor(namespace, host));
  let out = '';
  const child: ChildProcess = spawn(registryBin, ['serve', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  let exited: number | null | undefined;
  const done = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited === undefined && child.pid !== undefined) {
      process.kill(child.pid, 'SIGTERM');
      const killer = setTimeout(() => {
        if (exited === undefined && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      }, 5000);
      await done;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(host, auth))) {
    if (exited !== undefined || Date.now() > deadline) {
      await stop();
      throw new Error(`the registry at ${host} did not start (${exited !== undefined ? `exited with ${exited}` : 'timed out'}): ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    WKG_CONFIG_FILE: wkgConfig,
    WKG_CACHE_DIR: path.join(dir, 'wkg-cache'),
    DOCKER_CONFIG: path.join(home, '.docker'),
    RUST_BACKTRACE: '0',
    NO_COLOR: '1',
  };
  return { host, dir, wkgConfig, env, output: () => out, stop };
}
