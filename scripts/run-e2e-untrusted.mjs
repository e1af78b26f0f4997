// Runs the extension tests that need Restricted Mode (an untrusted workspace)
// in code-server: the same harness as scripts/e2e/run.mjs, but with workspace
// trust ENABLED, no trust prompt at start-up (so the folder stays untrusted)
// and only the tests whose title matches "untrusted". The extension under test
// is the packaged .vsix, installed into code-server (scripts/e2e/packagedExtension.mjs).
//
//   node scripts/run-e2e-untrusted.mjs    (after npm run build:e2e; packages the .vsix when stale)
//
// The main harness disables workspace trust, so there those tests skip
// themselves and say so.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { checkInstalled, launchBrowser, prepareUserData } from './e2e/codeServer.mjs';
import { installPackaged, testPayload } from './e2e/packagedExtension.mjs';
import { consoleText } from './e2e/workbenchLog.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
import { codeServerCache as cache } from './toolchainEnv.mjs';
checkInstalled();

const tmp = mkdtempSync(join(tmpdir(), 'wit-e2e-untrusted-'));
const workspace = join(tmp, 'workspace');
cpSync(join(repo, 'test/fixtures/e2e/workspace'), workspace, { recursive: true });
const userData = join(tmp, 'user-data');
prepareUserData(userData, {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
});
await installPackaged(repo, { userData, extensionsDir: join(tmp, 'extensions') });

const port = await new Promise((res, rej) => {
  const s = createServer()
    .once('error', rej)
    .listen(0, '127.0.0.1', () => {
      const { port: p } = s.address();
      s.close(() => res(p));
    });
});
const log = createWriteStream(join(tmp, 'code-server.log'));
// No --disable-workspace-trust here: that is the point of this run.
const server = spawn(
  join(cache, 'node24/node_modules/node/bin/node'),
  [
    realpathSync(join(cache, 'node_modules/.bin/code-server')),
    '--config',
    '/dev/null',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    join(tmp, 'extensions'),
    '--vscode-option',
    'enable-smoke-test-driver',
    workspace,
  ],
  { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WIT_E2E_GREP: 'untrusted' } },
);
server.stdout.pipe(log);
server.stderr.pipe(log);

let browser;
const deadline = setTimeout(() => void finish(124, 'timed out after 300 s'), 300_000);
try {
  for (let i = 0; ; i++) {
    if (i > 360) throw new Error('code-server did not answer /healthz within 90 s');
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launchBrowser();
  const page = await browser.newPage();
  const exitCode = new Promise((res) => void page.exposeFunction('codeAutomationExit', (c) => res(Number(c))));
  const workbenchLog = createWriteStream(join(tmp, 'workbench.log'));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    // All of it in workbench.log; on the console the tests' lines, without the workbench's chatter and stack frames.
    workbenchLog.write(`[${type}] ${text}\n`);
    const shown = consoleText(text);
    if (shown !== undefined) console.log(shown);
  });
  const payload = testPayload(port, join(repo, 'out/test/e2e'), join(tmp, 'no-development-extension'));
  await page.goto(
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  const code = await exitCode;
  await finish(code, code === 0 ? 'untrusted-workspace tests passed' : `untrusted-workspace tests failed (exit code ${code})`);
} catch (e) {
  await finish(1, e instanceof Error ? e.message : String(e));
}

async function finish(code, message) {
  clearTimeout(deadline);
  console.log(message);
  try {
    await browser?.close();
  } catch {
    /* already gone */
  }
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  if (code === 0) rmSync(tmp, { recursive: true, force: true });
  else console.log(`logs: ${join(tmp, 'code-server.log')}, ${join(tmp, 'workbench.log')}`);
  process.exit(code);
}
