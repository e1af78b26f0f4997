// Tool checks against real executables: small scripts written here that act
// as a tool too old, failing, crashing or hanging (each started by the probe
// exactly as a real tool is: an argument list, no shell), a path that does not
// exist, and then the real tools installed by scripts/toolchain/install.sh,
// which must pass the check for every use the extension makes of them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkTool, searchedFolders, type ToolCheck } from '../../common/tools/check';
import { MINIMUMS, type RequirementKey } from '../../common/tools/minimums';
import { ToolProbe } from '../../common/tools/probe';
import { compareVersions, parseVersion } from '../../common/tools/versions';
import { lookupTool } from '../../common/tools/toolLookup';
import { startProcess } from '../../client/src/tasks/processRunner';
import { generateExternal, ToolMissingError } from '../../server/src/bindings/externalGenerator';
import { WIT_BINDGEN_SUBCOMMANDS } from '../../server/src/bindings/toolArgs';
import { live } from '../live';

const dir = mkdtempSync(path.join(tmpdir(), 'wit-tool-checks-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** A real executable: a /bin/sh script the kernel starts through its #! line. */
function script(name: string, body: string): string {
  const folder = mkdtempSync(path.join(dir, 'bin-'));
  const file = path.join(folder, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

const problem = (c: ToolCheck) => (c.ok ? 'ok' : c.problem);
const message = (c: ToolCheck) => (c.ok ? '' : c.message);

test('a wasmtime that says 13.0.0 is refused for serve: found version, path, needed version, use, setting', async () => {
  const wasmtime = script('wasmtime', 'echo "wasmtime 13.0.0"');
  const found = lookupTool({ tool: 'wasmtime', configured: wasmtime });
  assert.ok(found.found);
  const checked = await checkTool('wasmtimeServe', { path: found.path }, { trusted: true, probe: new ToolProbe() });
  assert.equal(problem(checked), 'tooOld');
  assert.equal(
    message(checked),
    `wasmtime 13.0.0 at ${wasmtime} is too old: WIT DevKit needs wasmtime >= 19.0.0 for "wasmtime serve". ` +
      'Update it (curl https://wasmtime.dev/install.sh -sSf | bash, see https://docs.wasmtime.dev/cli-install.html) or set wit.tools.wasmtime to a newer one.',
  );
  assert.equal(checked.ok ? undefined : checked.setting, 'wit.tools.wasmtime');
});

test('a tool whose --version exits 1: its exit code and error line, not its backtrace', async () => {
  const trace = path.join(__dirname, '../fixtures/tool-output/rust-1.95-panic-backtrace.stderr');
  const wasmtime = script('wasmtime', `echo "error: failed to load the engine configuration" >&2; cat '${trace}' >&2; exit 1`);
  const checked = await checkTool('wasmtimeRun', { path: wasmtime }, { trusted: true, probe: new ToolProbe() });
  assert.equal(problem(checked), 'failed');
  assert.equal(
    message(checked),
    `wasmtime at ${wasmtime} failed: "wasmtime --version" exited with code 1: error: failed to load the engine configuration\n` +
      "thread 'main' (31371) panicked at /tmp/p.rs:1:77:\nboom from rust: index 0",
  );
});

test('a tool that crashes is reported by its signal, one that hangs is stopped', async () => {
  const crashing = script('wasmtime', 'kill -SEGV $$');
  assert.equal(
    message(await checkTool('wasmtimeRun', { path: crashing }, { trusted: true, probe: new ToolProbe() })),
    `wasmtime at ${crashing} failed: "wasmtime --version" was killed by SIGSEGV`,
  );
  const hanging = script('jco', 'exec sleep 30');
  const started = Date.now();
  const checked = await checkTool('jcoRun', { path: hanging }, { trusted: true, probe: new ToolProbe(1000) });
  assert.equal(message(checked), `jco at ${hanging} failed: "jco --version" did not finish within 1 s and was stopped`);
  assert.ok(Date.now() - started < 10_000);
});

test('missing: a configured path that is not there, and a PATH without the tool, say where they looked', async () => {
  const nowhere = path.join(dir, 'no such folder', 'wasmtime');
  const configured = lookupTool({ tool: 'wasmtime', configured: nowhere });
  assert.equal(configured.found, false);
  const a = await checkTool('wasmtimeRun', { missing: { configured: nowhere, searched: [] } }, { trusted: true });
  assert.equal(
    message(a),
    `wasmtime not found: wit.tools.wasmtime is set to "${nowhere}", which is not an executable file. ` +
      'Install it with: curl https://wasmtime.dev/install.sh -sSf | bash, see https://docs.wasmtime.dev/cli-install.html (or set wit.tools.wasmtime to its path).',
  );
  const empty = mkdtempSync(path.join(dir, 'empty-'));
  const pathEnv = `${empty}:${path.join(dir, 'gone')}`;
  assert.equal(lookupTool({ tool: 'witBindgen', pathEnv, platform: 'linux' }).found, false);
  const b = await checkTool('witBindgenBindings', { missing: { searched: searchedFolders(pathEnv, 'linux') } }, { trusted: true });
  assert.equal(problem(b), 'missing');
  assert.equal(
    message(b),
    'wit-bindgen not found. Install it with: cargo install wit-bindgen-cli (or set wit.tools.witBindgen to its path). ' +
      `Looked in ${empty}, ${path.join(dir, 'gone')} (wit.tools.witBindgen is not set).`,
  );
});

test('untrusted workspace: the check starts nothing, not even --version', async () => {
  const marker = path.join(dir, 'ran-in-untrusted');
  const wasmtime = script('wasmtime', `touch '${marker}'; echo "wasmtime 48.0.8"`);
  const probe = new ToolProbe();
  const checked = await checkTool('wasmtimeRun', { path: wasmtime }, { trusted: false, probe });
  assert.equal(problem(checked), 'untrusted');
  assert.match(message(checked), /^wasmtime was not started: WIT DevKit starts no program for an untrusted workspace/);
  assert.equal(probe.started, 0);
  assert.equal(existsSync(marker), false);
  // The same tool in a trusted workspace is started (so the marker test above can fail).
  assert.equal(problem(await checkTool('wasmtimeRun', { path: wasmtime }, { trusted: true, probe })), 'ok');
  assert.equal(existsSync(marker), true);
});

test('answers are kept per executable and its mtime; failures are asked again', async () => {
  const count = path.join(dir, 'asked');
  const wasmtime = script('wasmtime', `echo x >> '${count}'; echo "wasmtime 48.0.8 (b1d1b2e 2025-01-01)"`);
  const probe = new ToolProbe();
  const first = await checkTool('wasmtimeRun', { path: wasmtime }, { trusted: true, probe });
  assert.equal(first.ok && first.version?.text, '48.0.8');
  await checkTool('wasmtimeServe', { path: wasmtime }, { trusted: true, probe });
  assert.equal(readFileSync(count, 'utf8'), 'x\n');
  // Replaced in place (a new mtime): asked again.
  const later = new Date(Date.now() + 60_000);
  utimesSync(wasmtime, later, later);
  await checkTool('wasmtimeRun', { path: wasmtime }, { trusted: true, probe });
  assert.equal(readFileSync(count, 'utf8'), 'x\nx\n');
  const failing = script('wasmtime', `echo y >> '${count}'; exit 2`);
  await checkTool('wasmtimeRun', { path: failing }, { trusted: true, probe });
  await checkTool('wasmtimeRun', { path: failing }, { trusted: true, probe });
  assert.equal(readFileSync(count, 'utf8'), 'x\nx\ny\ny\n');
  assert.equal(probe.started, 4);
});

test('cargo without cargo-component: the missing subcommand is named, with how to install it', async () => {
  const cargo = script('cargo', 'echo "error: no such command: \\`component\\`" >&2; exit 101');
  const checked = await checkTool('cargoComponentBuild', { path: cargo }, { trusted: true, probe: new ToolProbe() });
  assert.equal(problem(checked), 'missing');
  assert.equal(
    message(checked),
    `cargo-component is not installed: cargo at ${cargo} has no "component" subcommand. Install it (cargo install cargo-component).`,
  );
});

test("a wit-bindgen without the language's generator is refused before it runs", async () => {
  const witBindgen = script(
    'wit-bindgen',
    [
      'case "$1" in',
      '  --version) echo "wit-bindgen-cli 0.30.0" ;;',
      '  --help) printf "Usage: wit-bindgen <COMMAND>\\n\\nCommands:\\n  rust      Rust\\n  c         C\\n  help      Print this message\\n\\nOptions:\\n" ;;',
      '  *) echo "ran $1" >&2; exit 3 ;;',
      'esac',
    ].join('\n'),
  );
  const checked = await checkTool('witBindgenBindings', { path: witBindgen }, { trusted: true, subcommand: 'cpp', probe: new ToolProbe() });
  assert.equal(
    message(checked),
    `wit-bindgen 0.30.0 at ${witBindgen} has no "cpp" subcommand (it has: rust, c). Update it (cargo install wit-bindgen-cli) or set wit.tools.witBindgen to a newer one.`,
  );
  // Through the server's generator: the same refusal, as the error the client shows.
  await assert.rejects(
    generateExternal({ language: 'cpp', witDir: dir, outDir: path.join(dir, 'out') }, { witBindgen }),
    (e: unknown) => e instanceof ToolMissingError && e.message === message(checked),
  );
  const old = script('wit-bindgen', 'echo "wit-bindgen-cli 0.20.0"');
  await assert.rejects(
    generateExternal({ language: 'rust', witDir: dir, outDir: path.join(dir, 'out') }, { witBindgen: old }),
    (e: unknown) =>
      e instanceof ToolMissingError &&
      e.message.startsWith(`wit-bindgen 0.20.0 at ${old} is too old: WIT DevKit needs wit-bindgen >= 0.26.0 for "wit-bindgen bindings"`),
  );
});

test('LLDB: the version from the name when --version says nothing (lldb-vscode-16) or is unknown (LLVM 18-20)', async () => {
  const quiet = script('lldb-vscode-16', 'exit 0');
  const ok = await checkTool('lldbDapDebug', { path: quiet }, { trusted: true, probe: new ToolProbe() });
  assert.equal(ok.ok && ok.version?.text, '16');
  const unknownFlag = script('lldb-dap-19', 'echo "error: unknown argument --version" >&2; exit 1');
  const ok19 = await checkTool('lldbDapDebug', { path: unknownFlag }, { trusted: true, probe: new ToolProbe() });
  assert.equal(ok19.ok && ok19.version?.text, '19');
  const old = script('lldb-vscode-14', 'exit 0');
  assert.match(
    message(await checkTool('lldbDapDebug', { path: old }, { trusted: true, probe: new ToolProbe() })),
    new RegExp(
      `^lldb-dap 14 at ${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is too old: WIT DevKit needs lldb-dap >= 16\\.0\\.0 for "debugging with wasmtime"`,
    ),
  );
  // A crash is a failure even where the flag is optional.
  const crashing = script('lldb-dap-20', 'kill -ABRT $$');
  assert.equal(problem(await checkTool('lldbDapDebug', { path: crashing }, { trusted: true, probe: new ToolProbe() })), 'failed');
});

test('a runtime that crashes during a run: the signal is told apart from an exit code (139 for SIGSEGV, as a shell says)', async () => {
  const crashing = script('wasmtime', 'echo "running" ; kill -SEGV $$');
  let out = '';
  const run = startProcess({ command: crashing, args: ['run', 'x.wasm'] }, (t) => (out += t));
  assert.equal(await run.done, 139);
  assert.equal(await run.signal, 'SIGSEGV');
  assert.equal(out, 'running\n');
  const exiting = startProcess({ command: script('wasmtime', 'exit 3'), args: [] }, () => undefined);
  assert.equal(await exiting.done, 3);
  assert.equal(await exiting.signal, null);
});

/** Checks a real tool for each use, asserting it passes and is at least the minimum. */
async function passes(uses: RequirementKey[], executable: string, subcommands: Array<string | undefined> = [undefined]): Promise<void> {
  const probe = new ToolProbe();
  for (const use of uses) {
    for (const subcommand of subcommands) {
      const checked = await checkTool(use, { path: executable }, { trusted: true, probe, subcommand });
      assert.ok(checked.ok, `${use}${subcommand ? ` ${subcommand}` : ''}: ${message(checked)}`);
      if (checked.version) assert.ok(compareVersions(checked.version, parseVersion(MINIMUMS[use].min)!) >= 0);
      console.log(`${use}${subcommand ? ` (${subcommand})` : ''}: ${executable} ${checked.version?.text ?? '(version not said)'}`);
    }
  }
}

test('the installed wasmtime passes for run, serve and debugging', async (t) => {
  const tools = live(t, ['wasmtime']);
  if (!tools) return;
  await passes(['wasmtimeRun', 'wasmtimeServe', 'wasmtimeDebug'], tools.wasmtime);
});

test('the installed wit-bindgen passes, with a generator for every language the extension asks it for', async (t) => {
  const tools = live(t, ['wit-bindgen']);
  if (!tools) return;
  await passes(['witBindgenBindings'], tools['wit-bindgen'], Object.values(WIT_BINDGEN_SUBCOMMANDS));
});

test('the installed componentize-py passes for bindings and builds', async (t) => {
  const tools = live(t, ['componentize-py']);
  if (!tools) return;
  await passes(['componentizePyBindings'], tools['componentize-py'], ['bindings']);
  await passes(['componentizePyBuild'], tools['componentize-py'], ['componentize']);
});

test("the repo's jco passes for run, serve, debugging and componentize", async (t) => {
  const tools = live(t, ['jco']);
  if (!tools) return;
  await passes(['jcoRun', 'jcoServe', 'jcoDebug', 'jcoComponentize'], tools.jco);
});

test('the installed lldb-dap (or lldb-vscode) passes for debugging', async (t) => {
  const tools = live(t, ['lldb-dap']);
  if (!tools) return;
  await passes(['lldbDapDebug'], tools['lldb-dap']);
});

test('the installed cargo-component passes, asked through cargo as builds start it', async (t) => {
  const tools = live(t, ['cargo', 'cargo-component']);
  if (!tools) return;
  await passes(['cargoComponentBuild'], tools.cargo);
});

test('the installed go passes for the go builder', async (t) => {
  const tools = live(t, ['go']);
  if (!tools) return;
  await passes(['goBuild'], tools.go);
});

test('the installed wasm-tools passes for component embed/new', async (t) => {
  const tools = live(t, ['wasm-tools']);
  if (!tools) return;
  await passes(['wasmToolsComponent'], tools['wasm-tools'], ['component']);
});

test('a real componentize-py failing on a missing WIT folder: exit code and error chain, no backtrace', async (t) => {
  const tools = live(t, ['componentize-py']);
  if (!tools) return;
  // Its Rust core prints a 28-frame "Stack backtrace:" when RUST_BACKTRACE is set (measured with 0.25.1).
  const saved = process.env.RUST_BACKTRACE;
  process.env.RUST_BACKTRACE = '1';
  const out = path.join(dir, 'py-out');
  mkdirSync(out, { recursive: true });
  const witDir = path.join(dir, 'no wit here');
  try {
    await assert.rejects(
      generateExternal({ language: 'python', witDir, outDir: out }, { componentizePy: tools['componentize-py'] }),
      (e: unknown) => {
        assert.ok(e instanceof Error && !(e instanceof ToolMissingError));
        assert.match(
          e.message,
          new RegExp(
            `^componentize-py at ${tools['componentize-py'].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} failed: "componentize-py bindings" exited with code 1: `,
          ),
        );
        assert.match(e.message, /failed to read path for WIT/);
        assert.doesNotMatch(e.message, /backtrace|^\s*\d+: |Traceback| at \.\//im);
        return true;
      },
    );
  } finally {
    if (saved === undefined) delete process.env.RUST_BACKTRACE;
    else process.env.RUST_BACKTRACE = saved;
  }
});

test('a real wit-bindgen failing on broken WIT: its error chain, no backtrace, paths as given', async (t) => {
  const tools = live(t, ['wit-bindgen']);
  if (!tools) return;
  const saved = process.env.RUST_BACKTRACE;
  process.env.RUST_BACKTRACE = '1'; // wit-bindgen 0.63 then prints an 11-frame "Stack backtrace:" (measured)
  const witDir = mkdtempSync(path.join(dir, 'bad-wit-'));
  writeFileSync(path.join(witDir, 'w.wit'), 'package a:b;\n\nworld w {\n  import x: func(;\n}\n');
  try {
    await assert.rejects(
      generateExternal({ language: 'rust', witDir, outDir: path.join(witDir, 'out') }, { witBindgen: tools['wit-bindgen'] }),
      (e: unknown) => {
        assert.ok(e instanceof Error && !(e instanceof ToolMissingError));
        assert.equal(
          e.message,
          `wit-bindgen at ${tools['wit-bindgen']} failed: "wit-bindgen rust" exited with code 1: ` +
            `Error: failed to resolve directory while parsing WIT for path [${witDir}]\nCaused by:\n  0: failed to parse package: ${witDir}\n` +
            "  1: expected an identifier or string, found ';'",
        );
        return true;
      },
    );
  } finally {
    if (saved === undefined) delete process.env.RUST_BACKTRACE;
    else process.env.RUST_BACKTRACE = saved;
  }
});
