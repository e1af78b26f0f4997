// tasks.json definitions read into typed tasks, builds detected from a
// folder's files, run plans and modes, and where tools are found.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { builtComponentCandidates, detectBuilds, isCargoComponent, type FolderReader } from '../../client/src/tasks/buildDetection';
import { parseTaskDefinition, taskLabel } from '../../client/src/tasks/taskDefinition';
import { decideMode, makeRunPlan } from '../../client/src/tasks/runPlan';
import { lookupTool } from '../../common/tools/toolLookup';

const folder = (files: Record<string, string>): FolderReader => ({
  read: (p) => files[p],
  exists: (p) => p in files || Object.keys(files).some((f) => f.startsWith(`${p}/`)),
});

test('a build definition: builder, defaults, and a user command given as an array', () => {
  assert.deepEqual(parseTaskDefinition({ type: 'wasm-component', action: 'build', builder: 'cargo-component', release: true }), {
    action: 'build',
    builder: 'cargo-component',
    cwd: undefined,
    release: true,
    source: undefined,
    sources: undefined,
    wit: undefined,
    world: undefined,
    output: undefined,
    bindings: undefined,
    adapter: undefined,
    sysroot: undefined,
    command: undefined,
    args: undefined,
  });
  const cmd = parseTaskDefinition({ action: 'build', command: ['sh', 'build.sh'] });
  assert.equal(typeof cmd !== 'string' && cmd.action === 'build' && cmd.builder, 'command');
  assert.match(parseTaskDefinition({ action: 'build', builder: 'make' }) as string, /"builder" must be one of/);
  assert.match(parseTaskDefinition({ action: 'build', builder: 'command' }) as string, /needs "command"/);
  // A shell string is not a command line: it is refused, not split.
  assert.match(parseTaskDefinition({ action: 'build', builder: 'command', command: 'make && rm -rf /' }) as string, /needs "command"/);
});

test('a run definition: runtime and mode checked, env values made strings', () => {
  const run = parseTaskDefinition({ action: 'run', program: 'a.wasm', runtime: 'jco', env: { N: 1, B: true, O: {} }, dirs: ['d'] });
  assert.ok(typeof run !== 'string' && run.action === 'run');
  assert.equal(run.mode, 'auto');
  assert.deepEqual(run.env, { N: '1', B: 'true' });
  assert.deepEqual(run.dirs, ['d']);
  assert.match(parseTaskDefinition({ action: 'run', runtime: 'wasmer' }) as string, /"runtime" must be one of wasmtime, jco/);
  assert.match(parseTaskDefinition({ action: 'run', mode: 'daemon' }) as string, /"mode"/);
  assert.match(parseTaskDefinition({}) as string, /"action" must be "build", "run", "publish", "push" or "pull"/);
  assert.equal(taskLabel({ action: 'run', program: 'out/app.wasm', mode: 'http' }), 'serve app.wasm');
  assert.equal(taskLabel({ action: 'build', builder: 'command', command: ['sh', 'build.sh'] }), 'build: sh build.sh');
});

test('builds are detected from Cargo.toml, package.json and Python projects', () => {
  assert.equal(isCargoComponent('[package]\nname = "x"\n\n[package.metadata.component]\npackage = "a:b"\n'), true);
  assert.equal(isCargoComponent('[package.metadata.component.dependencies]\n'), true);
  assert.equal(isCargoComponent('[package]\nname = "x"\n[dependencies]\ncomponent = "1"\n'), false);
  assert.deepEqual(detectBuilds(folder({ 'Cargo.toml': '[package]\nname="x"\n[package.metadata.component]\n' })), [
    { action: 'build', builder: 'cargo-component' },
  ]);
  assert.deepEqual(
    detectBuilds(
      folder({
        'package.json': JSON.stringify({ main: './src/app.js', devDependencies: { '@bytecodealliance/jco': '1' } }),
        'src/app.js': '',
        'wit/world.wit': '',
      }),
    ),
    [{ action: 'build', builder: 'jco-componentize', source: 'src/app.js', wit: 'wit' }],
  );
  assert.deepEqual(detectBuilds(folder({ 'requirements.txt': 'componentize-py==0.17\n', 'app.py': '', 'wit/w.wit': '' })), [
    { action: 'build', builder: 'componentize-py', source: 'app', wit: 'wit' },
  ]);
  // A JS project without WIT, or a plain Rust crate, is not a component build.
  assert.deepEqual(detectBuilds(folder({ 'package.json': '{"dependencies":{"@bytecodealliance/jco":"1"}}', 'index.js': '' })), []);
  assert.deepEqual(detectBuilds(folder({ 'Cargo.toml': '[package]\nname="x"\n' })), []);
});

test('where a build leaves its component', () => {
  const f = folder({ 'Cargo.toml': '[package]\nname = "my-app"\n[package.metadata.component]\n' });
  assert.deepEqual(builtComponentCandidates({ action: 'build', builder: 'cargo-component' }, f), [
    'target/wasm32-wasip1/debug/my_app.wasm',
    'target/wasm32-wasi/debug/my_app.wasm',
    'target/wasm32-wasip2/debug/my_app.wasm',
  ]);
  assert.equal(
    builtComponentCandidates({ action: 'build', builder: 'cargo-component', release: true }, f)[0],
    'target/wasm32-wasip1/release/my_app.wasm',
  );
  assert.deepEqual(builtComponentCandidates({ action: 'build', builder: 'jco-componentize', source: 'src/app.js' }, f), ['src/app.wasm']);
  assert.deepEqual(builtComponentCandidates({ action: 'build', builder: 'componentize-py', source: 'app', output: 'out.wasm' }, f), [
    'out.wasm',
  ]);
});

test('run mode: explicit wins, auto follows the world, unknown worlds are explained', () => {
  assert.equal(decideMode('auto', 'cli'), 'cli');
  assert.equal(decideMode('auto', 'http'), 'http');
  assert.equal(decideMode('http', 'cli'), 'http');
  const unknown = decideMode('auto', 'unknown');
  assert.ok(typeof unknown === 'object' && /neither wasi:cli\/run .* nor wasi:http\/incoming-handler/.test(unknown.error));
  const unreadable = decideMode('auto', 'unknown', 'Failed to decode');
  assert.ok(typeof unreadable === 'object' && /Failed to decode/.test(unreadable.error));
});

test('run plan: paths made absolute against the folder, dirs keep their guest names', () => {
  const p = makeRunPlan(
    { action: 'run', mode: 'auto', program: 'out/a b.wasm', dirs: ['data', '/abs::/guest', 'rel::/g'], env: { A: '1' } },
    { runtime: 'wasmtime', runtimePath: '/bin/wasmtime', mode: 'cli', folder: '/ws' },
  );
  assert.equal(p.program, '/ws/out/a b.wasm');
  assert.deepEqual(p.dirs, ['/ws/data::data', '/abs::/guest', '/ws/rel::/g']);
  assert.equal(p.addr, '127.0.0.1:8080');
  assert.equal(p.cwd, '/ws');
});

test('tools: the setting first, then extra folders, PATH, fallbacks; lldb-vscode-16 counts as lldb-dap', () => {
  const exec = (files: string[]) => (f: string) => files.includes(f);
  assert.deepEqual(
    lookupTool({ tool: 'wasmtime', configured: '/opt/wt', pathEnv: '/usr/bin', isExecutable: exec(['/opt/wt', '/usr/bin/wasmtime']) }),
    { found: true, path: '/opt/wt', source: 'setting' },
  );
  const bad = lookupTool({ tool: 'wasmtime', configured: '/nope', pathEnv: '/usr/bin', isExecutable: exec(['/usr/bin/wasmtime']) });
  assert.deepEqual(bad, { found: false, reason: 'wit.tools.wasmtime is set to "/nope", which is not an executable file' });
  assert.deepEqual(lookupTool({ tool: 'wasmtime', pathEnv: '/a:/b', isExecutable: exec([]) }), {
    found: false,
    reason: 'wasmtime was not found on PATH or at wit.tools.wasmtime',
  });
  assert.deepEqual(
    lookupTool({
      tool: 'jco',
      pathEnv: '/usr/bin',
      extraDirs: ['/ws/node_modules/.bin'],
      fallbackDirs: ['/ext/node_modules/.bin'],
      isExecutable: exec(['/usr/bin/jco', '/ws/node_modules/.bin/jco']),
    }),
    { found: true, path: '/ws/node_modules/.bin/jco', source: 'search' },
  );
  assert.deepEqual(
    lookupTool({
      tool: 'jco',
      pathEnv: '/usr/bin',
      fallbackDirs: ['/ext/node_modules/.bin'],
      isExecutable: exec(['/ext/node_modules/.bin/jco']),
    }),
    { found: true, path: '/ext/node_modules/.bin/jco', source: 'search' },
  );
  assert.deepEqual(lookupTool({ tool: 'lldbDap', pathEnv: '/usr/bin', isExecutable: exec(['/usr/bin/lldb-vscode-16']) }), {
    found: true,
    path: '/usr/bin/lldb-vscode-16',
    source: 'search',
  });
  assert.deepEqual(
    lookupTool({
      tool: 'lldbDap',
      pathEnv: '/usr/bin:/usr/local/bin',
      isExecutable: exec(['/usr/bin/lldb-vscode-16', '/usr/local/bin/lldb-dap']),
    }),
    { found: true, path: '/usr/local/bin/lldb-dap', source: 'search' },
  );
});
