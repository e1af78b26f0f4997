// Launch configs: what is filled in, the exact launch request lldb-dap gets
// for runtime wasmtime, and the exact Node launch (runner + argv) for jco.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fillLaunchConfig, lldbDapLaunch, nodeDebugLaunch, LLDB_INIT_COMMANDS } from '../../client/src/debug/launchArgs';
import { runnerArgs, transpileArgs } from '../../client/src/debug/jcoDebugPrep';
import { preview2ShimCandidates, preopenMap, preopenModuleSource } from '../../client/src/tasks/jcoLayout';

test('F5 with no launch.json: the whole config, the built component and its build task', () => {
  assert.deepEqual(
    fillLaunchConfig(
      {},
      {
        defaultRuntime: 'wasmtime',
        builtComponent: '/ws/target/wasm32-wasip1/debug/app.wasm',
        buildTaskLabel: 'wasm-component: build (cargo-component)',
      },
    ),
    {
      type: 'wasm-component',
      request: 'launch',
      name: 'Debug WebAssembly component',
      runtime: 'wasmtime',
      program: '/ws/target/wasm32-wasip1/debug/app.wasm',
      preLaunchTask: 'wasm-component: build (cargo-component)',
      args: [],
    },
  );
});

test('a config naming its program keeps it, and its own task choice; the runtime comes from wit.runtime', () => {
  const filled = fillLaunchConfig(
    { type: 'wasm-component', request: 'launch', name: 'x', program: '/p.wasm' },
    { defaultRuntime: 'jco', builtComponent: '/b.wasm', buildTaskLabel: 't' },
  );
  assert.deepEqual(filled, { type: 'wasm-component', request: 'launch', name: 'x', program: '/p.wasm', runtime: 'jco', args: [] });
  assert.match(fillLaunchConfig({}, { defaultRuntime: 'wasmtime' }) as string, /Set "program"/);
  assert.match(
    fillLaunchConfig({ program: '/p.wasm', runtime: 'node' as never }, { defaultRuntime: 'wasmtime' }) as string,
    /"runtime" must be one of wasmtime, jco/,
  );
});

test('runtime wasmtime: lldb-dap debugs `wasmtime run -C cache=n -D debug-info -O opt-level=0 ... <component> <args>`, launched synchronously after a stop at the JIT registration', () => {
  const launch = lldbDapLaunch(
    {
      type: 'wasm-component',
      request: 'launch',
      name: 'Debug',
      program: '/ws/a b.wasm',
      args: ['x', '$(id)'],
      dirs: ['/ws/data::/data'],
      env: { GREETING: 'hi there' },
      wasi: ['inherit-network'],
      cwd: '/ws',
      preLaunchTask: 'build',
    },
    '/opt/wasmtime',
  );
  assert.deepEqual(launch, {
    type: 'wasm-component',
    request: 'launch',
    name: 'Debug',
    program: '/opt/wasmtime',
    args: [
      'run',
      '-C',
      'cache=n',
      '-D',
      'debug-info',
      '-O',
      'opt-level=0',
      '--dir',
      '/ws/data::/data',
      '--env',
      'GREETING=hi there',
      '-S',
      'inherit-network',
      '/ws/a b.wasm',
      'x',
      '$(id)',
    ],
    cwd: '/ws',
    env: [],
    initCommands: ['settings set plugin.jit-loader.gdb.enable on', 'settings set stop-disassembly-display never'],
    preRunCommands: ['breakpoint set --one-shot true --name __jit_debug_register_code'],
    launchCommands: [
      'script lldb.debugger.SetAsync(False)',
      "process launch -w '/ws' -- 'run' '-C' 'cache=n' '-D' 'debug-info' '-O' 'opt-level=0' '--dir' '/ws/data::/data' '--env' 'GREETING=hi there' '-S' 'inherit-network' '/ws/a b.wasm' 'x' '$(id)'",
      'script lldb.debugger.SetAsync(True)',
    ],
    exitCommands: ['process status'],
    timeout: 120,
    stopOnEntry: false,
    component: '/ws/a b.wasm',
    runtime: 'wasmtime',
    preLaunchTask: 'build',
  });
  assert.deepEqual(LLDB_INIT_COMMANDS, ['settings set plugin.jit-loader.gdb.enable on']);
});

test('runtime jco: the Node debugger launches the runner with component, outDir, shim, jco and args', () => {
  const jco = {
    command: 'node',
    script: '/ws/node_modules/@bytecodealliance/jco/dist/jco.js',
    shimDir: '/ws/node_modules/@bytecodealliance/jco/node_modules/@bytecodealliance/preview2-shim',
  };
  const args = runnerArgs('/ws/hello.wasm', '/store/transpiled/1', jco, ['a b', '--x'], ['/ws/data::/data']);
  assert.deepEqual(args, [
    '/ws/hello.wasm',
    '/store/transpiled/1',
    jco.shimDir,
    'node',
    jco.script,
    '{"/data":"/ws/data"}',
    '--',
    'a b',
    '--x',
  ]);
  assert.deepEqual(
    nodeDebugLaunch({ name: 'Debug (jco)', program: '/ws/hello.wasm', env: { A: '1' }, preLaunchTask: 'build' }, '/store/runner.mjs', args),
    {
      type: 'node',
      request: 'launch',
      name: 'Debug (jco)',
      program: '/store/runner.mjs',
      args,
      env: { A: '1' },
      console: 'internalConsole',
      outputCapture: 'std',
      stopOnEntry: false,
      skipFiles: ['<node_internals>/**'],
      preLaunchTask: 'build',
    },
  );
});

test("preopens for jco: HOST::GUEST as the shim's { guest: host }, set by a module jco imports first", () => {
  assert.deepEqual(preopenMap(['/ws/data::/data', '/tmp', 'rel::/r']), { '/data': '/ws/data', '/tmp': '/tmp', '/r': 'rel' });
  assert.equal(
    preopenModuleSource('/shim dir', ['/h::/g']),
    "// Written by WIT DevKit: the run's preopened directories (wasmtime's --dir).\n" +
      'import { _setPreopens } from "file:///shim%20dir/dist/nodejs/filesystem.js";\n' +
      '_setPreopens({"/g":"/h"});\n',
  );
});

test('jco transpile for debugging, and where jco keeps its WASI shim', () => {
  assert.deepEqual(transpileArgs('/ws/a.wasm', '/out'), [
    'transpile',
    '/ws/a.wasm',
    '-o',
    '/out',
    '--name',
    'component',
    '--no-typescript',
    '--quiet',
  ]);
  assert.deepEqual(preview2ShimCandidates('/ws/node_modules/@bytecodealliance/jco'), [
    '/ws/node_modules/@bytecodealliance/jco/node_modules/@bytecodealliance/preview2-shim',
    '/ws/node_modules/@bytecodealliance/preview2-shim',
  ]);
});
