// The picture of a stopped debug session for the README, taken as a user
// gets there: the packaged .vsix in a fresh code-server, a folder holding the
// C fixture built with -g -O0 and a launch.json for runtime wasmtime; with the
// keyboard only, open debug.c, go to the line in add(), F9 for a breakpoint,
// F5. Saved once the editor is on the breakpoint line, the Call Stack names
// add and main and Variables shows sum = 42: media/screenshots/debug-stopped.png.
//   node --import tsx test/e2e/debugScreenshot.ts   (after `npm run package`)
// Needs the toolchain on PATH (wasmtime, lldb-dap / lldb-vscode, clang-16).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { buildDebugFixture } from '../debug/debugFixture';
import { findLiveTool } from '../live';
// @ts-expect-error: plain JavaScript shared with the e2e runner
import { checkInstalled, installExtension, launchBrowser, prepareUserData, startCodeServer } from '../../scripts/e2e/codeServer.mjs';

const repo = path.resolve(__dirname, '../..');
const { name, version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { name: string; version: string };
const vsix = path.join(repo, `${name}-${version}.vsix`);
const outFile = path.join(repo, 'media/screenshots/debug-stopped.png');

async function main(): Promise<void> {
  checkInstalled();
  const clang = findLiveTool('clang-16');
  const jco = findLiveTool('jco');
  if (!clang || !jco) throw new Error('clang-16 and jco are needed to build the C fixture');
  const tmp = mkdtempSync(path.join(tmpdir(), 'wit-debug-shot-'));
  const folder = path.join(tmp, 'hello-c');
  const userData = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  const fixture = buildDebugFixture(folder, { clang, jco });
  writeFileSync(
    path.join(folder, '.vscode/launch.json'),
    JSON.stringify(
      {
        version: '0.2.0',
        configurations: [
          {
            type: 'wasm-component',
            request: 'launch',
            name: 'Debug debug.wasm (wasmtime + lldb-dap)',
            program: '${workspaceFolder}/debug.wasm',
            args: ['hello'],
            runtime: 'wasmtime',
          },
        ],
      },
      null,
      2,
    ),
  );
  prepareUserData(userData, { 'workbench.colorTheme': 'Default Dark Modern', 'debug.toolBarLocation': 'docked' });
  console.log(await installExtension(vsix, { userData, extensionsDir }));
  const server = await startCodeServer({ folder, userData, extensionsDir, logFile: path.join(tmp, 'code-server.log') });
  const browser = await launchBrowser();
  const timer = setTimeout(() => {
    console.error('timed out');
    process.exit(124);
  }, 240_000);
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.statusbar').waitFor();

    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget').waitFor();
    await page.keyboard.type(fixture.source, { delay: 30 });
    await page.locator('.quick-input-list .monaco-list-row[aria-label^="debug.c"]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    // Ctrl+G: go to the line of `return sum;` in add(), then F9 sets the breakpoint there.
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget').waitFor();
    await page.keyboard.type(String(fixture.lines['add-return']), { delay: 30 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('F9');
    await page.locator('.codicon-debug-breakpoint').first().waitFor();

    await page.keyboard.press('F5');
    // Stopped: the editor marks the line, the Call Stack lists add, Variables shows sum.
    await page.locator('.debug-top-stack-frame-line').first().waitFor({ timeout: 120_000 });
    // VS Code leaves the stopped thread (one of wasmtime's five) and the Locals scope
    // folded here: opened with a click each, as the user would.
    const stoppedThread = page.locator('.debug-call-stack .monaco-list-row', { hasText: 'BREAKPOINT' }).first();
    await stoppedThread.waitFor({ timeout: 30_000 });
    if ((await stoppedThread.getAttribute('aria-expanded')) !== 'true') await stoppedThread.locator('.monaco-tl-twistie').click();
    const localsRow = page.locator('.debug-variables .monaco-list-row', { hasText: 'Locals' }).first();
    await localsRow.waitFor({ timeout: 30_000 });
    if ((await localsRow.getAttribute('aria-expanded')) !== 'true') await localsRow.click();
    try {
      await page.locator('.debug-call-stack .monaco-list-row', { hasText: 'add' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.debug-variables .monaco-list-row', { hasText: 'sum' }).first().waitFor({ timeout: 30_000 });
    } catch (e) {
      await page.screenshot({ path: path.join(tmpdir(), 'debug-stopped-failed.png') });
      throw e;
    }
    // The pointer off the views, so no hover toolbar covers a row.
    await page.mouse.move(900, 700);
    mkdirSync(path.dirname(outFile), { recursive: true });
    await page.screenshot({ path: outFile });
    console.log(`saved ${outFile}`);
    await page.keyboard.press('Shift+F5');
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
