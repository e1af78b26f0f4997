// The first screen after `npm run setup`, checked as a newcomer sees it: the
// same session scripts/start.mjs serves (setupSession.mjs: the packaged .vsix,
// the WASI 0.3 http package, the prepared user settings, the URL), opened in
// headless Chromium. It must show a WIT file open and highlighted by the
// extension's grammar, the WIT status item naming the package, the walkthrough
// beside the file, and no chat side bar. Saves the screenshot; fails, naming
// what is missing, when any of that is not on the screen.
//   node scripts/e2e/firstRun.mjs [--out media/screenshots/first-run.png]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkInstalled, launchBrowser } from './codeServer.mjs';
import { packagedVsix } from './packagedExtension.mjs';
import { startSetupSession } from './setupSession.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opts } = parseArgs({ options: { out: { type: 'string' } } });
checkInstalled();
const vsix = packagedVsix(repo);
const work = mkdtempSync(join(tmpdir(), 'wit-first-run-'));
const shot = resolve(opts.out ?? join(work, 'first-run.png'));
const timer = setTimeout(() => {
  console.error('first run: timed out after 240 s');
  process.exit(124);
}, 240_000);

const { server, url, file } = await startSetupSession({ repo, work, vsix });
const browser = await launchBrowser();
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor();
  const name = basename(file);
  const check = async (what, locator, timeout = 30_000) => {
    if (
      !(await locator
        .first()
        .waitFor({ timeout })
        .then(
          () => true,
          () => false,
        ))
    )
      problems.push(what);
  };
  await check(`${name} open in the active tab`, page.locator(`.tab.active[aria-label^="${name}"]`));
  // It opens when the extension activates, which on a busy 2-core machine can take most of a minute.
  await check('the walkthrough', page.locator('.gettingStartedContainer', { hasText: 'Get started with WIT DevKit' }), 90_000);
  // After the walkthrough: it takes the focus, and the item must stay (it follows the WIT editor on the screen).
  await check('the WIT status item with the package', page.locator('.statusbar-item', { hasText: 'wasi:http@' }));
  // Highlighted: the extension's TextMate grammar gives keywords, names and comments
  // token classes of their own; a file without a grammar is one colour.
  const colours = () =>
    new Set([...document.querySelectorAll('.editor-instance .view-lines span[class^="mtk"]')].map((s) => s.className)).size;
  if (
    !(await page.waitForFunction(`(${colours})() >= 3`, undefined, { timeout: 15_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    problems.push(`syntax highlighting (${await page.evaluate(colours)} token colour(s) in the editor)`);
  }
  if (await page.locator('.part.auxiliarybar').isVisible()) problems.push('no chat side bar (the secondary side bar is open)');
  // Let the editor finish painting (tokens, the status item) before the picture.
  await page.waitForTimeout(1000);
  await page.screenshot({ path: shot });
  console.log(`first run: screenshot ${shot}`);
} finally {
  clearTimeout(timer);
  await browser.close();
  await server.stop();
}
if (problems.length) {
  console.log(`first run: missing from the first screen: ${problems.join('; ')} (logs: ${work})`);
  process.exit(1);
}
console.log('first run: a WIT file open and highlighted, the status item, the walkthrough, no chat side bar');
if (!opts.out) rmSync(work, { recursive: true, force: true });
