// The words the client shows about the server: crash notices and the status bar.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeExit, restartedNotice, gaveUpNotice, locateFile, unqualifiedWorld, statusBarText } from '../../client/src/statusText';
import type { WorldInfo } from '../../common/protocol';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const world = (name: string, pkg: string, uri: string): WorldInfo => ({ name, package: pkg, uri, range });

test('the crash notice says how the server ended', () => {
  assert.equal(
    restartedNotice({ code: null, signal: 'SIGKILL' }),
    'The WIT language server stopped (killed by SIGKILL) and was restarted.',
  );
  assert.equal(restartedNotice({ code: 3, signal: null }), 'The WIT language server stopped (exit code 3) and was restarted.');
  assert.equal(describeExit(undefined), 'its connection closed');
  assert.equal(
    gaveUpNotice({ code: 1, signal: null }, 5, 3),
    'The WIT language server stopped (exit code 1) 5 times in 3 minutes; it will not be restarted automatically.',
  );
});

test('unqualified world names drop the package and version', () => {
  assert.equal(unqualifiedWorld('wasi:http/service@0.3.0'), 'service');
  assert.equal(unqualifiedWorld('example:app/app'), 'app');
  assert.equal(unqualifiedWorld('plain'), 'plain');
});

test('the status bar names the package and the worlds of the active file', () => {
  const worlds = [
    world('wasi:http/service@0.3.0', 'wasi:http@0.3.0', 'file:///p/worlds.wit'),
    world('wasi:http/middleware@0.3.0', 'wasi:http@0.3.0', 'file:///p/worlds.wit'),
  ];
  const inWorlds = locateFile(worlds, 'file:///p/worlds.wit');
  assert.deepEqual(inWorlds, { packageName: 'wasi:http@0.3.0', worlds: ['service', 'middleware'] });
  assert.equal(statusBarText('running', inWorlds), '$(symbol-namespace) wasi:http@0.3.0 › service, middleware');

  // Another file of the same package: the package, no world.
  const inTypes = locateFile(worlds, 'file:///p/types.wit');
  assert.equal(statusBarText('running', inTypes), '$(symbol-namespace) wasi:http@0.3.0');

  // A package without worlds, or a server that could not answer.
  assert.equal(statusBarText('starting', locateFile([], 'file:///p/a.wit')), '$(sync~spin) WIT');
  assert.equal(statusBarText('crashed', { packageName: undefined, worlds: [] }), '$(error) WIT');
});
