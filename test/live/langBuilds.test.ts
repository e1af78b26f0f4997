// Five languages built into wasi:cli components by the extension's own build
// task, each with its own toolchain, and run under the real wasmtime:
//   C       builder clang            wit-bindgen c + clang-16 (wasi-libc) + wasm-tools component new --adapt
//   Go      builder go               wit-bindgen-go + go build (wasip1, c-shared) + wasm-tools embed/new --adapt
//   Rust    builder cargo            cargo build --target wasm32-wasip2 with the wit-bindgen crate
//   Python  builder componentize-py  componentize-py componentize
//   JS      builder jco-componentize jco componentize (~40 s, ~800 MB: the one JS build)
// All implement the same world (test/fixtures/langs/wit): they export
// wasi:cli/run and read their arguments through wasi:cli/environment, so each
// prints `hello from <lang>` and the arguments the run passes, verbatim.
// The JS component also imports wasi:http (componentize-js's engine does, for
// fetch), so its run gets `-S http` (the run task's "wasi": ["http"]).
// Each test asserts what the user sees: the build ends with 0 and writes a
// component, `wasmtime run` (which runs only a wasi:cli/run export) prints
// exactly that line, and no argument ran a shell. The component is then kept
// at $WIT_DEVKIT_CACHE/langs/<lang>.wasm for `npm run bench`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { live } from '../live';
import {
  BUILD_TOOLS,
  LANGS,
  RUN_WASI,
  buildWithTask,
  builtOutput,
  cacheRoot,
  copyFixture,
  removeCopy,
  runComponent,
  taskFor,
} from './langFixtures';

const COMPONENT_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
const ARGS = ['first', 'two words', '$(touch PWNED)', '--flag'];

for (const lang of LANGS) {
  test(`${lang}: the wasm-component build task makes a component that wasmtime runs`, { timeout: 15 * 60_000 }, async (t) => {
    const tools = live(t, ['wasmtime', ...BUILD_TOOLS[lang]]);
    if (!tools) return;
    const cwd = copyFixture(lang);
    try {
      const started = Date.now();
      const build = await buildWithTask(taskFor(lang, 'hello.wasm'), cwd, tools);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      assert.equal(build.code, 0, build.out);
      console.log(`built ${lang} in ${seconds} s`);
      const component = builtOutput(lang, cwd, 'hello.wasm');
      assert.deepEqual([...readFileSync(component).subarray(0, 8)], COMPONENT_HEADER, `${component} is not a component`);
      const run = await runComponent(tools.wasmtime, { program: component, args: ARGS, cwd, wasi: RUN_WASI[lang] });
      assert.equal(run.code, 0, run.out);
      assert.equal(run.out, `hello from ${lang} ${ARGS.join(' ')}\n`);
      assert.equal(existsSync(path.join(cwd, 'PWNED')), false, 'an argument ran a shell');
      const kept = path.join(cacheRoot, 'langs', `${lang}.wasm`);
      mkdirSync(path.dirname(kept), { recursive: true });
      copyFileSync(component, kept);
    } finally {
      removeCopy(cwd, lang);
    }
  });
}
