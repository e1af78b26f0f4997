// The installer bug that once broke `npm run setup` on a fresh machine: inside
// `npm run`, the outer npm (Node 20) exports npm_config_user_agent and friends,
// the code-server install under Node 24 read "node/v20" and refused. These
// tests start the cleaning step exactly as the installers do, under a real
// `npm exec` (which sets the same variables `npm run` does), and check what the
// inner npm would see.
// suite: live
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const cacheRoot = process.env.WIT_DEVKIT_CACHE ?? path.join(process.env.HOME ?? '/root', '.cache/wit-devkit');

/** Runs bash under `npm exec`, sources the cleaning step, then runs `after`. */
function underNpm(after: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('npm', ['exec', '--offline', '--', 'bash', '-c', `source scripts/clean-npm-env.sh; ${after}`], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

test("npm exec really exports the outer npm's user agent (the premise of the bug)", () => {
  const seen = execFileSync('npm', ['exec', '--offline', '--', 'node', '-p', 'process.env.npm_config_user_agent'], {
    cwd: repo,
    encoding: 'utf8',
  });
  assert.match(seen, /node\/v20\./);
});

test('after clean-npm-env.sh no npm_* variable of the outer npm is left, the cache root is kept', () => {
  const env = underNpm('env', { npm_config_cache: path.join(cacheRoot, 'npm') })
    .split('\n')
    .filter((l) => /^(npm_|NPM_|INIT_CWD=|NODE=)/.test(l));
  assert.deepEqual(env, [`npm_config_cache=${path.join(cacheRoot, 'npm')}`]);
});

test("the inner npm under Node 24 then identifies as Node 24 (what code-server's install checks)", (t) => {
  const node24Bin = path.join(cacheRoot, 'code-server/node24/node_modules/node/bin');
  if (!existsSync(path.join(node24Bin, 'node'))) {
    t.skip(`Node 24 not installed at ${node24Bin} (scripts/e2e/install-code-server.sh)`);
    return;
  }
  // What a script the inner npm runs (code-server's install) sees as its user agent.
  const inner = `PATH="${node24Bin}:$PATH" npm exec --offline -- node -p process.env.npm_config_user_agent`;
  assert.match(underNpm(inner), /node\/v24\./);
  // Without the cleaning, the outer npm's Node 20 leaks through: the bug itself.
  const leaked = execFileSync('npm', ['exec', '--offline', '--', 'bash', '-c', inner], { cwd: repo, encoding: 'utf8' });
  assert.match(leaked, /node\/v20\./);
});
