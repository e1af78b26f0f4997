// Builds the debugger fixtures into a folder of the test's own, with -g -O0:
//   debug.c  clang-16 for wasm32-wasi, then `jco new` with the preview1 command
//            adapter: a wasi:cli command;
//   http.c   `wit-bindgen c` for wasi:http/proxy (the WASI 0.2.12 WIT jco
//            ships), clang-16 as a reactor, `wasm-tools component new` with
//            jco's preview1 reactor adapter, as the product's clang builder
//            does: a wasi:http handler for `wasmtime serve`. Built where it is
// debugged because the DWARF names the source by its absolute path, and
// breakpoints are set by that path. Lines are found by their `// @name`
// markers, never written as numbers. No `vscode` import (the e2e suite uses it).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(): string {
  let dir = path.resolve(__dirname, '..');
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const repoRoot = findRepoRoot();
export const DEBUG_SOURCE = path.join(repoRoot, 'test', 'fixtures', 'debug', 'debug.c');
export const HTTP_SOURCE = path.join(repoRoot, 'test', 'fixtures', 'debug', 'http.c');
const JCO_LIB = path.join(repoRoot, 'node_modules', '@bytecodealliance', 'jco', 'lib');

export interface BuiltFixture {
  source: string;
  component: string;
  /** The 1-based line of each `// @name` marker. */
  lines: Record<string, number>;
}

/** Line numbers of the `// @name` markers in a source text. */
export function markerLines(text: string): Record<string, number> {
  const lines: Record<string, number> = {};
  text.split('\n').forEach((line, i) => {
    const m = /\/\/ @([\w-]+)\s*$/.exec(line);
    if (m) lines[m[1]] = i + 1;
  });
  return lines;
}

/** Copies debug.c into `dir` and builds `dir/debug.wasm` from it. */
export function buildDebugFixture(dir: string, tools: { clang: string; jco: string }): BuiltFixture {
  const source = path.join(dir, 'debug.c');
  const core = path.join(dir, 'debug.core.wasm');
  const component = path.join(dir, 'debug.wasm');
  copyFileSync(DEBUG_SOURCE, source);
  execFileSync(tools.clang, ['--target=wasm32-wasi', '--sysroot=/usr', '-g', '-O0', '-o', core, source], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  execFileSync(tools.jco, ['new', core, '--wasi-command', '-o', component], { stdio: ['ignore', 'ignore', 'pipe'] });
  return { source, component, lines: markerLines(readFileSync(source, 'utf8')) };
}

/** Copies http.c into `dir` and builds `dir/http.wasm`, a wasi:http handler, from it. */
export function buildHttpFixture(dir: string, tools: { clang: string; witBindgen: string; wasmTools: string }): BuiltFixture {
  const source = path.join(dir, 'http.c');
  const wit = path.join(dir, 'wit');
  const gen = path.join(dir, 'gen');
  const core = path.join(dir, 'http.core.wasm');
  const component = path.join(dir, 'http.wasm');
  copyFileSync(HTTP_SOURCE, source);
  mkdirSync(path.join(wit, 'deps'), { recursive: true });
  cpSync(path.join(JCO_LIB, 'wit', 'builtin', '0.2.12'), path.join(wit, 'deps'), { recursive: true });
  writeFileSync(path.join(wit, 'world.wit'), 'package debug:http;\n\nworld handler {\n  include wasi:http/proxy@0.2.12;\n}\n');
  const quiet = { stdio: ['ignore', 'ignore', 'pipe'] as ['ignore', 'ignore', 'pipe'] };
  execFileSync(tools.witBindgen, ['c', wit, '--world', 'handler', '--out-dir', gen], quiet);
  execFileSync(
    tools.clang,
    [
      '--target=wasm32-wasi',
      '--sysroot=/usr',
      '-mexec-model=reactor',
      '-g',
      '-O0',
      `-I${gen}`,
      '-o',
      core,
      source,
      path.join(gen, 'handler.c'),
      path.join(gen, 'handler_component_type.o'),
    ],
    quiet,
  );
  execFileSync(
    tools.wasmTools,
    [
      'component',
      'new',
      core,
      '--adapt',
      `wasi_snapshot_preview1=${path.join(JCO_LIB, 'wasi_snapshot_preview1.reactor.wasm')}`,
      '-o',
      component,
    ],
    quiet,
  );
  return { source, component, lines: markerLines(readFileSync(source, 'utf8')) };
}
