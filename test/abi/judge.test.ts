// The canonical ABI judged by wasm-tools: for every world of the corpus, the
// core module our core says the world's component wraps (every import and
// export, name and core signature) equals the dummy module wasm-tools makes,
// in both name schemes (legacy and standard32) and, for legacy, in the async
// modes too (`--async-callback`, `--async-stackful`).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { live } from '../live';
import { coreModule, printItem, type Crossing } from '../../server/src/core/abi/module';
import { typeIndexOf } from '../../server/src/core/abi/typeIndex';
import { abiFactsOf, type FunctionAbiFacts } from '../../server/src/core/abi/facts';
import { printSignature as sig } from '../../server/src/core/abi/module';
import type { AbiFunction } from '../../server/src/core/abi/functions';
import type { Analysis } from '../../server/src/core/model';
import type { NameScheme } from '../../server/src/core/abi/names';
import { corpusWorlds } from './corpusCases';
import { dummyModule, isAsyncIntrinsic, moduleLines, toolVersion, type DummyMode } from './wasmToolsJudge';

/** wit-parser 1.239 and older still named async functions `[async]f` (see functions.ts). */
function annotatesAsync(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major === 1 && minor <= 239;
}

/** The world as wasm-tools' `-w` takes it: by name in the case's one package, else qualified. */
function worldSpecifier(w: { world: { name: string; qualified: string }; analysis: { packages: Array<{ isDependency: boolean }> } }): string {
  return w.analysis.packages.filter((p) => !p.isDependency).length === 1 ? w.world.name : w.world.qualified;
}

/**
 * What hover and `wit/canonicalAbi` show for a function, as module lines: the
 * import, the export and its post-return (sync), or the async names.
 */
function factLines(analysis: Analysis, f: AbiFunction, scheme: NameScheme): string[] {
  const facts = abiFactsOf(analysis, f.symbol, { scheme }) as FunctionAbiFacts;
  const out = [`import ${JSON.stringify(facts.import.module)} ${JSON.stringify(facts.import.name)} ${sig(facts.lower)}`,
    `export ${JSON.stringify(facts.export.name)} ${sig(facts.lift)}`];
  if (facts.export.postReturn) out.push(`export ${JSON.stringify(facts.export.postReturn.name)} ${sig(facts.export.postReturn)}`);
  if (facts.export.callback) out.push(`export ${JSON.stringify(facts.export.callback)} (i32 i32 i32) -> (i32)`);
  return out;
}

const RUNS: Array<{ scheme: NameScheme; mode: DummyMode }> = [
  { scheme: 'legacy', mode: 'sync' },
  { scheme: 'standard32', mode: 'sync' },
  { scheme: 'legacy', mode: 'async-callback' },
  { scheme: 'legacy', mode: 'async-stackful' },
];

test('every world of the corpus: our core module equals wasm-tools\' dummy module, names and signatures', async (t) => {
  const tools = live(t, ['wasm-tools']);
  if (!tools) return;
  const tool = tools['wasm-tools'];
  const version = toolVersion(tool);
  const { worlds, skipped } = await corpusWorlds();
  assert.ok(worlds.length > 50, `the corpus has its worlds (${worlds.length})`);
  const disagreements: string[] = [];
  const toolErrors: string[] = [];
  const unreadable = new Set<string>();
  const hoverWrong: string[] = [];
  let hoverChecked = 0;
  let compared = 0, functions = 0, agreedWorlds = 0;
  for (const w of worlds) {
    const index = typeIndexOf(w.analysis);
    let worldOk = true;
    for (const run of RUNS) {
      const dummy = dummyModule(tool, w.dir, worldSpecifier(w), run.scheme, run.mode);
      if ('error' in dummy) {
        // A case this wasm-tools cannot read (maps and some gates are newer than 1.239) is not judged by it.
        if (/failed to (resolve directory|parse)/.test(dummy.error)) { unreadable.add(w.caseName); worldOk = false; break; }
        toolErrors.push(`${w.caseName} ${w.world.qualified} ${run.scheme}/${run.mode}: ${dummy.error}`);
        worldOk = false;
        continue;
      }
      const theirs = moduleLines(dummy.wat).filter((l) => run.mode === 'sync' || !isAsyncIntrinsic(l)).sort();
      const items = coreModule(index, w.world, { scheme: run.scheme, crossing: run.mode as Crossing, asyncAnnotation: annotatesAsync(version) });
      const ours = items.map(printItem).sort();
      const missing = theirs.filter((l) => !ours.includes(l));
      const extra = ours.filter((l) => !theirs.includes(l));
      compared++;
      if (run.mode === 'sync' && run.scheme === 'legacy') functions += new Set(items.filter((i) => i.fn).map((i) => i.fn!.symbol)).size;
      // What hover shows is what toolchains emit: sync functions in the sync runs, async ones in the callback run.
      for (const item of items) {
        const f = item.fn;
        if (!f || item.dir !== 'import' || item.name.startsWith('[task-return]')) continue;
        if (f.worldName !== undefined && f.worldName !== f.symbol.name) continue; // renamed by `include ... with`
        const wanted = f.async ? run.mode === 'async-callback' && run.scheme === 'legacy' : run.mode === 'sync';
        if (!wanted || annotatesAsync(version) && f.async) continue;
        hoverChecked++;
        const side = item.module.startsWith('[export]') ? 'export' : 'import';
        const lines = factLines(w.analysis, f, run.scheme).filter((l) => l.startsWith(side === 'import' ? 'import' : 'export'));
        for (const l of lines) if (!theirs.includes(l)) hoverWrong.push(`${w.caseName} ${run.scheme}/${run.mode}: hover shows ${l}`);
      }
      if (missing.length || extra.length) {
        worldOk = false;
        disagreements.push(`${w.caseName} ${w.world.qualified} ${run.scheme}/${run.mode}:\n  wasm-tools only: ${missing.slice(0, 4).join('\n    ')}\n  ours only: ${extra.slice(0, 4).join('\n    ')}`);
      }
    }
    if (worldOk) agreedWorlds++;
  }
  console.log(`canonical ABI vs wasm-tools ${version}: ${agreedWorlds}/${worlds.length} worlds agree in all ${RUNS.length} modes (${compared} modules compared, ${functions} functions); the rest are in ${unreadable.size} cases this wasm-tools cannot read; cases with errors of ours: ${skipped.length}`);
  if (unreadable.size) console.log(`  unreadable: ${[...unreadable].join('; ')}`);
  if (skipped.length) console.log(`  skipped: ${skipped.join('; ')}`);
  assert.deepEqual(toolErrors, [], 'wasm-tools makes a module of every world');
  assert.deepEqual(disagreements, []);
  console.log(`  hover/wit/canonicalAbi: ${hoverChecked - hoverWrong.length}/${hoverChecked} function crossings shown as wasm-tools makes them`);
  assert.deepEqual(hoverWrong.slice(0, 10), []);
});
