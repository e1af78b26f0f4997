// The extension-host test entry: VS Code loads this module (extensionTestsPath)
// and awaits run(). It runs mocha over every compiled suite/*.test.js, so a new
// suite file is picked up without registering it anywhere. Works the same under
// @vscode/test-electron and under code-server (scripts/e2e/run.mjs).
import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Each test waits on events with its own, shorter deadlines; this is the backstop.
    timeout: 90_000,
    grep: process.env.WIT_E2E_GREP || undefined,
    // On CI's loaded 2-core machine a test that waits on the real VS Code can
    // miss a deadline once; it gets one more try there (mocha reports retries).
    retries: Number(process.env.WIT_E2E_RETRIES ?? (process.env.CI ? 1 : 0)),
  });
  const suiteDir = path.join(__dirname, 'suite');
  for (const file of readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(suiteDir, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension test(s) failed`);
}
