// The picture of a WAC composition graph for the README, taken as a user gets there: the
// packaged .vsix in a fresh code-server, a folder holding test/fixtures/wac-five (five.wac
// and its deps/ of five components); with the keyboard only, Ctrl+P five.wac, then F1
// `WIT: Show Composition Graph`, then Fit in the graph. Saved once the webview has drawn it:
// media/screenshots/graph-wac.png.
//   node --import tsx test/e2e/wacScreenshot.ts   (packages the .vsix first when stale)
// Needs wac on PATH (the language server composes the document with it).
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { findLiveTool } from '../live';
// @ts-expect-error: plain JavaScript shared with the e2e runner
import { checkInstalled, launchBrowser, prepareUserData, startCodeServer } from '../../scripts/e2e/codeServer.mjs';
// @ts-expect-error: plain JavaScript shared with the e2e runner
import { installPackaged } from '../../scripts/e2e/packagedExtension.mjs';

const repo = path.resolve(__dirname, '../..');
const outFile = path.join(repo, 'media/screenshots/graph-wac.png');

// As scripts/toolchainEnv.mjs does for the tests: the installed toolchain (wac) first on PATH,
// inherited by code-server and so by the language server.
const toolchainBin = path.join(process.env.WIT_DEVKIT_CACHE ?? path.join(require('node:os').homedir(), '.cache/wit-devkit'), 'bin');
process.env.PATH = [toolchainBin, process.env.PATH].filter(Boolean).join(path.delimiter);

async function main(): Promise<void> {
  checkInstalled();
  if (!findLiveTool('wac')) throw new Error('wac is needed: the language server composes the document with it');
  const tmp = mkdtempSync(path.join(tmpdir(), 'wit-wac-shot-'));
  const folder = path.join(tmp, 'compositions');
  const userData = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  cpSync(path.join(repo, 'test/fixtures/wac-five'), folder, { recursive: true, dereference: true });
  prepareUserData(userData, { 'workbench.colorTheme': 'Default Dark Modern' });
  await installPackaged(repo, { userData, extensionsDir });
  const server = await startCodeServer({ folder, userData, extensionsDir, logFile: path.join(tmp, 'code-server.log') });
  const browser = await launchBrowser();
  const timer = setTimeout(() => {
    console.error('timed out');
    process.exit(124);
  }, 240_000);
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.statusbar').waitFor();

    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget').waitFor();
    await page.keyboard.type(path.join(folder, 'five.wac'), { delay: 30 });
    await page.locator('.quick-input-list .monaco-list-row[aria-label^="five.wac"]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    // The explorer closed (Ctrl+B), so the document and its graph share the window.
    await page.keyboard.press('Control+B');

    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget').waitFor();
    await page.keyboard.type('WIT: Show Composition Graph', { delay: 30 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Composition Graph' }).first().waitFor();
    await page.keyboard.press('Enter');
    // The webview: VS Code's outer frame, the page in its inner frame, drawn once laid out.
    const graph = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    try {
      await graph.locator('body[data-state="ready"]').waitFor({ timeout: 90_000 });
      await graph.locator('g.node', { hasText: 'calc' }).first().waitFor({ timeout: 10_000 });
    } catch (e) {
      await page.screenshot({ path: path.join(tmpdir(), 'graph-wac-failed.png') });
      throw e;
    }
    // Fifteen WASI imports make it taller than the view: Fit, as the user would, to show it whole.
    await graph.locator('button', { hasText: 'Fit' }).click();
    // The pointer off the graph, so no node is highlighted; focus back in the editor.
    await page.mouse.move(300, 860);
    await page.keyboard.press('Control+1');
    mkdirSync(path.dirname(outFile), { recursive: true });
    await page.screenshot({ path: outFile });
    console.log(`saved ${outFile}`);
  } finally {
    clearTimeout(timer);
    await browser.close();
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
