// A user-like check of the packaged extension: installs the .vsix into a fresh
// code-server, opens a copy of the WASI 0.3 http package, and with the keyboard
// only makes a syntax error and asks for hovers; saves what the user sees to
// media/screenshots/*.png. Run it after `npm run package` (npm run screenshot).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInstalled, installExtension, launchBrowser, prepareUserData, processesMatching, startCodeServer } from './codeServer.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { name, version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const vsix = join(repo, `${name}-${version}.vsix`);
const corpus = resolve(repo, '../shared/corpus/wasi-0.3/http');
const outDir = join(repo, 'media/screenshots');

checkInstalled();
const tmp = mkdtempSync(join(tmpdir(), 'wit-screenshot-'));
const folder = join(tmp, 'http');
const userData = join(tmp, 'user-data');
const extensionsDir = join(tmp, 'extensions');
cpSync(corpus, folder, { recursive: true });
// (The prepared settings already keep the chat side bar and the walkthrough out of the pictures.)
prepareUserData(userData, { 'workbench.colorTheme': 'Default Dark Modern' });
mkdirSync(outDir, { recursive: true });

console.log(await installExtension(vsix, { userData, extensionsDir }));
const server = await startCodeServer({ folder, userData, extensionsDir, logFile: join(tmp, 'code-server.log') });
const browser = await launchBrowser();
const timer = setTimeout(() => {
  console.error('timed out');
  process.exit(124);
}, 240_000);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.statusbar').waitFor();

  await openFile(page, 'worlds.wit');
  // At the end, an interface whose function lacks its result type: a syntax error.
  // (The editor closes the brace and indents by itself, as it would for a user.)
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await typeSlowly(page, 'interface oops {');
  await page.keyboard.press('Enter');
  await typeSlowly(page, 'broken: func() -> ;');
  await page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
  // Close the completion list. The Problems panel (Ctrl+Shift+M) lists the error;
  // Ctrl+1 goes back to the editor and F8 (Go to Next Problem) puts the cursor on it.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor();
  await page.keyboard.press('Control+1');
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();
  await page.keyboard.press('F8');
  await page
    .locator('.marker-widget')
    .waitFor({ timeout: 10_000 })
    .catch(() => console.log('F8 showed no problem'));
  await page.keyboard.press('Escape');
  await showHover(page);
  await shot(page, 'diagnostic.png');
  await page.keyboard.press('Escape');

  await openFile(page, 'types.wit');
  await page.keyboard.press('Control+F');
  await typeSlowly(page, '{duration}');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await showHover(page);
  await shot(page, 'hover.png');
  await page.keyboard.press('Escape');

  // The language server dies: the notice says why, and the server is back.
  const [serverPid] = await processesMatching(server.processGroup, 'dist/server.js');
  if (serverPid) {
    process.kill(serverPid, 'SIGKILL');
    const notice = page.locator('.notification-toast', { hasText: 'WIT language server stopped' });
    if (
      !(await notice.waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      ))
    ) {
      // Toasts can be hidden (a busy workbench, do-not-disturb): open the notification centre.
      await page.keyboard.press('F1');
      await typeSlowly(page, 'Notifications: Show Notifications');
      await page.keyboard.press('Enter');
      await page
        .locator('.notifications-center', { hasText: 'WIT language server stopped' })
        .waitFor({ timeout: 10_000 })
        .catch(() => console.log('no notice about the restart'));
    }
    await shot(page, 'server-restarted.png');
  } else {
    console.log('language server process not found; no restart picture');
  }
} finally {
  clearTimeout(timer);
  await browser.close();
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}

/** Ctrl+P with the file's absolute path (deps/ holds other files of the same name). */
async function openFile(page, file) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget').waitFor();
  await typeSlowly(page, join(folder, file));
  // Wait for the list to show this file, not the rows of the previous query.
  await page.locator(`.quick-input-list .monaco-list-row[aria-label^="${file}"]`).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label^="${file}"]`).waitFor();
  // Keys go to the editor only once it has the focus.
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();
}

/** At a person's pace: typed all at once, the browser editor skips auto-closing and indenting. */
function typeSlowly(page, text) {
  return page.keyboard.type(text, { delay: 40 });
}

/** Ctrl+K Ctrl+I: "Show or Focus Hover" at the cursor; asked again if the editor was busy. */
async function showHover(page) {
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.keyboard.press('Control+K', { delay: 50 });
    await page.keyboard.press('Control+I', { delay: 50 });
    if (
      await hover.waitFor({ timeout: 4_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  console.log('no hover appeared');
}

async function shot(page, file) {
  const path = join(outDir, file);
  await page.screenshot({ path });
  console.log(`saved ${path}`);
}
