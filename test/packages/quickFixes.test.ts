// What the unknown-package quick fixes offer (client/src/packages/quickFixes.ts),
// and where the fetch runs its temporary copy (fetchDeps.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { codeOf, findFetchTool, fixesFor, wkgTomlFor } from '../../client/src/packages/quickFixes';
import { parsePackageRef } from '../../client/src/packages/packageRef';
import { hasPathOverrides } from '../../client/src/packages/fetchDeps';

test('the diagnostic code as LSP delivers it', () => {
  assert.equal(codeOf('unknown-package'), 'unknown-package');
  assert.equal(codeOf({ value: 'unknown-package', target: {} }), 'unknown-package');
  assert.equal(codeOf(undefined), undefined);
});

test('a wkg project is offered the fetch and, when the reference names a version, the wkg.toml entry', () => {
  const versioned = fixesFor(parsePackageRef('wasi:http/types@0.2.3')!, '/p/wit', () => false);
  assert.deepEqual(
    versioned.fixes.map((f) => f.title),
    ['Fetch WIT dependencies (wkg fetch)', 'Add `wasi:http@0.2.3` to wkg.toml'],
  );
  const bare = fixesFor(parsePackageRef('wasi:http/types')!, '/p/wit', () => false);
  assert.deepEqual(
    bare.fixes.map((f) => f.kind),
    ['fetch'],
  );
  // A wit-deps project (deps.toml in the WIT folder) fetches with wit-deps and has no wkg.toml entry.
  const witDeps = fixesFor(parsePackageRef('wasi:http/types@0.2.3')!, '/p/wit', (f) => f === path.join('/p/wit', 'deps.toml'));
  assert.deepEqual(
    witDeps.fixes.map((f) => f.title),
    ['Fetch WIT dependencies (wit-deps update)'],
  );
  assert.equal(wkgTomlFor('/p/wit'), path.join('/p', 'wkg.toml'));
});

test('the fetch tool: the configured path when it is an executable, else PATH in order', () => {
  const exists = new Set(['/a/wkg', '/b/wkg', '/opt/wkg']);
  const isExe = (f: string) => exists.has(f);
  assert.equal(findFetchTool('wkg', undefined, ['/none', '/b', '/a'].join(path.delimiter), isExe), '/b/wkg');
  assert.equal(findFetchTool('wkg', '/opt/wkg', '/a', isExe), '/opt/wkg');
  assert.equal(findFetchTool('wkg', '/missing/wkg', '/a', isExe), undefined);
  assert.equal(findFetchTool('wit-deps', undefined, '/a', isExe), undefined);
});

test('the temporary copy goes beside the project only when wkg.toml or deps.toml has ../ paths', () => {
  assert.equal(hasPathOverrides(undefined), false);
  assert.equal(hasPathOverrides('[overrides]\n"a:b" = { version = "=1.0.0" }\n'), false);
  assert.equal(hasPathOverrides('[overrides]\n"my:dep" = { path = "../dep/wit" }\n'), true);
  assert.equal(hasPathOverrides('[overrides."my:dep"]\npath = "../dep/wit"\n'), true);
  // wit-deps' deps.toml: a local dependency.
  assert.equal(hasPathOverrides('local = { path = "../local" }\n'), true);
  assert.equal(hasPathOverrides('cli = "https://example.com/cli.tar.gz"\n'), false);
});
