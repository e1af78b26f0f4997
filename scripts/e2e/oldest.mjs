// `node scripts/e2e/oldest.mjs`: the extension tests on the OLDEST VS Code that
// package.json's engines.vscode allows (code-server $CODE_SERVER_OLDEST_VERSION,
// scripts/toolchain/pins.env), so the engine range is what is tested: installs it
// when missing (scripts/e2e/install-code-server.sh --oldest), builds the tests and
// runs scripts/e2e/run.mjs with WIT_E2E_VSCODE=oldest on a subset of the suites,
// the ones that exercise the VS Code API the client uses (activation, diagnostics,
// hover/completion/definition..., language configuration, commands, the graph and
// bindings webviews, the server's restart, the walkthrough). Left out, to keep the
// run to a couple of minutes: the suites that mostly wait on the toolchain (tasks'
// builds, wasmtime run/serve, language builds, the C debugger); on VS Code they use
// the same task/debug API the tasks suite's build task reaches, and they run on the
// newest VS Code in `npm run test:e2e`.
//   node scripts/e2e/oldest.mjs [--grep <mocha pattern>]   (default: the subset)
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The suites' describe() titles (test/e2e/suite/*.test.ts) run on the oldest VS Code. */
export const OLDEST_SUITES = [
  'activation',
  'diagnostics',
  'language features',
  'language configuration',
  'commands',
  'composition graphs',
  'bindings',
  'server restart',
  'walkthrough',
];
const { values: opts } = parseArgs({ options: { grep: { type: 'string' } } });
const grep = opts.grep ?? `^(${OLDEST_SUITES.join('|')}) `;

const step = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step('bash', ['scripts/e2e/install-code-server.sh', '--oldest']);
step('npm', ['run', 'build:e2e']);
step(process.execPath, ['scripts/e2e/run.mjs', '--grep', grep], { ...process.env, WIT_E2E_VSCODE: 'oldest' });
