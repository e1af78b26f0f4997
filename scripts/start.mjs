// The main job: WIT DevKit running in a real VS Code. Installs the packaged
// .vsix into code-server (installed by scripts/install.sh) and serves a copy of
// the WASI 0.3 http package from ../shared on 127.0.0.1; open the printed URL.
// Stops with Ctrl+C. WIT_DEVKIT_FOLDER=/path opens another folder instead.
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installExtension, startCodeServer, checkInstalled, prepareUserData } from './e2e/codeServer.mjs';

const root = resolve(import.meta.dirname, '..');
checkInstalled();
const vsix = readdirSync(root).filter((n) => n.endsWith('.vsix')).sort().pop();
if (!vsix) throw new Error('no .vsix in the project folder: run `npm run package` first');
const work = mkdtempSync(join(tmpdir(), 'wit-devkit-'));
let folder = process.env.WIT_DEVKIT_FOLDER;
if (!folder) {
  folder = join(work, 'wasi-http');
  cpSync(resolve(root, '..', 'shared', 'corpus', 'wasi-0.3', 'http'), folder, { recursive: true });
}
const dirs = { userData: join(work, 'user-data'), extensionsDir: join(work, 'extensions') };
prepareUserData(dirs.userData);
console.log(await installExtension(join(root, vsix), dirs));
const server = await startCodeServer({ folder, ...dirs, logFile: join(work, 'code-server.log') });
console.log(`WIT DevKit is running in VS Code: http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
console.log('Ctrl+C stops it.');
const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
