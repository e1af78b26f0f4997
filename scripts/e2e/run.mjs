// Runs the extension-host tests (out/test/e2e) inside a real VS Code: code-server,
// driven by headless Chromium through playwright-core (see ../shared/VSCODE-TESTS.md).
//
//   node scripts/e2e/run.mjs [--grep <mocha pattern>] [--fixture <folder>]
//
// Each run gets a fresh copy of the fixture workspace, its own user data and
// extensions folders, and a free port. The tests' exit code comes back through
// the workbench's `codeAutomationExit` hook, their output through
// `codeAutomationLog`. An overall deadline (WIT_E2E_TIMEOUT seconds, default 600)
// makes sure the run can never hang. Env: WIT_E2E_SKIP (features to skip, read by
// the tests), WIT_E2E_KEEP=1 keeps the temp folder, WIT_E2E_VERBOSE=1 prints
// code-server's own log.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, existsSync, realpathSync, rmSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, format } from 'node:util';
import { chromium } from 'playwright-core';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cache = process.env.WIT_E2E_CACHE ?? join(homedir(), '.cache/wit-devkit-code-server');
const node24 = join(cache, 'node24/node_modules/node/bin/node');
const codeServerBin = join(cache, 'node_modules/.bin/code-server');
const chromiumPath = process.env.WIT_E2E_CHROMIUM ?? '/usr/bin/chromium';
const timeoutSec = Number(process.env.WIT_E2E_TIMEOUT ?? 600);
const verbose = process.env.WIT_E2E_VERBOSE === '1';

const { values: opts } = parseArgs({
  options: { grep: { type: 'string' }, fixture: { type: 'string', default: 'test/fixtures/e2e/workspace' } },
});

for (const [what, path] of [['Node 24', node24], ['code-server', codeServerBin], ['Chromium', chromiumPath]]) {
  if (!existsSync(path)) fail(`${what} not found at ${path}: run scripts/e2e/install-code-server.sh first`);
}
if (!existsSync(join(repo, 'out/test/e2e/index.js'))) fail('out/test/e2e/index.js missing: run `node scripts/e2e/build.mjs`');
if (!existsSync(join(repo, 'dist/extension.js'))) fail('dist/extension.js missing: run `npm run build`');

const tmp = mkdtempSync(join(tmpdir(), 'wit-e2e-'));
const workspace = join(tmp, 'workspace');
const userData = join(tmp, 'user-data');
cpSync(resolve(repo, opts.fixture), workspace, { recursive: true });
mkdirSync(join(userData, 'User'), { recursive: true });
// A quiet workbench: no welcome page, no trust prompt, nothing that fetches.
writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
}, null, 2));

let codeServer;
let browser;
let finished = false;
const deadline = setTimeout(() => finish(124, `timed out after ${timeoutSec} s`), timeoutSec * 1000);

try {
  const port = await freePort();
  codeServer = startCodeServer(port);
  await waitForHealth(port, codeServer);
  const code = await runTests(port);
  await finish(code, code === 0 ? 'extension tests passed' : `extension tests failed (exit code ${code})`);
} catch (e) {
  await finish(1, e instanceof Error ? e.message : String(e));
}

function startCodeServer(port) {
  const log = createWriteStream(join(tmp, 'code-server.log'));
  const child = spawn(node24, [
    realpathSync(codeServerBin),
    '--config', '/dev/null',
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', userData,
    '--extensions-dir', join(tmp, 'extensions'),
    '--vscode-option', 'enable-smoke-test-driver',
    workspace,
  ], {
    // Its own process group, so that finish() can stop it with everything it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // Read by the test index in the extension host.
      ...(opts.grep ? { WIT_E2E_GREP: opts.grep } : {}),
    },
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    if (verbose) stream.on('data', (d) => process.stderr.write(`[code-server] ${d}`));
  }
  return child;
}

async function waitForHealth(port, child) {
  const until = Date.now() + 90_000;
  let exited = false;
  child.once('exit', () => { exited = true; });
  while (Date.now() < until) {
    if (exited) throw new Error(`code-server exited before it was ready; see ${join(tmp, 'code-server.log')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('code-server did not answer /healthz within 90 s');
}

async function runTests(port) {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const exitCode = new Promise((resolveExit) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // Mocha's reporter logs printf-style ('%s (%dms)', title, ms): format like console.log.
    const text = Array.isArray(args) ? format(...args) : String(args);
    workbenchLog.write(`[${type}] ${text}\n`);
    if (verbose || !isWorkbenchNoise(text)) console.log(text);
  });
  const workbenchLog = createWriteStream(join(tmp, 'workbench.log'));
  if (verbose) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.error(`[browser error] ${e.message}`));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repo)],
    ['extensionTestsPath', remote(join(repo, 'out/test/e2e'))],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`code-server on port ${port}, workspace ${workspace}`);
  await page.goto(url);
  return exitCode;
}

/**
 * The workbench logs its own life through the same hook. Keep the tests' lines and
 * anything unexpected; drop the routine startup chatter and the offline
 * gallery/GitHub errors (all of it is in workbench.log).
 */
function isWorkbenchNoise(text) {
  return /^\[(driver|AgentHost[^\]]*|AccountPolicyGate|ChatModelSelection|Service Worker|reconnection-grace-time)\]/.test(text)
    || /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions/.test(text)
    || /open-vsx\.org|api\.github\.com|authentication provider 'github'/.test(text);
}

async function finish(code, message) {
  if (finished) return;
  finished = true;
  clearTimeout(deadline);
  console.log(message);
  try { await browser?.close(); } catch { /* already gone */ }
  if (codeServer?.pid && codeServer.exitCode === null) {
    try { process.kill(-codeServer.pid, 'SIGTERM'); } catch { /* already gone */ }
    await new Promise((r) => setTimeout(r, 1500));
    try { process.kill(-codeServer.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  if (code !== 0) console.log(`logs: ${join(tmp, 'code-server.log')}, ${join(tmp, 'workbench.log')}`);
  if (process.env.WIT_E2E_KEEP !== '1' && code === 0) rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}

function fail(message) {
  console.error(message);
  process.exit(1);
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
