// The main job: WIT DevKit running in a real VS Code. Installs the packaged
// .vsix into code-server (installed by scripts/install.sh) and serves a copy of
// the WASI 0.3 http package from ../shared on 127.0.0.1; open the printed URL:
// a WIT file is open and the walkthrough beside it (scripts/e2e/setupSession.mjs;
// scripts/e2e/firstRun.mjs checks that first screen).
// Stops with Ctrl+C. WIT_DEVKIT_FOLDER=/path opens another folder instead.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkInstalled } from './e2e/codeServer.mjs';
import { startSetupSession } from './e2e/setupSession.mjs';

const root = resolve(import.meta.dirname, '..');
checkInstalled();
const vsix = readdirSync(root)
  .filter((n) => n.endsWith('.vsix'))
  .sort()
  .pop();
if (!vsix) throw new Error('no .vsix in the project folder: run `npm run package` first');
const work = mkdtempSync(join(tmpdir(), 'wit-devkit-'));
const { server, url } = await startSetupSession({ repo: root, work, folder: process.env.WIT_DEVKIT_FOLDER, vsix: join(root, vsix) });
console.log(`WIT DevKit is running in VS Code: ${url}`);
console.log('Ctrl+C stops it.');
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
