// The debug configurations offered for a folder (client/src/debug/offeredConfigs.ts):
// one per run task (its program, args, env, dirs, mode) and per detected build
// not already run by a task, each for wasmtime and jco, inside the folder as
// ${workspaceFolder} paths so launch.json travels with the folder.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { offeredConfigs } from '../../client/src/debug/offeredConfigs';

const build = { component: '/ws/target/wasm32-wasip2/debug/app.wasm', taskLabel: 'wasm-component: build (cargo)' };

test('a detected build: its component, the build as preLaunchTask, wasmtime then jco', () => {
  assert.deepEqual(offeredConfigs('/ws', [build], []), [
    {
      type: 'wasm-component',
      request: 'launch',
      name: 'Debug app.wasm (wasmtime + lldb-dap)',
      program: '${workspaceFolder}/target/wasm32-wasip2/debug/app.wasm',
      args: [],
      preLaunchTask: 'wasm-component: build (cargo)',
      runtime: 'wasmtime',
    },
    {
      type: 'wasm-component',
      request: 'launch',
      name: 'Debug app.wasm (jco + Node)',
      program: '${workspaceFolder}/target/wasm32-wasip2/debug/app.wasm',
      args: [],
      preLaunchTask: 'wasm-component: build (cargo)',
      runtime: 'jco',
    },
  ]);
});

test('a run task: its program, args, env, dirs and WASI options; the build that makes its program runs first; its runtime first', () => {
  const configs = offeredConfigs(
    '/ws',
    [build],
    [
      {
        label: 'run app',
        task: {
          action: 'run',
          program: 'target/wasm32-wasip2/debug/app.wasm',
          args: ['a b'],
          env: { K: 'v' },
          dirs: ['data::/data'],
          wasi: ['inherit-network'],
          runtime: 'jco',
          mode: 'auto',
        },
      },
    ],
  );
  assert.deepEqual(
    configs.map((c) => [c.name, c.runtime]),
    [
      ['Debug run app (jco + Node)', 'jco'],
      ['Debug run app (wasmtime + lldb-dap)', 'wasmtime'],
    ],
  );
  assert.deepEqual(configs[1], {
    type: 'wasm-component',
    request: 'launch',
    name: 'Debug run app (wasmtime + lldb-dap)',
    program: '${workspaceFolder}/target/wasm32-wasip2/debug/app.wasm',
    args: ['a b'],
    env: { K: 'v' },
    dirs: ['data::/data'],
    wasi: ['inherit-network'],
    preLaunchTask: 'wasm-component: build (cargo)',
    runtime: 'wasmtime',
  });
});

test("an http run task: wasmtime serve on its address only (jco's debug runner calls wasi:cli/run); a program outside the folder keeps its path", () => {
  const configs = offeredConfigs(
    '/ws',
    [],
    [{ label: 'serve', task: { action: 'run', program: '/elsewhere/h.wasm', mode: 'http', addr: '127.0.0.1:9000' } }],
  );
  assert.deepEqual(configs, [
    {
      type: 'wasm-component',
      request: 'launch',
      name: 'Debug serve (wasmtime + lldb-dap)',
      program: '/elsewhere/h.wasm',
      args: [],
      mode: 'http',
      addr: '127.0.0.1:9000',
      runtime: 'wasmtime',
    },
  ]);
});

test('nothing built or run: nothing offered (the provider then offers its two generic configs)', () => {
  assert.deepEqual(offeredConfigs('/ws', [], [{ label: 'no program', task: { action: 'run', mode: 'auto' } }]), []);
});
