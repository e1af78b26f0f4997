// Runs the extension-host tests (out/test/e2e) inside a real VS Code: code-server,
// driven by headless Chromium through playwright-core (see ../shared/VSCODE-TESTS.md),
// against the packaged .vsix installed into it (packaged first when stale: see
// packagedExtension.mjs), not the repository folder.
//
//   node scripts/e2e/run.mjs [--grep <mocha pattern>] [--fixture <folder>]
//
// Each run gets a fresh copy of the fixture workspace, its own user data and
// extensions folders, and a free port. The tests' exit code comes back through
// the workbench's `codeAutomationExit` hook, their output through
// `codeAutomationLog`. An overall deadline (WIT_E2E_TIMEOUT seconds, default 900)
// makes sure the run can never hang. Env: WIT_E2E_SKIP (features to skip, read by
// the tests), WIT_E2E_KEEP=1 keeps the temp folder, WIT_E2E_VERBOSE=1 prints
// everything code-server and the workbench log, WIT_E2E_VSCODE=oldest runs them on
// the oldest VS Code engines.vscode allows (scripts/e2e/install-code-server.sh
// --oldest; default: the newest, see codeServer.mjs).
import { cpSync, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { checkInstalled, codeServerVersions, launchBrowser, prepareUserData, startCodeServer } from './codeServer.mjs';
import { installPackaged, testPayload } from './packagedExtension.mjs';
import { consoleText } from './workbenchLog.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const timeoutSec = Number(process.env.WIT_E2E_TIMEOUT ?? 900);
const verbose = process.env.WIT_E2E_VERBOSE === '1';
const { values: opts } = parseArgs({
  options: { grep: { type: 'string' }, fixture: { type: 'string', default: 'test/fixtures/e2e/workspace' } },
});

/**
 * Workbench errors that mean a contribution of the extension did not load although
 * the tests may still pass (they see a Welcome tab either way): the run fails on them.
 * VS Code 1.93 never registered the walkthrough while it had `featuredFor`.
 */
const CONTRIBUTION_ERRORS = [/Could not find category with ID: [^:]*gettingStarted/, /Trying to get unknown walkthrough/];
const contributionErrors = [];

try {
  checkInstalled();
  if (!existsSync(join(repo, 'out/test/e2e/index.js'))) throw new Error('out/test/e2e/index.js missing: run `npm run build:e2e`');
  console.log(`testing on ${codeServerVersions()}`);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'wit-e2e-'));
const workspace = join(tmp, 'workspace');
const userData = join(tmp, 'user-data');
cpSync(resolve(repo, opts.fixture), workspace, { recursive: true });
prepareUserData(userData);

let server;
let browser;
let finished = false;
const deadline = setTimeout(() => void finish(124, `timed out after ${timeoutSec} s`), timeoutSec * 1000);

try {
  await installPackaged(repo, { userData, extensionsDir: join(tmp, 'extensions') });
  server = await startCodeServer({
    folder: workspace,
    userData,
    extensionsDir: join(tmp, 'extensions'),
    logFile: join(tmp, 'code-server.log'),
    verbose,
    // Read by the test index in the extension host, which inherits code-server's environment.
    // The installed .vsix ships no jco: like a user who installed it globally, the
    // repository's jco is found on PATH (after the toolchain) by the runtime-jco tests.
    env: { PATH: `${process.env.PATH}:${join(repo, 'node_modules/.bin')}`, ...(opts.grep ? { WIT_E2E_GREP: opts.grep } : {}) },
  });
  const code = await runTests(server.port);
  if (code === 0 && contributionErrors.length) {
    await finish(
      1,
      `extension tests passed, but the workbench could not load the extension's contributions:\n  ${[...new Set(contributionErrors)].join('\n  ')}`,
    );
  }
  await finish(code, code === 0 ? 'extension tests passed' : `extension tests failed (exit code ${code})`);
} catch (e) {
  await finish(1, e instanceof Error ? e.message : String(e));
}

async function runTests(port) {
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const workbenchLog = createWriteStream(join(tmp, 'workbench.log'));
  const exitCode = new Promise((resolveExit) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // Mocha's reporter logs printf-style ('%s (%dms)', title, ms): format like console.log.
    const text = Array.isArray(args) ? format(...args) : String(args);
    if (CONTRIBUTION_ERRORS.some((re) => re.test(text))) contributionErrors.push(text.split('\n')[0]);
    workbenchLog.write(`[${type}] ${text}\n`);
    const shown = verbose ? text : consoleText(text);
    if (shown !== undefined) console.log(shown);
  });
  if (verbose) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.error(`[browser error] ${e.message}`));

  const payload = testPayload(port, join(repo, 'out/test/e2e'), join(tmp, 'no-development-extension'));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`code-server on port ${port}, workspace ${workspace}`);
  await page.goto(url);
  return exitCode;
}

async function finish(code, message) {
  if (finished) return;
  finished = true;
  clearTimeout(deadline);
  console.log(message);
  try {
    await browser?.close();
  } catch {
    /* already gone */
  }
  await server?.stop();
  if (code !== 0) console.log(`logs: ${join(tmp, 'code-server.log')}, ${join(tmp, 'workbench.log')}`);
  if (process.env.WIT_E2E_KEEP !== '1' && code === 0) rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
