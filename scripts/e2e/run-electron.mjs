// Runs the same extension-host tests (out/test/e2e) with @vscode/test-electron:
// it downloads a desktop VS Code (minimum supported and stable), which needs
// internet access to update.code.visualstudio.com. On machines without it, use
// scripts/e2e/run.mjs (code-server) instead. Each run gets a fresh copy of the
// fixture workspace, as the tests edit files.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The lowest VS Code package.json's engines allow, and the current one.
const versions = (process.env.WIT_E2E_VSCODE_VERSIONS ?? '1.91.0,stable').split(',');

for (const version of versions) {
  const workspace = join(mkdtempSync(join(tmpdir(), 'wit-e2e-electron-')), 'workspace');
  cpSync(join(repo, 'test/fixtures/e2e/workspace'), workspace, { recursive: true });
  console.log(`VS Code ${version}: running the extension tests`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: repo,
      extensionTestsPath: join(repo, 'out/test/e2e'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } catch (e) {
    console.error(`VS Code ${version}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
