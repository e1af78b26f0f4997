// What the user is told about a tool that is missing, too old or failing:
// the exact sentences, and the lines kept from real error outputs (captured
// from the programs named in test/fixtures/tool-output/*) with their stack
// traces left out.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { failedMessage, lacksSubcommandMessage, meaningfulLines, missingMessage, tooOldMessage } from '../../common/tools/messages';
import { helpSubcommands } from '../../common/tools/check';
import { parseVersion } from '../../common/tools/versions';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../fixtures/tool-output', name), 'utf8');

test('too old: the tool, the version found, where, the version needed and for what, how to update, the setting', () => {
  assert.equal(
    tooOldMessage('wasmtimeServe', parseVersion('13.0.0')!, '/usr/bin/wasmtime'),
    'wasmtime 13.0.0 at /usr/bin/wasmtime is too old: WIT DevKit needs wasmtime >= 19.0.0 for "wasmtime serve". ' +
      'Update it (curl https://wasmtime.dev/install.sh -sSf | bash, see https://docs.wasmtime.dev/cli-install.html) or set wit.tools.wasmtime to a newer one.',
  );
  // A tool without a setting of its own: the way out is PATH.
  assert.equal(
    tooOldMessage('cargoComponentBuild', parseVersion('0.13.2')!, '/home/u/.cargo/bin/cargo'),
    'cargo-component 0.13.2 at /home/u/.cargo/bin/cargo is too old: WIT DevKit needs cargo-component >= 0.14.0 for "cargo component build". ' +
      'Update it (cargo install cargo-component) or put a newer one first on PATH.',
  );
});

test('missing: the install command first (a collapsed notification shows only the start), the setting, where it was looked for', () => {
  assert.equal(
    missingMessage('wasmtime', { searched: ['/usr/local/bin', '/usr/bin'] }),
    'wasmtime not found. Install it with: curl https://wasmtime.dev/install.sh -sSf | bash, see https://docs.wasmtime.dev/cli-install.html ' +
      '(or set wit.tools.wasmtime to its path). Looked in /usr/local/bin, /usr/bin (wit.tools.wasmtime is not set).',
  );
  assert.equal(
    missingMessage('witBindgen', { configured: '/opt/wb', searched: [] }),
    'wit-bindgen not found: wit.tools.witBindgen is set to "/opt/wb", which is not an executable file. Install it with: cargo install wit-bindgen-cli (or set wit.tools.witBindgen to its path).',
  );
  const many = Array.from({ length: 9 }, (_, i) => `/d${i}`);
  assert.match(
    missingMessage('jco', { searched: many }),
    /Looked in \/d0, \/d1, \/d2, \/d3, \/d4, \/d5 and 3 more \(wit\.tools\.jco is not set\)\.$/,
  );
  assert.equal(
    missingMessage('go', { searched: [] }),
    'go not found. Install it with: https://go.dev/dl/ (or put it first on PATH). Looked in no folders (PATH is empty).',
  );
});

test('failing: exit code or signal, and the error lines, never the trace', () => {
  const run = { code: 1, signal: null, stdout: '', stderr: fixture('componentize-py-0.25.1-missing-wit.stderr'), timedOut: false };
  assert.equal(
    failedMessage('componentizePy', '/venv/bin/componentize-py', 'componentize-py bindings', run),
    'componentize-py at /venv/bin/componentize-py failed: "componentize-py bindings" exited with code 1: ' +
      'AssertionError: failed to read path for WIT [/nonexistent]\nCaused by:\n  No such file or directory (os error 2)',
  );
  assert.equal(
    failedMessage('wasmtime', '/bin/wt', 'wasmtime --version', { code: null, signal: 'SIGSEGV', stdout: '', stderr: '', timedOut: false }),
    'wasmtime at /bin/wt failed: "wasmtime --version" was killed by SIGSEGV',
  );
  assert.equal(
    failedMessage('jco', '/bin/jco', 'jco --version', { code: null, signal: 'SIGTERM', stdout: '', stderr: '', timedOut: true }, 10_000),
    'jco at /bin/jco failed: "jco --version" did not finish within 10 s and was stopped',
  );
  assert.equal(
    failedMessage('wasmtime', '/bin/wt', 'wasmtime --version', {
      code: null,
      signal: null,
      stdout: '',
      stderr: '',
      timedOut: false,
      startError: 'EACCES',
    }),
    'wasmtime at /bin/wt failed: "wasmtime --version" could not be started (EACCES). Reinstall it or set wit.tools.wasmtime to one that works.',
  );
});

test('error lines from real crashes: Rust panic with RUST_BACKTRACE=1, Go panic, Node throw', () => {
  assert.deepEqual(meaningfulLines(fixture('rust-1.95-panic-backtrace.stderr')), [
    "thread 'main' (31371) panicked at /tmp/p.rs:1:77:",
    'boom from rust: index 0',
  ]);
  assert.deepEqual(meaningfulLines(fixture('go-1.26-panic.stderr')), ['panic: assignment to entry in nil map']);
  assert.deepEqual(meaningfulLines(fixture('node-20-throw.stderr')), ['Error: boom from node']);
});

test("error lines: wasmtime's error chain is kept, its wasm backtrace is not; colours are stripped", () => {
  const wasmtime =
    'Error: failed to run main module `x.wasm`\n\nCaused by:\n    0: component imports instance `wasi:http/types@0.2.3`, but a matching implementation was not found in the linker\n    1: instance export `fields` has the wrong type\n';
  assert.deepEqual(meaningfulLines(wasmtime), [
    'Error: failed to run main module `x.wasm`',
    'Caused by:',
    '  0: component imports instance `wasi:http/types@0.2.3`, but a matching implementation was not found in the linker',
    '  1: instance export `fields` has the wrong type',
  ]);
  const trap =
    'Error: failed to run main module `x.wasm`\n\nCaused by:\n    0: error while executing at wasm backtrace:\n           0:  0x1e3 - x!main\n    1: wasm trap: unreachable\n';
  assert.ok(!meaningfulLines(trap, 10).some((l) => /0x1e3/.test(l)));
  assert.deepEqual(
    meaningfulLines('\x1b[1m\x1b[31merror\x1b[0m: no such command: `component`\n\n\tView all installed commands with `cargo --list`\n'),
    ['error: no such command: `component`', '  View all installed commands with `cargo --list`'],
  );
  // Nothing that reads as an error: the first lines as they are.
  assert.deepEqual(meaningfulLines('something odd\nhappened\n'), ['something odd', 'happened']);
  assert.deepEqual(meaningfulLines(''), []);
});

test('subcommands from a clap --help (componentize-py 0.25.1, captured), and the message when one is missing', () => {
  const help =
    'Tool for targeting the WebAssembly Component Model using Python\n\nUsage: componentize-py [OPTIONS] <COMMAND>\n\nCommands:\n' +
    '  componentize  Generate a component from the specified Python app and its dependencies\n' +
    '  bindings      Generate Python bindings for the world and write them to the specified directory\n' +
    '  help          Print this message or the help of the given subcommand(s)\n\nOptions:\n  -d, --wit-path <WIT_PATH>\n';
  assert.deepEqual(helpSubcommands(help), ['componentize', 'bindings']);
  // wit-bindgen 0.63.0 --help, captured: every generator toolArgs.ts names is listed.
  const witBindgen =
    'Commands:\n  markdown  This generator outputs a Markdown file describing an interface\n  moonbit   Generates bindings for MoonBit guest modules\n' +
    '  rust      Generates bindings for Rust guest modules\n  c         Generates bindings for C/CPP guest modules\n  cpp       Generates bindings for C++ modules\n' +
    '  go        Generates bindings for Go guest modules\n  csharp    Generates bindings for C# guest modules\n  d         Generates bindings for D guest modules\n' +
    '  test      Tool to run tests that exercise the `wit-bindgen` bindings generator\n  help      Print this message or the help of the given subcommand(s)\n\n';
  assert.deepEqual(helpSubcommands(witBindgen), ['markdown', 'moonbit', 'rust', 'c', 'cpp', 'go', 'csharp', 'd', 'test']);
  assert.equal(helpSubcommands('Usage: x [OPTIONS]\n'), undefined);
  assert.equal(
    lacksSubcommandMessage('witBindgen', '/usr/bin/wit-bindgen', parseVersion('0.30.0'), 'cpp', ['rust', 'c', 'markdown']),
    'wit-bindgen 0.30.0 at /usr/bin/wit-bindgen has no "cpp" subcommand (it has: rust, c, markdown). Update it (cargo install wit-bindgen-cli) or set wit.tools.witBindgen to a newer one.',
  );
});
