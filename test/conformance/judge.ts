// Judges our core against a real wasm-tools on every wit-parser UI case
// (see uiJudge.ts) and lists every disagreement.
//
//   node --import tsx test/conformance/judge.ts [--wasm-tools PATH|newest|shared] [--only NAME] [--json FILE]
//
// Default tool: $WIT_WASM_TOOLS, else the shared 1.239 wrapper; `newest` is the
// toolchain's ($WIT_DEVKIT_CACHE/bin/wasm-tools). Needs dist/ (npm run build).
// Exits 1 when a disagreement is not a known difference of that version.
import * as fs from 'node:fs';
import { chooseWasmTools } from './wasmTools';
import { describe, judgeUiCases, tally, uiCases } from './uiJudge';

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const tool = chooseWasmTools(args);
  const only = opt('only');
  const cases = uiCases().filter((c) => !only || c.name.includes(only));
  const started = Date.now();
  const results = await judgeUiCases(tool, cases);
  for (const r of results) if (r.grade !== 'agree') console.log(describe(r));
  const t = tally(results);
  const grades = Object.entries(t.byGrade)
    .filter(([g]) => g !== 'agree')
    .map(([g, n]) => `${g} ${n}`)
    .join(', ');
  const json = opt('json');
  if (json) fs.writeFileSync(json, JSON.stringify({ tool, ...t, results: results.filter((r) => r.grade !== 'agree') }, null, 2));
  console.log(
    `\nwasm-tools ${tool.version} (${tool.path}): ${t.cases} cases, ${t.agree} agree, ${t.known} known differences, ${t.disagree} disagree${grades ? ` (${grades})` : ''}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exit(t.disagree ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
