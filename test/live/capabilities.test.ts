// Capabilities of the five language fixtures (test/fixtures/langs, built by
// the extension's own build task as langBuilds.test.ts does, or taken from
// $WIT_DEVKIT_CACHE/langs/<lang>.wasm where that test keeps them): the
// imports we list are those `wasm-tools component wit` shows, and each
// component runs under wasmtime with only the flags we generate for it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { live } from '../live';
import { readComponent } from '../../common/component/reader';
import { capabilitiesOf } from '../../common/component/capabilities';
import { BUILD_TOOLS, LANGS, buildWithTask, builtOutput, cacheRoot, copyFixture, removeCopy, taskFor, type Lang } from './langFixtures';
import { startProcess } from '../../client/src/tasks/processRunner';

/** The fixture's component: kept from an earlier build, else built now (and kept). */
async function component(lang: Lang, tools: Parameters<typeof buildWithTask>[2]): Promise<string> {
  const kept = path.join(cacheRoot, 'langs', `${lang}.wasm`);
  if (existsSync(kept)) return kept;
  const cwd = copyFixture(lang);
  try {
    const build = await buildWithTask(taskFor(lang, 'hello.wasm'), cwd, tools);
    assert.equal(build.code, 0, build.out);
    mkdirSync(path.dirname(kept), { recursive: true });
    copyFileSync(builtOutput(lang, cwd, 'hello.wasm'), kept);
    return kept;
  } finally {
    removeCopy(cwd, lang);
  }
}

/** The names a `world root { ... }` printed by `wasm-tools component wit` imports. */
function witImports(text: string): string[] {
  const world = /^world root \{\n([\s\S]*?)^\}/m.exec(text)?.[1] ?? '';
  return [...world.matchAll(/^ {2}import ([^:;\s]+(?::[^/;\s]+\/[^;\s]+)?)[;:]/gm)].map((m) => m[1]);
}

for (const lang of LANGS) {
  test(
    `${lang}: the capabilities are the imports wasm-tools shows, and wasmtime runs it with only our flags`,
    { timeout: 15 * 60_000 },
    async (t) => {
      const tools = live(t, ['wasmtime', 'wasm-tools', ...BUILD_TOOLS[lang]]);
      if (!tools) return;
      const file = await component(lang, tools);
      const report = capabilitiesOf(readComponent(readFileSync(file)));
      const theirs = witImports(execFileSync(tools['wasm-tools'], ['component', 'wit', file], { encoding: 'utf8', timeout: 60_000 }));
      assert.deepEqual(report.imports.map((i) => i.name).sort(), [...theirs].sort());
      assert.ok(report.imports.some((i) => i.name.startsWith('wasi:cli/environment@') && i.capability === 'environment'));
      console.log(
        `${lang}: ${report.imports.length} imports (${[...new Set(report.imports.map((i) => i.capability))].join(', ')}); flags: ${report.flags.join(' ') || '(none)'}`,
      );
      // The run: an argument list, never a shell; the flags are all it gets.
      let out = '';
      const code = await startProcess(
        { command: tools.wasmtime, args: ['run', ...report.flags, file, 'caps'], cwd: path.dirname(file) },
        (s) => (out += s),
      ).done;
      assert.equal(code, 0, out);
      assert.equal(out, `hello from ${lang} caps\n`);
    },
  );
}
