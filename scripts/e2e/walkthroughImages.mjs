// The pictures of the walkthrough's bindings, build, run and debug steps
// (media/walkthrough/*.png), taken in a real VS Code with the packaged .vsix and
// driven by the keyboard and mouse as a user would; the diagnostics and graph
// steps reuse media/screenshots/diagnostic.png and graph-wit.png.
//   node scripts/e2e/walkthroughImages.mjs      (packages the .vsix when stale)
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInstalled, installExtension, launchBrowser, prepareUserData, startCodeServer } from './codeServer.mjs';
import { packagedVsix } from './packagedExtension.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(repo, 'media/walkthrough');
checkInstalled();
const vsix = packagedVsix(repo);
const tmp = mkdtempSync(join(tmpdir(), 'wit-walkthrough-images-'));
const folder = join(tmp, 'http');
cpSync(resolve(repo, '../shared/corpus/wasi-0.3/http'), folder, { recursive: true });
copyFileSync(join(repo, 'test/fixtures/cli/hello.component.wasm'), join(folder, 'hello.wasm'));
mkdirSync(join(folder, '.vscode'));
// What a user writes (or WIT: Build / Run Component writes for them): the tasks and launch config the pictures show.
writeFileSync(
  join(folder, '.vscode/tasks.json'),
  `${JSON.stringify(
    {
      version: '2.0.0',
      tasks: [
        {
          label: 'build component',
          type: 'wasm-component',
          action: 'build',
          builder: 'cargo-component',
          release: true,
          group: 'build',
          problemMatcher: ['$wasm-component-rustc'],
        },
        {
          label: 'serve component',
          type: 'wasm-component',
          action: 'run',
          program: 'target/wasm32-wasip2/release/service.wasm',
          mode: 'http',
          addr: '127.0.0.1:8080',
          env: { LOG: 'debug' },
        },
      ],
    },
    null,
    2,
  )}\n`,
);
writeFileSync(
  join(folder, '.vscode/launch.json'),
  `${JSON.stringify(
    {
      version: '0.2.0',
      configurations: [
        {
          type: 'wasm-component',
          request: 'launch',
          name: 'Debug component (wasmtime)',
          program: '${workspaceFolder}/hello.wasm',
          args: ['world'],
          runtime: 'wasmtime',
        },
        {
          type: 'wasm-component',
          request: 'launch',
          name: 'Debug component (jco)',
          program: '${workspaceFolder}/hello.wasm',
          runtime: 'jco',
        },
      ],
    },
    null,
    2,
  )}\n`,
);
const userData = join(tmp, 'user-data');
const extensionsDir = join(tmp, 'extensions');
prepareUserData(userData, { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false });
await installExtension(vsix, { userData, extensionsDir });
const server = await startCodeServer({ folder, userData, extensionsDir, logFile: join(tmp, 'code-server.log') });
const browser = await launchBrowser();
const timer = setTimeout(() => {
  console.error('timed out');
  process.exit(124);
}, 300_000);
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 620 } });
  await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor();

  // Bindings: WIT: Preview Bindings on worlds.wit; the world and the language are picked.
  await openFile(page, 'worlds.wit');
  await page.locator('.statusbar-item', { hasText: 'wasi:http@' }).waitFor({ timeout: 60_000 });
  await command(page, 'WIT: Preview Bindings');
  await pick(page, 'service');
  await pick(page, 'TypeScript (guest');
  await page.locator('.tab', { hasText: 'service.typescript-guest' }).first().waitFor({ timeout: 60_000 });
  await shot(page, 'bindings.png');
  await command(page, 'View: Close All Editors');

  // Build and run: the wasm-component tasks, as the task schema colours and completes them.
  await openFile(page, 'tasks.json');
  await shot(page, 'build.png');
  // Run: the explorer's menu on a built component.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'hello.wasm' }).click({ button: 'right' });
  await page.locator('.context-view .action-label', { hasText: 'Run Component' }).waitFor();
  await shot(page, 'run.png');
  await page.keyboard.press('Escape');

  // Debug: the launch configurations of type wasm-component.
  await openFile(page, 'launch.json');
  await shot(page, 'debug.png');
} catch (e) {
  await browser
    .contexts()[0]
    ?.pages()[0]
    ?.screenshot({ path: join(repo, 'walkthrough-images-failed.png') });
  console.error(`failed; what the page showed: ${join(repo, 'walkthrough-images-failed.png')}`);
  throw e;
} finally {
  clearTimeout(timer);
  await browser.close();
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}

/** Ctrl+P with the file's name; the row of that file, then Enter. */
async function openFile(page, file) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget').waitFor();
  await page.keyboard.type(file, { delay: 40 });
  await page.locator(`.quick-input-list .monaco-list-row[aria-label^="${file}"]`).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label^="${file}"]`).waitFor();
}

/** F1, the command's title, Enter. */
async function command(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget').waitFor();
  await page.keyboard.type(title, { delay: 40 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** In an open quick pick, the row with `label`. */
async function pick(page, label) {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

async function shot(page, file) {
  // The editor settles (tokens, the menu's animation) before the picture.
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(outDir, file) });
  console.log(`saved ${join(outDir, file)}`);
}
