// Reading each tool's version from what it really prints. Every output below
// was captured from the tool itself (the version and where are noted); a
// format the parser does not know gives undefined, never a wrong number.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compareVersions, parseVersion, readVersion, versionFromName } from '../../common/tools/versions';
import { MINIMUMS, TOOLS } from '../../common/tools/minimums';

const text = (v: ReturnType<typeof readVersion>) => v?.text;

test('real outputs of each tool give its version', () => {
  // Captured on this machine (scripts/toolchain/install.sh pins, Debian packages, the repo's node_modules).
  assert.equal(text(readVersion('componentizePy', 'componentize-py 0.25.1\n')), '0.25.1');
  assert.equal(text(readVersion('witBindgenGo', 'wit-bindgen-go version v0.7.0\n')), '0.7.0');
  assert.equal(text(readVersion('go', 'go version go1.26.8 linux/amd64\n')), '1.26.8');
  assert.equal(
    text(
      readVersion(
        'clang',
        'Debian clang version 16.0.6 (15~deb12u1)\nTarget: x86_64-pc-linux-gnu\nThread model: posix\nInstalledDir: /usr/bin\n',
      ),
    ),
    '16.0.6',
  );
  assert.equal(text(readVersion('jco', '1.35.0\n')), '1.35.0');
  assert.equal(text(readVersion('wasmTools', 'wasm-tools 1.263.0\n')), '1.263.0');
  assert.equal(text(readVersion('witBindgen', 'wit-bindgen-cli 0.63.0\n')), '0.63.0');
  assert.equal(text(readVersion('wasmtime', 'wasmtime 49.0.3 (f96eabaa1 2026-10-14)\n')), '49.0.3');
  assert.equal(text(readVersion('wac', 'wac-cli 0.12.0\n')), '0.12.0');
  assert.equal(text(readVersion('lldbDap', 'lldb version 16.0.6\n')), '16.0.6');
  // lldb-dap >= LLVM 21 (llvm-project#134114, the PR's own output):
  const lldbDap21 =
    'lldb-dap: LLVM (http://llvm.org/):\n  LLVM version 21.0.0git\n  Optimized build with assertions.\nliblldb: lldb version 21.0.0git (git@github.com:llvm/llvm-project.git revision 90f1e4f)\n';
  assert.deepEqual(readVersion('lldbDap', lldbDap21), { major: 21, minor: 0, patch: 0, pre: 'git', text: '21.0.0git' });
});

test('Go release candidates and devel builds, and a two-part Go version', () => {
  assert.deepEqual(readVersion('go', 'go version go1.24rc1 linux/amd64'), { major: 1, minor: 24, patch: 0, pre: 'rc1', text: '1.24rc1' });
  assert.equal(text(readVersion('go', 'go version go1.21 darwin/arm64')), '1.21');
  assert.equal(readVersion('go', 'go version devel go1.27-5c2ef linux/amd64')?.minor, 27);
});

test('an output in no known format is no version (never a number picked from a banner)', () => {
  // lldb-vscode-16 given --version starts the adapter and ends at end of input, printing nothing (measured).
  assert.equal(readVersion('lldbDap', ''), undefined);
  assert.equal(readVersion('wasmtime', 'Usage: wasmtime [OPTIONS] <COMMAND>\nbuilt 2025-01-02'), undefined);
  assert.equal(readVersion('wasmtime', 'wasmtime version of the day'), undefined);
  assert.equal(readVersion('witBindgen', 'some-wrapper 2.0.0\n'), undefined);
  assert.equal(readVersion('jco', 'jco: error 3.4.5 happened'), undefined);
});

test('the versions of the other tools are read in their own formats', () => {
  assert.equal(text(readVersion('wasmtime', 'wasmtime 13.0.0')), '13.0.0');
  assert.equal(text(readVersion('wasmtime', 'wasmtime-cli 13.0.0')), '13.0.0');
  assert.equal(text(readVersion('witBindgen', 'wit-bindgen-cli 0.20.0')), '0.20.0');
  assert.equal(text(readVersion('cargoComponent', 'cargo-component-component 0.13.2 (wasi:c1ed2f0)')), '0.13.2');
});

test('LLDB versions from the executable name when the adapter cannot say', () => {
  assert.equal(versionFromName('lldbDap', '/usr/bin/lldb-vscode-16')?.text, '16');
  assert.equal(versionFromName('lldbDap', '/usr/bin/lldb-dap-19')?.major, 19);
  assert.equal(versionFromName('lldbDap', '/usr/local/bin/lldb-dap'), undefined);
  assert.equal(versionFromName('wasmtime', '/usr/bin/wasmtime-16'), undefined);
});

test('comparison: numeric per part, a pre-release before its release', () => {
  const v = (s: string) => parseVersion(s)!;
  assert.ok(compareVersions(v('19.0.0'), v('14.0.3')) > 0);
  assert.ok(compareVersions(v('0.9.0'), v('0.10.0')) < 0);
  assert.ok(compareVersions(v('21.0.0git'), v('21.0.0')) < 0);
  assert.equal(compareVersions(v('1.26'), v('1.26.0')), 0);
  assert.equal(compareVersions(v('v0.7.0'), v('0.7.0')), 0);
  assert.equal(parseVersion('not a version'), undefined);
});

test('the minimums table: every row names a known tool, a parsable version, a use and a reason', () => {
  for (const [key, req] of Object.entries(MINIMUMS)) {
    assert.ok(TOOLS[req.tool], key);
    assert.ok(parseVersion(req.min), `${key}: ${req.min}`);
    assert.ok(req.use.length > 0 && req.why.length > 20, key);
  }
});
