// The VS Code session `npm run setup` ends in (scripts/start.mjs), made in one
// place so that scripts/e2e/firstRun.mjs checks exactly what a newcomer gets:
// the packaged .vsix installed into code-server, a copy of the WASI 0.3 http
// package (or WIT_DEVKIT_FOLDER), the quiet user settings with the
// walkthrough left to open on first activation, and a URL that opens a WIT file.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installExtension, prepareUserData, startCodeServer } from './codeServer.mjs';

/**
 * Starts the session in the (fresh) folder `work`; `folder` defaults to a copy of
 * the http package. Returns { server, url, folder, file }.
 */
export async function startSetupSession({ repo, work, folder, vsix, extraSettings = {} }) {
  if (!folder) {
    folder = join(work, 'wasi-http');
    cpSync(resolve(repo, '..', 'shared', 'corpus', 'wasi-0.3', 'http'), folder, { recursive: true });
  }
  const dirs = { userData: join(work, 'user-data'), extensionsDir: join(work, 'extensions') };
  // VS Code opens an extension's walkthrough after an install from its Extensions
  // view only; this one is installed from the command line, so the extension opens
  // it on its first activation (client/src/walkthrough.ts) under the same setting.
  prepareUserData(dirs.userData, { 'workbench.welcomePage.walkthroughs.openOnInstall': true, ...extraSettings });
  await installExtension(vsix, dirs);
  const server = await startCodeServer({ folder, ...dirs, logFile: join(work, 'code-server.log') });
  const file = firstWitFile(folder);
  return { server, url: sessionUrl(server.port, folder, file), folder, file };
}

/**
 * The workbench URL of `folder` that also opens `file` in the editor: VS Code's
 * web workbench reads `openFile` from the URL's `payload` (as it does when it
 * opens a file in a new window), so the file is open from the first screen on
 * without the extension opening anything.
 */
export function sessionUrl(port, folder, file) {
  const query = new URLSearchParams({ folder });
  if (file) query.set('payload', JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${port}${file}`]]));
  return `http://127.0.0.1:${port}/?${query}`;
}

/** The .wit file to show first: in the folder or its wit/, preferably one that declares a world. */
export function firstWitFile(folder) {
  const candidates = [folder, join(folder, 'wit')]
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((n) => n.endsWith('.wit'))
        .sort()
        .map((n) => join(d, n)),
    );
  return candidates.find((f) => /^\s*world\s/m.test(readFileSync(f, 'utf8'))) ?? candidates[0];
}
