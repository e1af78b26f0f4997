// Differential tester: mutates the WASI packages and wit-parser's passing cases
// one small edit at a time, asks wasm-tools (wit-parser) and our core, and
// prints where they disagree (the run itself is in differential.ts).
//
//   node --import tsx test/conformance/diff.ts [--count 600] [--seed 1] [--time 300]
//        [--only NAME] [--mutation KIND] [--verbose] [--wasm-tools PATH|newest|shared]
//
// The wasm-tools judged against: --wasm-tools, else $WIT_WASM_TOOLS, else the
// shared 1.239 wrapper (`newest`: the toolchain's, see wasmTools.ts).
// Needs dist/ (npm run build) for the grammar. Disagreeing mutants are saved
// under /tmp/witdiff/out-<seed>-<version>/<n>/ with an info.txt.
import { chooseWasmTools } from './wasmTools';
import { runDifferential } from './differential';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};

async function main() {
  const tool = chooseWasmTools(args);
  const seed = Number(opt('seed', '1'));
  // Per seed and tool, so that runs with different seeds or tools at once do not share files.
  const res = await runDifferential({
    tool,
    count: Number(opt('count', '600')),
    seed,
    timeMs: Number(opt('time', '300')) * 1000,
    only: opt('only', '') || undefined,
    mutation: opt('mutation', '') || undefined,
    workDir: `/tmp/witdiff/work-${seed}-${tool.version}`,
    outDir: `/tmp/witdiff/out-${seed}-${tool.version}`,
    log: (l) => console.log(l),
  });
  const byKind = new Map<string, string[]>();
  for (const d of res.disagreements) {
    const key = `${d.kind} / ${d.mutation.split(':')[0]}`;
    if (!byKind.has(key)) byKind.set(key, []);
    byKind
      .get(key)!
      .push(
        `#${d.n} ${d.case}: ${d.mutation}\n      wasm-tools: ${d.tool}\n      ours: ${d.ours.slice(0, 3).join(' | ') || '(none)'}${d.known ? `\n      ${d.known}` : ''}`,
      );
  }
  for (const [key, list] of [...byKind].sort()) {
    console.log(`\n== ${key} (${list.length})`);
    for (const l of args.includes('--verbose') ? list : list.slice(0, 5)) console.log(`  ${l}`);
  }
  const pct = res.total ? ((100 * res.agree) / res.total).toFixed(1) : '0';
  console.log(
    `\nwasm-tools ${tool.version} (${tool.path}): ${res.total} mutants, ${res.agree} agree (${pct}%), ${res.disagree} disagree, ${res.known} known differences of ${tool.version}; seed ${seed}; ${res.usable}/${res.cases} cases usable; saved under /tmp/witdiff/out-${seed}-${tool.version}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
