// The canonical ABI judged by wasm-tools: for every world of the corpus, the
// core module our core says the world's component wraps (every import and
// export, name and core signature) equals the dummy module wasm-tools makes,
// in both name schemes (legacy and standard32) and, for legacy, in the async
// modes too (`--async-callback`, `--async-stackful`). And what hover and
// `wit/canonicalAbi` show for each function is in that module.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { live } from '../live';
import { SHARED_WASM_TOOLS } from '../conformance/wasmTools';
import { coreModule, printItem, printSignature as sig, type ModuleOptions } from '../../server/src/core/abi/module';
import { typeIndexOf } from '../../server/src/core/abi/typeIndex';
import { abiFactsOf, type FunctionAbiFacts } from '../../server/src/core/abi/facts';
import { componentName, type AbiFunction } from '../../server/src/core/abi/functions';
import type { Analysis } from '../../server/src/core/model';
import type { NameScheme } from '../../server/src/core/abi/names';
import { corpusWorlds, type CorpusWorld } from './corpusCases';
import { dummyModule, isAsyncIntrinsic, moduleLines, toolVersion, type DummyMode } from './wasmToolsJudge';

const minorOf = (version: string) => Number(version.split('.')[1]);

/**
 * How a wasm-tools release builds its dummy module, as our module options.
 * - 1.239 (wit-parser before the component model dropped the annotation) names
 *   async functions `[async]f`, `[async method]r.m`; newer releases plainly.
 * - 1.239's async modes lower and lift every function async; 1.263's only the
 *   async ones (what bindings generators do), the rest stay sync.
 */
function optionsFor(version: string, scheme: NameScheme, mode: DummyMode): ModuleOptions {
  const old = minorOf(version) <= 239;
  return {
    scheme,
    asyncAnnotation: old,
    crossing: mode === 'sync' ? 'sync' : old ? 'async' : 'natural',
    lift: mode === 'async-stackful' ? 'stackful' : 'callback',
  };
}

/**
 * Lines of the tool's module that are its release's own behaviour, not the ABI,
 * each with why; they are left out of the comparison (and counted).
 */
function knownDifference(version: string, mode: DummyMode, line: string, sync: Set<string>): string | undefined {
  // 1.263's async dummy imports task.return for sync exports too; a sync lift never calls it.
  const m = /^import "\[export\][^"]*" "\[task-return\](.*)" /.exec(line);
  if (m && mode !== 'sync' && minorOf(version) > 239 && sync.has(m[1])) return 'task.return of a sync export';
  return undefined;
}

/** 1.239 kept a resource's method names when `include ... with` renamed the resource (newer releases rename them). */
function knownCase(version: string, w: CorpusWorld): string | undefined {
  if (minorOf(version) <= 239 && w.caseName === 'wit-parser-ui/with-resource-as.wit' && w.world.name === 'b')
    return 'methods of a renamed resource';
  return undefined;
}

/** The world as wasm-tools' `-w` takes it: by name in the case's one package, else qualified. */
function worldSpecifier(w: CorpusWorld): string {
  return w.analysis.packages.filter((p) => !p.isDependency).length === 1 ? w.world.name : w.world.qualified;
}

/** What hover and `wit/canonicalAbi` show for a function, as module lines of one side. */
function factLines(analysis: Analysis, f: AbiFunction, scheme: NameScheme, side: 'import' | 'export'): string[] {
  const facts = abiFactsOf(analysis, f.symbol, { scheme }) as FunctionAbiFacts;
  if (side === 'import') return [`import ${JSON.stringify(facts.import.module)} ${JSON.stringify(facts.import.name)} ${sig(facts.lower)}`];
  const out = [`export ${JSON.stringify(facts.export.name)} ${sig(facts.lift)}`];
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

// The wasm-tools on PATH (the toolchain's newest first), and the shared 1.239 beside it when that is another one.
test("every world of the corpus: our core module equals wasm-tools' dummy module, names and signatures", async (t) => {
  const tools = live(t, ['wasm-tools']);
  if (!tools) return;
  const found = [tools['wasm-tools'], ...(fs.existsSync(SHARED_WASM_TOOLS) ? [SHARED_WASM_TOOLS] : [])];
  const byVersion = new Map(found.map((tool) => [toolVersion(tool), tool] as const));
  const { worlds, skipped } = await corpusWorlds();
  for (const [version, tool] of byVersion) await t.test(`wasm-tools ${version}`, () => judge(tool, version, worlds, skipped));
});

function judge(tool: string, version: string, worlds: CorpusWorld[], skipped: string[]): void {
  assert.ok(worlds.length > 50, `the corpus has its worlds (${worlds.length})`);
  const disagreements: string[] = [],
    toolErrors: string[] = [],
    hoverWrong: string[] = [];
  const unreadable = new Set<string>(),
    knownCases = new Set<string>();
  const known = new Map<string, number>();
  let compared = 0,
    functions = 0,
    agreedWorlds = 0,
    hoverChecked = 0;
  for (const w of worlds) {
    const index = typeIndexOf(w.analysis);
    const caseKnown = knownCase(version, w);
    if (caseKnown) {
      knownCases.add(`${w.caseName} ${w.world.name} (${caseKnown})`);
      continue;
    }
    let worldOk = true;
    for (const run of RUNS) {
      const dummy = dummyModule(tool, w.dir, worldSpecifier(w), run.scheme, run.mode);
      if ('error' in dummy) {
        // A case this release cannot read (1.239: maps, some gates) is not judged by it.
        if (/failed to (resolve directory|parse)/.test(dummy.error)) {
          unreadable.add(w.caseName);
          worldOk = false;
          break;
        }
        toolErrors.push(`${w.caseName} ${w.world.qualified} ${run.scheme}/${run.mode}: ${dummy.error}`);
        worldOk = false;
        continue;
      }
      const opts = optionsFor(version, run.scheme, run.mode);
      const items = coreModule(index, w.world, opts);
      const syncExports = new Set(items.filter((i) => i.fn && !i.fn.async && i.dir === 'export').map((i) => componentName(i.fn!, opts)));
      const theirs = moduleLines(dummy.wat)
        .filter((l) => {
          if (run.mode !== 'sync' && isAsyncIntrinsic(l)) return false;
          const why = knownDifference(version, run.mode, l, syncExports);
          if (why) known.set(why, (known.get(why) ?? 0) + 1);
          return !why;
        })
        .sort();
      const ours = items.map(printItem).sort();
      const missing = theirs.filter((l) => !ours.includes(l));
      const extra = ours.filter((l) => !theirs.includes(l));
      compared++;
      if (run.mode === 'sync' && run.scheme === 'legacy') functions += new Set(items.filter((i) => i.fn).map((i) => i.fn!.symbol)).size;
      if (missing.length || extra.length) {
        worldOk = false;
        disagreements.push(
          `${w.caseName} ${w.world.qualified} ${run.scheme}/${run.mode}:\n  wasm-tools only: ${missing.slice(0, 4).join('\n    ')}\n  ours only: ${extra.slice(0, 4).join('\n    ')}`,
        );
      }
      // Hover shows what toolchains emit: a sync function as the sync runs make it, an async one
      // as the callback run does (only where that run crosses it alone: newer releases).
      for (const item of items) {
        const f = item.fn;
        if (!f || item.name.startsWith('[task-return]') || item.name.startsWith('cabi_post_') || item.name.endsWith('_post')) continue;
        if (f.worldName !== undefined && f.worldName !== componentName({ ...f, worldName: undefined })) continue; // renamed by `include ... with`
        const shown = f.async ? run.mode === 'async-callback' && opts.crossing === 'natural' && !opts.asyncAnnotation : run.mode === 'sync';
        if (!shown || item.name.startsWith('[callback]')) continue;
        hoverChecked++;
        for (const l of factLines(w.analysis, f, run.scheme, item.dir)) {
          if (!theirs.includes(l)) hoverWrong.push(`${w.caseName} ${run.scheme}/${run.mode}: hover shows ${l}`);
        }
      }
    }
    if (worldOk) agreedWorlds++;
  }
  const judged = worlds.length - knownCases.size;
  console.log(
    `canonical ABI vs wasm-tools ${version}: ${agreedWorlds}/${judged} worlds agree in all ${RUNS.length} modes (${compared} modules compared, ${functions} functions); ` +
      `unreadable by this release: ${unreadable.size} cases; cases with errors of ours: ${skipped.length}`,
  );
  if (unreadable.size) console.log(`  unreadable: ${[...unreadable].join('; ')}`);
  if (knownCases.size) console.log(`  known differences of this release: ${[...knownCases].join('; ')}`);
  for (const [why, n] of known) console.log(`  left out: ${n} lines (${why})`);
  if (skipped.length) console.log(`  skipped: ${skipped.join('; ')}`);
  console.log(
    `  hover and wit/canonicalAbi: ${hoverChecked - hoverWrong.length}/${hoverChecked} function crossings shown as wasm-tools makes them`,
  );
  assert.deepEqual(toolErrors, [], 'wasm-tools makes a module of every world');
  assert.deepEqual(disagreements.slice(0, 8), []);
  assert.deepEqual(hoverWrong.slice(0, 10), []);
}
