// Builds the debugger fixture (test/fixtures/debug/debug.c) into a folder of
// the test's own: clang-16 for wasm32-wasi with -g -O0, then `jco new` with the
// preview1 command adapter makes it a wasi:cli component. Built where it is
// debugged because the DWARF names the source by its absolute path, and
// breakpoints are set by that path. Lines are found by their `// @name`
// markers, never written as numbers. No `vscode` import (the e2e suite uses it).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(): string {
  let dir = path.resolve(__dirname, '..');
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const DEBUG_SOURCE = path.join(findRepoRoot(), 'test', 'fixtures', 'debug', 'debug.c');

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
  execFileSync(tools.clang, ['--target=wasm32-wasi', '--sysroot=/usr', '-g', '-O0', '-o', core, source], { stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync(tools.jco, ['new', core, '--wasi-command', '-o', component], { stdio: ['ignore', 'ignore', 'pipe'] });
  return { source, component, lines: markerLines(readFileSync(source, 'utf8')) };
}
