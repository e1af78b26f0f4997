// The reader against an independent oracle: for each component, the imports and
// exports it reads are the ones `wasm-tools component wit` prints for the same
// binary. Besides the committed fixtures, a WASI command (C with wasi-libc, made a
// component by `jco new --wasi-command`: resources, many interfaces) is built here.
// suite: live
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readComponent } from '../../common/component/reader';
import { componentGraph } from '../../common/component/componentGraph';
import { componentsDir } from './fixtures';

const repoRoot = path.resolve(__dirname, '..', '..');
const wasmTools = path.resolve(repoRoot, '..', 'shared', 'tools', 'wasm-tools');
const jco = path.join(repoRoot, 'node_modules', '.bin', 'jco');

/** `import x;` / `export x;` lines of the root world as wasm-tools prints it. */
function oracle(file: string): { imports: string[]; exports: string[] } {
  const wit = execFileSync(wasmTools, ['component', 'wit', file], { encoding: 'utf8' });
  const world = /world root \{([\s\S]*?)\n\}/.exec(wit)?.[1] ?? '';
  // `import docs:calc/adder@0.1.0;` (an interface) or `import name: func(...)`.
  const names = (kind: string) => [...world.matchAll(new RegExp(`^\\s*${kind} (\\S+?)(?:;|: )`, 'gm'))].map((m) => m[1]).sort();
  return { imports: names('import'), exports: names('export') };
}

function read(file: string) {
  const info = readComponent(fs.readFileSync(file));
  return { info, imports: info.imports.map((i) => i.name).sort(), exports: info.exports.map((e) => e.name).sort() };
}

for (const name of ['adder', 'adder-v2', 'adder-wide', 'calculator', 'composed']) {
  test(
    `${name}.wasm: imports and exports as wasm-tools prints them`,
    { skip: !fs.existsSync(wasmTools) && 'wasm-tools not beside the repo' },
    () => {
      const file = path.join(componentsDir, `${name}.wasm`);
      const { info, imports, exports } = read(file);
      assert.deepEqual(info.problems, []);
      assert.deepEqual({ imports, exports }, oracle(file));
    },
  );
}

test(
  'a WASI command built from C: every WASI import, the run export, nothing unread',
  { skip: !fs.existsSync('/usr/bin/clang-16') && 'clang-16 not installed' },
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-graph-'));
    try {
      fs.writeFileSync(path.join(dir, 'hello.c'), '#include <stdio.h>\nint main(void) { printf("hello\\n"); return 0; }\n');
      execFileSync('clang-16', [
        '--target=wasm32-wasi',
        '--sysroot=/usr',
        '-O1',
        '-o',
        path.join(dir, 'hello.wasm'),
        path.join(dir, 'hello.c'),
      ]);
      execFileSync(jco, ['new', path.join(dir, 'hello.wasm'), '--wasi-command', '-o', path.join(dir, 'hello.component.wasm')]);
      const file = path.join(dir, 'hello.component.wasm');
      const { info, imports, exports } = read(file);
      assert.deepEqual(info.problems, []);
      assert.deepEqual({ imports, exports }, oracle(file));
      assert.ok(imports.some((i) => i.startsWith('wasi:io/streams@')));
      // Resources keep their names in the instance types.
      const streams = info.imports.find((i) => i.name.startsWith('wasi:io/streams@'))!;
      assert.ok(
        streams.type.kind === 'instance' && streams.type.exports.some((e) => e.name === 'output-stream' && e.type.kind === 'resource'),
      );
      // The graph: the adapter and the program are core modules between the imports and the export.
      const g = componentGraph(info);
      assert.ok(g.nodes.filter((n) => n.kind === 'module').length >= 2);
      assert.deepEqual(
        g.nodes.filter((n) => n.kind === 'export').map((n) => n.label),
        exports,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
