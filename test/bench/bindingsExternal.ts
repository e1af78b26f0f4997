// Warm bindings generation per language through the user's generators
// (wit-bindgen for Rust, C, C++, C#, Go, MoonBit, Markdown; componentize-py for
// Python) for WASI 0.3 http `service` and WASI 0.2 http `proxy` (wit-bindgen
// 0.63's C++ and C# generators panic on 0.3): the whole request path of the server
// (package snapshot kept between requests, the tool's process, reading back
// what it wrote). Two untimed runs first, so the tool is in the page cache.
// A language whose tool is not installed, or whose generation fails, gets no
// row; it is named on stderr with the reason.
import * as os from 'node:os';
import * as path from 'node:path';
import { generateBindings } from '../../server/src/bindings/generateBindings';
import { LANGUAGES } from '../../common/bindingsLanguages';
import { findOnPath } from '../../common/tools/toolLookup';
import type { BindingsLanguage } from '../../common/protocol';
import { diskSource } from '../bindings/diskSource';
import { wasi02Http, wasi03Http } from '../bindings/paths';
import type { BindingsBench } from './bindings';

const WORLDS = [
  { world: 'wasi:http/service@0.3.0', file: path.join(wasi03Http, 'worlds.wit') },
  { world: 'wasi:http/proxy@0.2.0-rc-2023-12-05', file: path.join(wasi02Http, 'proxy.wit') },
];
const EXTERNAL: BindingsLanguage[] = ['rust', 'c', 'cpp', 'csharp', 'go', 'moonbit', 'markdown', 'python'];

// As scripts/toolchainEnv.mjs does for the tests: the installed toolchain first on PATH.
const toolchainBin = path.join(process.env.WIT_DEVKIT_CACHE ?? path.join(os.homedir(), '.cache/wit-devkit'), 'bin');
if (!(process.env.PATH ?? '').split(path.delimiter).includes(toolchainBin)) {
  process.env.PATH = [toolchainBin, process.env.PATH].filter(Boolean).join(path.delimiter);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function warm(language: BindingsLanguage, { world, file }: (typeof WORLDS)[number], runs: number): Promise<BindingsBench> {
  const req = { file, language, world, tools: {} } as const;
  await generateBindings(diskSource(), req);
  await generateBindings(diskSource(), req);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const files = await generateBindings(diskSource(), req);
    times.push(performance.now() - start);
    if (files.length === 0) throw new Error(`${language}: no files generated`);
  }
  times.sort((a, b) => a - b);
  return {
    name: `bindings ${language} ${world}, warm (${LANGUAGES[language].generator})`,
    runs,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}

export async function benchExternalBindings(runs = 10): Promise<BindingsBench[]> {
  const rows: BindingsBench[] = [];
  for (const language of EXTERNAL) {
    const tool = LANGUAGES[language].generator;
    if (!findOnPath(tool === 'componentize-py' ? 'componentizePy' : 'witBindgen')) {
      console.error(`bench: bindings ${language} skipped (${tool} not on PATH)`);
      continue;
    }
    for (const w of WORLDS) {
      try {
        rows.push(await warm(language, w, runs));
      } catch (e) {
        // One broken generator must not hide the others' numbers.
        console.error(`bench: bindings ${language} ${w.world} failed: ${(e as Error).message.split('\n')[0]}`);
      }
    }
  }
  return rows;
}
