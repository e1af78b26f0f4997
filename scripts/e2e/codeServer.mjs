// Starting and stopping code-server (a real VS Code) and the headless Chromium
// that shows its workbench; shared by the test runner and the screenshot script.
// How and why: ../shared/VSCODE-TESTS.md.
import { spawn, execFile } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

import { cacheRoot, codeServerCache } from '../toolchainEnv.mjs';

/**
 * Which VS Code the runs use, by WIT_E2E_VSCODE: `newest` (default) is
 * code-server $CODE_SERVER_VERSION on Node 24 in <cache>/code-server; `oldest` is
 * code-server $CODE_SERVER_OLDEST_VERSION (the floor of package.json's
 * engines.vscode) on Node 20 in <cache>/code-server-oldest. Both are installed by
 * scripts/e2e/install-code-server.sh (`--oldest` for the second).
 */
const variant = process.env.WIT_E2E_VSCODE || 'newest';
const installs = {
  newest: {
    cache: codeServerCache,
    node: join(codeServerCache, 'node24/node_modules/node/bin/node'),
    nodeName: 'Node 24',
    installArgs: '',
    serverArgs: [
      // Lets the workbench honour the test payload in the URL and report back.
      '--vscode-option',
      'enable-smoke-test-driver',
      // The extension host keeps this process's environment: left to itself the
      // server overlays the login shell's (PATH included), which drops the
      // toolchain's bin folder (toolchainEnv.mjs) that the live tests run from.
      '--vscode-option',
      'force-disable-user-env',
    ],
    serverEnv: {},
  },
  oldest: {
    cache: join(cacheRoot, 'code-server-oldest'),
    node: join(cacheRoot, 'code-server-oldest/node'),
    nodeName: 'Node 20',
    installArgs: ' --oldest',
    // code-server 4.93 has no --vscode-option (it passes only its own flags on to VS Code),
    // and VS Code 1.93's workbench runs the URL's test payload without the smoke-test driver.
    serverArgs: [],
    // Instead of force-disable-user-env: VS Code skips the login shell's environment
    // when it was started from its CLI, which it tells by VSCODE_CLI=1.
    serverEnv: { VSCODE_CLI: '1' },
  },
};
if (!installs[variant]) throw new Error(`WIT_E2E_VSCODE=${variant}: expected one of ${Object.keys(installs).join(', ')}`);
const { cache, node: codeServerNode, nodeName, installArgs, serverArgs, serverEnv } = installs[variant];
const codeServerBin = join(cache, 'node_modules/.bin/code-server');
const chromiumPath = process.env.WIT_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Throws with the fix when something the runs need is missing. */
export function checkInstalled() {
  for (const [what, path] of [
    [nodeName, codeServerNode],
    ['code-server', codeServerBin],
    ['Chromium', chromiumPath],
  ]) {
    if (!existsSync(path)) throw new Error(`${what} not found at ${path}: run scripts/e2e/install-code-server.sh${installArgs} first`);
  }
}

/** The code-server and VS Code versions the runs use, e.g. `VS Code 1.93.1 (code-server 4.93.1)`. */
export function codeServerVersions() {
  const version = (p) => JSON.parse(readFileSync(join(cache, 'node_modules/code-server', p), 'utf8')).version;
  return `VS Code ${version('lib/vscode/package.json')} (code-server ${version('package.json')}, ${variant})`;
}

/**
 * A user data folder with a quiet workbench: no welcome page, no trust prompt,
 * nothing that fetches, no chat side bar (code-server 4.139 opens one beside the
 * editor, a third of the screen, offering AI features that need a sign-in), and
 * no walkthrough opening by itself (`npm run setup` turns that back on).
 */
export function prepareUserData(userData, extraSettings = {}) {
  const settings = JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.enableExperiments': false,
      'git.enabled': false,
      ...extraSettings,
    },
    null,
    2,
  );
  // The browser's window is a remote one, which ignores machine-scoped settings
  // (workbench.welcomePage.walkthroughs.openOnInstall is one) in the user settings:
  // they count in the remote machine's settings. Both get the same.
  for (const scope of ['User', 'Machine']) {
    mkdirSync(join(userData, scope), { recursive: true });
    writeFileSync(join(userData, scope, 'settings.json'), settings);
  }
}

/** `code-server --install-extension <vsix>` into the given folders; resolves when it is done. */
export async function installExtension(vsix, { userData, extensionsDir }) {
  const { stdout } = await promisify(execFile)(
    codeServerNode,
    [
      realpathSync(codeServerBin),
      '--config',
      '/dev/null',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
    ],
    { timeout: 120_000 },
  );
  return stdout.trim();
}

/**
 * Starts code-server on a free 127.0.0.1 port, in its own process group, and
 * waits for /healthz. Returns { port, stop, processGroup }; stop() ends the whole group.
 */
export async function startCodeServer({ folder, userData, extensionsDir, logFile, env = {}, verbose = false }) {
  const port = await freePort();
  const log = createWriteStream(logFile);
  const child = spawn(
    codeServerNode,
    [
      realpathSync(codeServerBin),
      '--config',
      '/dev/null',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir,
      ...serverArgs,
      folder,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...serverEnv, ...env } },
  );
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    if (verbose) stream.on('data', (d) => process.stderr.write(`[code-server] ${d}`));
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(port, child, logFile);
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, stop, processGroup: child.pid };
}

/** Pids of the processes in code-server's group whose command line contains `needle`. */
export async function processesMatching(processGroup, needle) {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'pid=,args=', '-g', String(processGroup)]);
  return stdout
    .split('\n')
    .filter((l) => l.includes(needle))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

async function waitForHealth(port, child, logFile) {
  const until = Date.now() + 90_000;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < until) {
    if (exited) throw new Error(`code-server exited before it was ready; see ${logFile}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('code-server did not answer /healthz within 90 s');
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}
