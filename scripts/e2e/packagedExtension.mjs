// The extension the VS Code tests run is the packaged .vsix, installed into
// code-server as a user installs it, never the repository folder: what the
// .vsix leaves out (a module loaded at run time, a media file) fails the tests
// as it would fail for the user. Shared by scripts/e2e/run.mjs and
// scripts/run-e2e-untrusted.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension } from './codeServer.mjs';

/**
 * What `npm run package` makes the .vsix of (see .vscodeignore, esbuild.mjs), sources
 * included: when any is newer than the .vsix, it is stale.
 */
const INPUTS = [
  'package.json',
  '.vscodeignore',
  'esbuild.mjs',
  'client/src',
  'server/src',
  'grammar/tree-sitter-wit.wasm',
  'dist',
  'media',
  'syntaxes',
  'snippets',
  'language-configuration.json',
  'README.md',
  'LICENSE',
];

/**
 * The path of `<name>-<version>.vsix` in `repo`, packaged first (`npm run package`)
 * when it is missing or older than what it is made of, so a run never tests an old build.
 */
export function packagedVsix(repo) {
  const { name, version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const vsix = join(repo, `${name}-${version}.vsix`);
  const built = existsSync(vsix) ? statSync(vsix).mtimeMs : 0;
  const newer = INPUTS.find((p) => newestMtime(join(repo, p)) > built);
  if (newer) {
    console.log(`${existsSync(vsix) ? `the .vsix is older than ${newer}` : 'no .vsix yet'}: npm run package`);
    // Its listing of every file is noise here: shown only when packaging fails.
    const r = spawnSync('npm', ['run', 'package'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) {
      process.stdout.write(r.stdout + r.stderr);
      throw new Error(`npm run package failed (exit ${r.status ?? r.signal})`);
    }
  }
  return vsix;
}

/**
 * Installs the packaged extension into `extensionsDir` (code-server's own
 * `--install-extension`) and returns the installed extension's folder.
 */
export async function installPackaged(repo, { userData, extensionsDir }) {
  const vsix = packagedVsix(repo);
  await installExtension(vsix, { userData, extensionsDir });
  const { name, version, publisher } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const folder = join(extensionsDir, `${publisher}.${name}-${version}`);
  if (!existsSync(join(folder, 'package.json'))) throw new Error(`code-server installed ${vsix} but ${folder} has no package.json`);
  console.log(`testing the installed ${vsix.slice(repo.length + 1)} (${(statSync(vsix).size / 1024 / 1024).toFixed(2)} MB)`);
  return folder;
}

/**
 * The URL payload that makes the workbench run the compiled tests in its
 * extension host. VS Code runs `extensionTestsPath` only alongside an
 * `extensionDevelopmentPath`; it is given an empty folder, so no extension is
 * loaded from it and the one under test is the installed one.
 */
export function testPayload(port, testsPath, emptyFolder) {
  mkdirSync(emptyFolder, { recursive: true });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  return [
    ['extensionDevelopmentPath', remote(emptyFolder)],
    ['extensionTestsPath', remote(testsPath)],
  ];
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}
