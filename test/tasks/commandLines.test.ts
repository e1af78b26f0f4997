// The exact program and argument list for every task kind: each build
// builder, run and serve on wasmtime and on jco, and the debug command line.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  buildCommandLine,
  describeCommandLine,
  jcoArgs,
  jcoLimitations,
  runCommandLine,
  splitAddr,
  wasmtimeArgs,
  type BuildTools,
  type RunPlan,
} from '../../client/src/tasks/commandLines';

const tools: BuildTools = { cargo: '/usr/bin/cargo', jco: '/ws/node_modules/.bin/jco', componentizePy: '/usr/local/bin/componentize-py' };

const plan = (over: Partial<RunPlan> = {}): RunPlan => ({
  runtime: 'wasmtime',
  runtimePath: '/opt/wasmtime/bin/wasmtime',
  mode: 'cli',
  program: '/ws/hello.wasm',
  args: [],
  addr: '127.0.0.1:8080',
  dirs: [],
  env: {},
  wasi: [],
  cwd: '/ws',
  ...over,
});

test('build: cargo component build, with --release and extra args', () => {
  assert.deepEqual(buildCommandLine({ action: 'build', builder: 'cargo-component' }, tools), {
    command: '/usr/bin/cargo',
    args: ['component', 'build'],
    cwd: undefined,
  });
  assert.deepEqual(
    buildCommandLine({ action: 'build', builder: 'cargo-component', release: true, args: ['--features', 'x'], cwd: 'crates/app' }, tools),
    {
      command: '/usr/bin/cargo',
      args: ['component', 'build', '--release', '--features', 'x'],
      cwd: 'crates/app',
    },
  );
});

test('build: jco componentize <source> --wit <wit> --world-name <w> -o <out>', () => {
  assert.deepEqual(
    buildCommandLine(
      { action: 'build', builder: 'jco-componentize', source: 'src/app.js', wit: 'wit', world: 'handler', output: 'app.wasm' },
      tools,
    ),
    {
      command: '/ws/node_modules/.bin/jco',
      args: ['componentize', 'src/app.js', '--wit', 'wit', '--world-name', 'handler', '-o', 'app.wasm'],
      cwd: undefined,
    },
  );
  // Defaults: the WIT in ./wit, the output named after the source.
  assert.deepEqual(
    (buildCommandLine({ action: 'build', builder: 'jco-componentize', source: 'index.ts' }, tools) as { args: string[] }).args,
    ['componentize', 'index.ts', '--wit', 'wit', '-o', 'index.wasm'],
  );
  assert.match(buildCommandLine({ action: 'build', builder: 'jco-componentize' }, tools) as string, /needs "source"/);
  // npm's jco runs under node with the preload that works around jco 1.35's empty preopens.
  const viaNode = { ...tools, jcoNode: { script: '/ws/node_modules/@bytecodealliance/jco/dist/jco.js', preload: '/tmp/p.mjs' } };
  assert.deepEqual(buildCommandLine({ action: 'build', builder: 'jco-componentize', source: 'app.js' }, viaNode), {
    command: 'node',
    args: [
      '--import',
      '/tmp/p.mjs',
      '/ws/node_modules/@bytecodealliance/jco/dist/jco.js',
      'componentize',
      'app.js',
      '--wit',
      'wit',
      '-o',
      'app.wasm',
    ],
    cwd: undefined,
  });
});

test('build: componentize-py -d <wit> -w <world> componentize <module> -o <out>', () => {
  assert.deepEqual(
    buildCommandLine({ action: 'build', builder: 'componentize-py', source: 'app', wit: 'wit', world: 'cmd', output: 'app.wasm' }, tools),
    {
      command: '/usr/local/bin/componentize-py',
      args: ['-d', 'wit', '-w', 'cmd', 'componentize', 'app', '-o', 'app.wasm'],
      cwd: undefined,
    },
  );
  assert.match(buildCommandLine({ action: 'build', builder: 'componentize-py' }, tools) as string, /needs "source"/);
});

test('build: a command the user names runs as that program and those arguments', () => {
  assert.deepEqual(
    buildCommandLine({ action: 'build', builder: 'command', command: ['./build.sh', 'out dir/x.wasm'], args: ['--verbose'] }, tools),
    {
      command: './build.sh',
      args: ['out dir/x.wasm', '--verbose'],
      cwd: undefined,
    },
  );
  assert.match(buildCommandLine({ action: 'build', builder: 'command', command: [] }, tools) as string, /needs "command"/);
});

test('run on wasmtime: options before the component, guest args after it', () => {
  const p = plan({
    args: ['--flag', 'two words'],
    dirs: ['/ws/data::data', '/tmp::/tmp'],
    env: { NAME: 'a b', EMPTY: '' },
    wasi: ['inherit-network', 'http'],
  });
  assert.deepEqual(runCommandLine(p), {
    command: '/opt/wasmtime/bin/wasmtime',
    args: [
      'run',
      '--dir',
      '/ws/data::data',
      '--dir',
      '/tmp::/tmp',
      '--env',
      'NAME=a b',
      '--env',
      'EMPTY=',
      '-S',
      'inherit-network',
      '-S',
      'http',
      '/ws/hello.wasm',
      '--flag',
      'two words',
    ],
    cwd: '/ws',
  });
});

test('serve on wasmtime: wasmtime serve --addr <addr> ... <component>, no guest args', () => {
  assert.deepEqual(wasmtimeArgs(plan({ mode: 'http', addr: '127.0.0.1:3000', env: { A: '1' }, wasi: ['cli=y'], args: ['ignored'] })), [
    'serve',
    '--addr',
    '127.0.0.1:3000',
    '--env',
    'A=1',
    '-S',
    'cli=y',
    '/ws/hello.wasm',
  ]);
});

test("serve on wasmtime turns on wasi:cli (-S cli) unless the task's wasi options name it", () => {
  assert.deepEqual(wasmtimeArgs(plan({ mode: 'http', addr: '127.0.0.1:3000' })), [
    'serve',
    '--addr',
    '127.0.0.1:3000',
    '-S',
    'cli',
    '/ws/hello.wasm',
  ]);
  assert.deepEqual(wasmtimeArgs(plan({ mode: 'http', addr: '127.0.0.1:3000', wasi: ['cli=n'] })), [
    'serve',
    '--addr',
    '127.0.0.1:3000',
    '-S',
    'cli=n',
    '/ws/hello.wasm',
  ]);
  assert.deepEqual(wasmtimeArgs(plan({ mode: 'http', addr: '127.0.0.1:3000', wasi: ['common'] })), [
    'serve',
    '--addr',
    '127.0.0.1:3000',
    '-S',
    'common',
    '/ws/hello.wasm',
  ]);
  // `wasmtime run` links all of WASI already: no -S cli there.
  assert.deepEqual(wasmtimeArgs(plan({})), ['run', '/ws/hello.wasm']);
});

test('debug on wasmtime: -D debug-info -O opt-level=0 right after the subcommand', () => {
  assert.deepEqual(wasmtimeArgs(plan({ args: ['x'], dirs: ['/d::/d'] }), true), [
    'run',
    '-D',
    'debug-info',
    '-O',
    'opt-level=0',
    '--dir',
    '/d::/d',
    '/ws/hello.wasm',
    'x',
  ]);
});

test('run on jco: jco run <component> -- <args>, env through the process environment', () => {
  assert.deepEqual(
    runCommandLine(plan({ runtime: 'jco', runtimePath: '/ws/node_modules/.bin/jco', args: ['--jco-dir', 'x'], env: { NAME: 'v' } })),
    {
      command: '/ws/node_modules/.bin/jco',
      args: ['run', '/ws/hello.wasm', '--', '--jco-dir', 'x'],
      cwd: '/ws',
      env: { NAME: 'v' },
    },
  );
  assert.equal(runCommandLine(plan({ runtime: 'jco' })).env, undefined);
  // dirs: a setup module jco imports first sets the preopens.
  assert.deepEqual(jcoArgs(plan({ runtime: 'jco', dirs: ['/h::/g'], jcoSetupModule: '/tmp/pre opens.mjs', args: ['a'] })), [
    'run',
    '/ws/hello.wasm',
    '--jco-import',
    '/tmp/pre opens.mjs',
    '--',
    'a',
  ]);
});

test('serve on jco: jco serve <component> --host <ip> --port <n>', () => {
  assert.deepEqual(jcoArgs(plan({ runtime: 'jco', mode: 'http', addr: '127.0.0.1:8123' })), [
    'serve',
    '/ws/hello.wasm',
    '--host',
    '127.0.0.1',
    '--port',
    '8123',
  ]);
  assert.deepEqual(jcoArgs(plan({ runtime: 'jco', mode: 'http', addr: '127.0.0.1:8123', jcoSetupModule: '/s.mjs' })), [
    'serve',
    '/ws/hello.wasm',
    '--host',
    '127.0.0.1',
    '--port',
    '8123',
    '--jco-import',
    '/s.mjs',
  ]);
  assert.deepEqual(splitAddr('[::1]:9000'), { host: '::1', port: '9000' });
  assert.deepEqual(splitAddr('9000'), { host: '127.0.0.1', port: '9000' });
  assert.deepEqual(splitAddr('0.0.0.0:80'), { host: '0.0.0.0', port: '80' });
});

test('what jco cannot honour is said, not dropped silently', () => {
  const notes = jcoLimitations(plan({ runtime: 'jco', dirs: ['/d::/d'], wasi: ['http'] }));
  assert.equal(notes.length, 2);
  assert.match(notes[0], /dirs/);
  assert.match(notes[1], /-S/);
  assert.deepEqual(jcoLimitations(plan({ dirs: ['/d::/d'] })), []);
  assert.deepEqual(jcoLimitations(plan({ runtime: 'jco', dirs: ['/d::/d'], jcoSetupModule: '/s.mjs' })), []);
});

test('the command line shown to the user quotes what a shell would split', () => {
  assert.equal(
    describeCommandLine({ command: '/bin/wasmtime', args: ['run', '/a b/x.wasm', "it's", '$(id);'] }),
    `/bin/wasmtime run '/a b/x.wasm' 'it'\\''s' '$(id);'`,
  );
});
