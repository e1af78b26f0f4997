// The builders for Rust (cargo, wasm32-wasip2), Go and C (several steps):
// their exact programs and argument lists, what a task missing a needed field
// is told, which folders offer them, where their component lands, which
// problem matchers their tasks carry, and that those matchers exist in
// package.json. The live runs of the same code are in test/live/langBuilds.test.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtComponentCandidates, detectBuilds, witWorlds, type FolderReader } from '../../client/src/tasks/buildDetection';
import { BUILD_PROBLEM_MATCHERS } from '../../client/src/tasks/buildMatchers';
import { buildSteps, cWorldStem, type StepTools } from '../../client/src/tasks/buildSteps';
import { buildCommandLine, type BuildTools } from '../../client/src/tasks/commandLines';
import { BUILDERS, parseTaskDefinition, type BuildTask } from '../../client/src/tasks/taskDefinition';

const tools: BuildTools = { cargo: '/usr/bin/cargo', jco: 'jco', componentizePy: 'componentize-py' };
const stepTools: StepTools = {
  go: '/usr/local/go/bin/go',
  witBindgenGo: '/c/bin/wit-bindgen-go',
  clang: '/usr/bin/clang-16',
  witBindgen: '/c/bin/wit-bindgen',
  wasmTools: '/c/bin/wasm-tools',
  adapter: '/nm/jco/lib/wasi_snapshot_preview1.reactor.wasm',
  clangSysroot: '/usr',
};
const paths = { cwd: '/ws/my app', scratch: '/tmp/b1' };
const ADAPT = 'wasi_snapshot_preview1=/nm/jco/lib/wasi_snapshot_preview1.reactor.wasm';

const build = (over: Partial<BuildTask> & Pick<BuildTask, 'builder'>): BuildTask => ({ action: 'build', ...over });

test('cargo: cargo build --target wasm32-wasip2 [--release] [args]', () => {
  assert.deepEqual(buildCommandLine(build({ builder: 'cargo' }), tools), {
    command: '/usr/bin/cargo',
    args: ['build', '--target', 'wasm32-wasip2'],
    cwd: undefined,
  });
  assert.deepEqual(buildCommandLine(build({ builder: 'cargo', release: true, args: ['-p', 'app'], cwd: 'crates' }), tools), {
    command: '/usr/bin/cargo',
    args: ['build', '--target', 'wasm32-wasip2', '--release', '-p', 'app'],
    cwd: 'crates',
  });
  // go and clang are never one command line.
  assert.match(buildCommandLine(build({ builder: 'go' }), tools) as string, /several steps/);
});

test('go: bindings, go build (wasip1, c-shared), embed, component new with the reactor adapter', () => {
  assert.deepEqual(
    buildSteps(build({ builder: 'go', wit: '../wit', world: 'hello', output: 'out/app.wasm', args: ['-tags', 'x'] }), stepTools, paths),
    [
      {
        title: 'wit-bindgen-go: generate the bindings',
        command: '/c/bin/wit-bindgen-go',
        args: ['generate', '--world', 'hello', '--out', '/ws/my app/gen', '/ws/wit'],
        cwd: '/ws/my app',
      },
      {
        title: 'go build (GOOS=wasip1 GOARCH=wasm, reactor)',
        command: '/usr/local/go/bin/go',
        args: ['build', '-buildmode=c-shared', '-o', '/tmp/b1/core.wasm', '-tags', 'x', '.'],
        cwd: '/ws/my app',
        env: { GOOS: 'wasip1', GOARCH: 'wasm' },
      },
      {
        title: 'wasm-tools: embed the world',
        command: '/c/bin/wasm-tools',
        args: ['component', 'embed', '/ws/wit', '--world', 'hello', '/tmp/b1/core.wasm', '-o', '/tmp/b1/embedded.wasm'],
        cwd: '/ws/my app',
      },
      {
        title: 'wasm-tools: make the component (preview1 reactor adapter)',
        command: '/c/bin/wasm-tools',
        args: ['component', 'new', '/tmp/b1/embedded.wasm', '--adapt', ADAPT, '-o', '/ws/my app/out/app.wasm'],
        cwd: '/ws/my app',
      },
    ],
  );
  // Defaults: ./wit, the tools' own default world, bindings in gen/, <folder>.wasm; release strips.
  const steps = buildSteps(build({ builder: 'go', release: true, adapter: 'a.wasm', bindings: 'internal/gen' }), {}, paths);
  assert.ok(typeof steps !== 'string');
  assert.deepEqual(
    steps.map((s) => [s.command, ...s.args]),
    [
      ['wit-bindgen-go', 'generate', '--out', '/ws/my app/internal/gen', '/ws/my app/wit'],
      ['go', 'build', '-buildmode=c-shared', '-trimpath', '-ldflags=-s -w', '-o', '/tmp/b1/core.wasm', '.'],
      ['wasm-tools', 'component', 'embed', '/ws/my app/wit', '/tmp/b1/core.wasm', '-o', '/tmp/b1/embedded.wasm'],
      [
        'wasm-tools',
        'component',
        'new',
        '/tmp/b1/embedded.wasm',
        '--adapt',
        'wasi_snapshot_preview1=/ws/my app/a.wasm',
        '-o',
        '/ws/my app/my app.wasm',
      ],
    ],
  );
});

test('clang: wit-bindgen c, clang (reactor, sysroot, absolute sources), component new', () => {
  assert.deepEqual(
    buildSteps(
      build({ builder: 'clang', wit: 'wit', world: 'my-cmd', sources: ['src/main.c', '/abs/util.c'], args: ['-DX=1'] }),
      stepTools,
      paths,
    ),
    [
      {
        title: 'wit-bindgen c: generate the bindings',
        command: '/c/bin/wit-bindgen',
        args: ['c', '/ws/my app/wit', '--world', 'my-cmd', '--out-dir', '/ws/my app/gen'],
        cwd: '/ws/my app',
      },
      {
        title: 'clang (wasm32-wasi, reactor)',
        command: '/usr/bin/clang-16',
        args: [
          '--target=wasm32-wasi',
          '--sysroot=/usr',
          '-mexec-model=reactor',
          '-g',
          '-O0',
          '-I/ws/my app/gen',
          '-o',
          '/tmp/b1/core.wasm',
          '/ws/my app/src/main.c',
          '/abs/util.c',
          '/ws/my app/gen/my_cmd.c',
          '/ws/my app/gen/my_cmd_component_type.o',
          '-DX=1',
        ],
        cwd: '/ws/my app',
      },
      {
        title: 'wasm-tools: make the component (preview1 reactor adapter)',
        command: '/c/bin/wasm-tools',
        args: ['component', 'new', '/tmp/b1/core.wasm', '--adapt', ADAPT, '-o', '/ws/my app/my app.wasm'],
        cwd: '/ws/my app',
      },
    ],
  );
  // wasi-sdk's clang has its sysroot built in: no --sysroot unless the task says; release optimizes.
  const sdk = buildSteps(
    build({ builder: 'clang', world: 'w', sources: ['a.c'], release: true }),
    { ...stepTools, clangSysroot: undefined },
    paths,
  );
  assert.ok(typeof sdk !== 'string');
  assert.deepEqual(sdk[1].args.slice(0, 3), ['--target=wasm32-wasi', '-mexec-model=reactor', '-O2']);
  const own = buildSteps(build({ builder: 'clang', world: 'w', sources: ['a.c'], sysroot: '/opt/sysroot' }), stepTools, paths);
  assert.ok(typeof own !== 'string' && own[1].args.includes('--sysroot=/opt/sysroot'));
  assert.equal(cWorldStem('wasi:cli/my-world@0.2.0'), 'my_world');
});

test('a stepped build missing what it needs says so', () => {
  assert.match(buildSteps(build({ builder: 'clang', sources: ['a.c'] }), stepTools, paths) as string, /needs "world"/);
  assert.match(buildSteps(build({ builder: 'clang', world: 'w' }), stepTools, paths) as string, /needs "sources"/);
  assert.match(
    buildSteps(build({ builder: 'go' }), { ...stepTools, adapter: undefined }, paths) as string,
    /reactor adapter: install jco .* or set "adapter"/,
  );
});

test('the new builders and fields are read from tasks.json', () => {
  const go = parseTaskDefinition({ action: 'build', builder: 'go', wit: '../wit', world: 'hello', bindings: 'gen', adapter: 'a.wasm' });
  assert.ok(typeof go !== 'string' && go.action === 'build');
  assert.deepEqual([go.builder, go.wit, go.world, go.bindings, go.adapter], ['go', '../wit', 'hello', 'gen', 'a.wasm']);
  const c = parseTaskDefinition({ action: 'build', builder: 'clang', sources: ['a.c', 'b.c'], sysroot: '/s', world: 'w' });
  assert.ok(typeof c !== 'string' && c.action === 'build');
  assert.deepEqual([c.sources, c.sysroot], [['a.c', 'b.c'], '/s']);
  // A string where a list belongs is not split: the build then says what is missing.
  const bad = parseTaskDefinition({ action: 'build', builder: 'clang', sources: 'a.c b.c; rm -rf /', world: 'w' });
  assert.ok(typeof bad !== 'string' && bad.action === 'build' && bad.sources === undefined);
  assert.match(
    parseTaskDefinition({ action: 'build', builder: 'tinygo' }) as string,
    /one of cargo-component, cargo, go, clang, jco-componentize, componentize-py, command/,
  );
});

const folder = (files: Record<string, string>): FolderReader => ({
  read: (p) => files[p],
  exists: (p) => p in files || Object.keys(files).some((f) => f.startsWith(`${p}/`)),
  list: (dir) =>
    Object.keys(files)
      .filter((f) => (dir === '.' ? !f.includes('/') : f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/')))
      .map((f) => (dir === '.' ? f : f.slice(dir.length + 1))),
});

test('folders offer the go, clang and cargo builds', () => {
  const wit = { 'wit/world.wit': 'package a:b;\n\nworld hello {\n  export run: func();\n}\n', 'wit/deps/x/x.wit': 'world not-mine {}' };
  assert.deepEqual(detectBuilds(folder({ 'go.mod': 'module m\n', 'main.go': '', ...wit })), [
    { action: 'build', builder: 'go', wit: 'wit', world: 'hello' },
  ]);
  assert.deepEqual(detectBuilds(folder({ 'main.c': '', 'util.c': '', 'util.h': '', ...wit })), [
    { action: 'build', builder: 'clang', wit: 'wit', world: 'hello', sources: ['main.c', 'util.c'] },
  ]);
  // Two worlds: wit-bindgen c cannot be told which, so no C build is guessed; Go builds the first.
  const two = { 'wit/a.wit': 'package a:b;\nworld one {}\n', 'wit/b.wit': 'world two {}\n' };
  assert.deepEqual(witWorlds(folder(two), 'wit'), ['one', 'two']);
  assert.deepEqual(detectBuilds(folder({ 'main.c': '', ...two })), []);
  assert.deepEqual(detectBuilds(folder({ 'go.mod': '', ...two })), [{ action: 'build', builder: 'go', wit: 'wit' }]);
  // A plain crate using wit-bindgen builds with cargo; a cargo-component crate keeps its builder only.
  assert.deepEqual(detectBuilds(folder({ 'Cargo.toml': '[package]\nname = "x"\n[dependencies]\nwit-bindgen = "0.63"\n' })), [
    { action: 'build', builder: 'cargo' },
  ]);
  assert.deepEqual(
    detectBuilds(folder({ 'Cargo.toml': '[package]\nname="x"\n[dependencies]\nwit-bindgen = "0.63"\n[package.metadata.component]\n' })),
    [{ action: 'build', builder: 'cargo-component' }],
  );
  // No WIT: neither Go nor C is a component build.
  assert.deepEqual(detectBuilds(folder({ 'go.mod': '', 'main.c': '' })), []);
});

test('where the cargo, go and clang builds leave their component', () => {
  const crate = folder({ 'Cargo.toml': '[package]\nname = "hello-rust"\n' });
  assert.deepEqual(builtComponentCandidates(build({ builder: 'cargo' }), crate), ['target/wasm32-wasip2/debug/hello_rust.wasm']);
  assert.deepEqual(builtComponentCandidates(build({ builder: 'cargo', release: true }), crate), [
    'target/wasm32-wasip2/release/hello_rust.wasm',
  ]);
  assert.deepEqual(builtComponentCandidates(build({ builder: 'go' }), crate, 'my-app'), ['my-app.wasm']);
  assert.deepEqual(builtComponentCandidates(build({ builder: 'clang', cwd: 'native/cli/' }), crate), ['native/cli/cli.wasm']);
  assert.deepEqual(builtComponentCandidates(build({ builder: 'go', cwd: 'svc', output: 'out/s.wasm' }), crate), ['svc/out/s.wasm']);
});

test('every builder carries problem matchers that package.json defines', () => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
    contributes: {
      problemMatchers: Array<{ name: string }>;
      taskDefinitions: Array<{ type: string; properties: { builder?: { enum: string[] } } }>;
    };
  };
  const defined = new Set(pkg.contributes.problemMatchers.map((m) => `$${m.name}`));
  for (const builder of BUILDERS) {
    for (const name of BUILD_PROBLEM_MATCHERS[builder]) assert.ok(defined.has(name), `${builder}: ${name} is not in package.json`);
  }
  assert.deepEqual(BUILD_PROBLEM_MATCHERS.go, ['$wasm-component-go']);
  assert.deepEqual(BUILD_PROBLEM_MATCHERS.cargo, ['$wasm-component-rustc']);
  // The editor's schema offers exactly the builders the extension reads.
  const definition = pkg.contributes.taskDefinitions.find((d) => d.type === 'wasm-component');
  assert.deepEqual(definition?.properties.builder?.enum, [...BUILDERS]);
});
