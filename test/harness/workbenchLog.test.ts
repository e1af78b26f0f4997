// What an e2e run prints of the workbench's log (scripts/e2e/workbenchLog.mjs),
// on messages as they arrive from code-server 4.139 (copied from a workbench.log):
// the tests' failures keep their own stack frames, code-server's frames and its
// offline chatter are left to the log file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
// @ts-expect-error: a plain ES module of the harness, without type declarations
import { consoleText } from '../../scripts/e2e/workbenchLog.mjs';

const show = consoleText as (text: string) => string | undefined;
const WORKBENCH =
  'http://127.0.0.1:44213/stable-53c2f3253bcf32886706fc023e794bbeb253c90f/static/out/vs/code/browser/workbench/workbench.js';
const EXTENSION_HOST =
  '/root/.cache/wit-devkit/code-server/node_modules/code-server/lib/vscode/out/vs/workbench/api/node/extensionHostProcess.js';

test("a mocha failure is printed whole, with the test's frames", () => {
  const failure = [
    '  2) composition graphs',
    '       plug fit of a world against a component: the version near miss:',
    '     Error: timed out after 20000 ms waiting for the plug fit view of the world',
    '  \tat Timeout.<anonymous> (out/test/e2e/suite/graph.test.js:91:14)',
    '  \tat listOnTimeout (node:internal/timers:685:17)',
    '',
  ].join('\n');
  assert.equal(show(failure), failure);
});

test("code-server's own stack frames are left out, the message is kept", () => {
  const error = [
    'Error: Canceled',
    `    at egt.queryRawGalleryExtensions (${WORKBENCH}:1637:54742)`,
    `    at async FZ.checkForUpdates (${WORKBENCH}:3683:35610)`,
    `    at Object.handle (${EXTENSION_HOST}:12:3456)`,
    '    at activate (/tmp/wit-e2e-x/extensions/wit-devkit.wit-devkit-0.1.0/dist/extension.js:2:100)',
  ].join('\n');
  assert.equal(
    show(error),
    ['Error: Canceled', '    at activate (/tmp/wit-e2e-x/extensions/wit-devkit.wit-devkit-0.1.0/dist/extension.js:2:100)'].join('\n'),
  );
});

test('the offline gallery and GitHub errors and the startup chatter are not printed', () => {
  assert.equal(
    show(
      `getaddrinfo ENOTFOUND open-vsx.org: Failed: getaddrinfo ENOTFOUND open-vsx.org\n    at egt.queryRawGalleryExtensions (${WORKBENCH}:1637:54742)`,
    ),
    undefined,
  );
  assert.equal(
    show(
      "Timed out waiting for authentication provider 'github' to register.: Error: Timed out waiting for authentication provider 'github' to register.",
    ),
    undefined,
  );
  assert.equal(show('[AgentHost] No signed-in session resolved for resource: https://api.github.com'), undefined);
  assert.equal(show('Resolving connection token (127.0.0.1:44213)...'), undefined);
});

test('a message that is nothing but code-server frames prints nothing', () => {
  assert.equal(show(`    at egt.queryRawGalleryExtensions (${WORKBENCH}:1637:54742)`), undefined);
});
