// The LLDB commands of a wasmtime debug session (client/src/debug/lldbCommands.ts):
// arguments quoted for LLDB's parser exactly (the live test in
// wasmtimeBreakpoints.test.ts checks the component receives them), and the
// plain launch kept for what no LLDB command can carry.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { preloadCommands, processLaunchCommand, quoteLldbArg } from '../../client/src/debug/lldbCommands';
import { lldbDapLaunch } from '../../client/src/debug/launchArgs';

test('arguments: single quotes, or double quotes escaping \\ and " when the argument holds a single quote', () => {
  assert.equal(quoteLldbArg('a b'), "'a b'");
  assert.equal(quoteLldbArg(''), "''");
  assert.equal(quoteLldbArg('$(id) `x` "q" \\n'), '\'$(id) `x` "q" \\n\'');
  assert.equal(quoteLldbArg('it\'s "q" `x` \\'), '"it\'s \\"q\\" `x` \\\\"');
  assert.equal(quoteLldbArg('line\nbreak'), undefined);
});

test('process launch: the folder, then every argument after --', () => {
  assert.equal(processLaunchCommand(['run', 'x.wasm'], '/w s'), "process launch -w '/w s' -- 'run' 'x.wasm'");
  assert.equal(processLaunchCommand(['run']), "process launch -- 'run'");
  assert.equal(processLaunchCommand(['run', 'a\nb']), undefined);
  assert.equal(processLaunchCommand(['run'], '/a\nb'), undefined);
});

test('the launch binds breakpoints before initialized: JIT loader on, one-shot stop at the registration, synchronous launch', () => {
  assert.deepEqual(preloadCommands(['run', 'c.wasm']), {
    initCommands: ['settings set plugin.jit-loader.gdb.enable on', 'settings set stop-disassembly-display never'],
    preRunCommands: ['breakpoint set --one-shot true --name __jit_debug_register_code'],
    launchCommands: ['script lldb.debugger.SetAsync(False)', "process launch -- 'run' 'c.wasm'", 'script lldb.debugger.SetAsync(True)'],
  });
});

test('an argument with a line break: a plain lldb-dap launch with args (breakpoints then bind when the code loads)', () => {
  const launch = lldbDapLaunch({ program: '/c.wasm', args: ['a\nb'] }, '/bin/wasmtime');
  assert.equal(launch.launchCommands, undefined);
  assert.equal(launch.preRunCommands, undefined);
  assert.deepEqual(launch.initCommands, ['settings set plugin.jit-loader.gdb.enable on']);
  assert.deepEqual(launch.args, ['run', '-C', 'cache=n', '-D', 'debug-info', '-O', 'opt-level=0', '/c.wasm', 'a\nb']);
});

test('mode http: wasmtime serve with the debug flags on its address; a source map passes through', () => {
  const launch = lldbDapLaunch(
    { program: '/h.wasm', mode: 'http', addr: '127.0.0.1:9001', sourceMap: [['/build', '/ws']] },
    '/bin/wasmtime',
  );
  assert.deepEqual(launch.args, [
    'serve',
    '-C',
    'cache=n',
    '-D',
    'debug-info',
    '-O',
    'opt-level=0',
    '--addr',
    '127.0.0.1:9001',
    '-S',
    'cli',
    '/h.wasm',
  ]);
  assert.deepEqual(launch.sourceMap, [['/build', '/ws']]);
});
