// Runs the same extension-host tests (out/test/e2e) with @vscode/test-electron:
// it downloads a desktop VS Code (minimum supported and stable), which needs
// internet access to update.code.visualstudio.com. On machines without it, use
// scripts/e2e/run.mjs (code-server) instead. Each run gets a fresh copy of the
// fixture workspace, as the tests edit files. As there, the extension under test
// is the packaged .vsix, installed with VS Code's CLI (the way @vscode/test-electron
// documents it), not the repository folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { packagedVsix } from './packagedExtension.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The lowest VS Code package.json's engines allow (read from it: `^1.93.0` gives 1.93.0), and the current one.
const minimum = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).engines.vscode.replace(/^[\^~>=]+/, '');
const versions = (process.env.WIT_E2E_VSCODE_VERSIONS ?? `${minimum},stable`).split(',');

const vsix = packagedVsix(repo);
for (const version of versions) {
  const tmp = mkdtempSync(join(tmpdir(), 'wit-e2e-electron-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(repo, 'test/fixtures/e2e/workspace'), workspace, { recursive: true });
  // VS Code runs extensionTestsPath only with an extensionDevelopmentPath: an empty folder, no extension in it.
  const noExtension = join(tmp, 'no-development-extension');
  mkdirSync(noExtension);
  const dirs = [`--extensions-dir=${join(tmp, 'extensions')}`, `--user-data-dir=${join(tmp, 'user-data')}`];
  try {
    const vscodeExecutablePath = await downloadAndUnzipVSCode(version);
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const installed = spawnSync(cli, [...cliArgs, ...dirs, '--install-extension', vsix], { stdio: 'inherit' });
    if (installed.status !== 0) throw new Error(`installing ${vsix} failed (exit ${installed.status ?? installed.signal})`);
    console.log(`VS Code ${version}: running the extension tests`);
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: noExtension,
      extensionTestsPath: join(repo, 'out/test/e2e'),
      // No --disable-extensions: it would disable the installed extension under test.
      launchArgs: [workspace, ...dirs, '--disable-workspace-trust', '--skip-welcome'],
    });
  } catch (e) {
    console.error(`VS Code ${version}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
