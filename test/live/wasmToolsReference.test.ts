// Our diagnostics judged by a real wasm-tools, not only by the corpus's fixed
// expectations (npm run test:conformance): the newest wasm-tools (the pinned
// toolchain's, first on PATH) on every wit-parser UI case and on a fixed set of
// mutants of the corpus, and the shared 1.239 wrapper on the UI cases. A
// disagreement fails unless known.ts lists it for that version.
// Needs dist/ (npm run build) for the grammar.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { live } from '../live';
import { SHARED_WASM_TOOLS, wasmToolsVersion, type WasmTools } from '../conformance/wasmTools';
import { describe, judgeUiCases, tally } from '../conformance/uiJudge';
import { runDifferential } from '../conformance/differential';

function judged(tool: WasmTools, results: Awaited<ReturnType<typeof judgeUiCases>>): string[] {
  const t = tally(results);
  console.log(`wasm-tools ${tool.version}: ${t.cases} UI cases, ${t.agree} agree, ${t.known} known differences, ${t.disagree} disagree`);
  for (const r of results) if (r.known) console.log(`  ${r.known}: ${r.case.name}`);
  return results.filter((r) => r.grade !== 'agree' && !r.known).map(describe);
}

test('the newest wasm-tools agrees with us on every wit-parser UI case', { timeout: 120_000 }, async (t) => {
  const tools = live(t, ['wasm-tools']);
  if (!tools) return;
  const tool = { path: tools['wasm-tools'], version: wasmToolsVersion(tools['wasm-tools']) };
  assert.deepEqual(judged(tool, await judgeUiCases(tool)), []);
});

test('the newest wasm-tools agrees with us on mutants of the corpus', { timeout: 120_000 }, async (t) => {
  const tools = live(t, ['wasm-tools']);
  if (!tools) return;
  const tool = { path: tools['wasm-tools'], version: wasmToolsVersion(tools['wasm-tools']) };
  const scratch = mkdtempSync(path.join(tmpdir(), 'wit-diff-live-'));
  try {
    // A fixed seed: the same mutants every run, so a failure replays with
    // `node --import tsx test/conformance/diff.ts --wasm-tools newest --seed 7 --count 150`.
    const res = await runDifferential({
      tool,
      count: 150,
      seed: 7,
      timeMs: 60_000,
      workDir: path.join(scratch, 'work'),
      outDir: path.join(scratch, 'out'),
    });
    console.log(
      `wasm-tools ${tool.version}: ${res.total} mutants, ${res.agree} agree, ${res.known} known differences, ${res.disagree} disagree (${res.usable}/${res.cases} cases usable)`,
    );
    assert.ok(res.total >= 100, `only ${res.total} mutants were tried`);
    const unknown = res.disagreements
      .filter((d) => !d.known)
      .map((d) => `#${d.n} ${d.case}: ${d.mutation}\n    wasm-tools: ${d.tool}\n    ours: ${d.ours.slice(0, 3).join(' | ') || '(none)'}`);
    assert.deepEqual(unknown, []);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

// The shared wrapper downloads Debian's build on its first call; a machine that
// never fetched it skips (with the reason) rather than going to the network.
const sharedFetched = () =>
  existsSync(path.join(process.env.WASM_TOOLS_CACHE ?? path.join(homedir(), '.cache/wasm-tools-sid'), 'root/usr/bin/wasm-tools'))
    ? undefined
    : { tool: 'wasm-tools-1.239', why: `not fetched yet (run ${SHARED_WASM_TOOLS} --version once)` };

test('wasm-tools 1.239 agrees with us on every wit-parser UI case, but for its known differences', { timeout: 120_000 }, async (t) => {
  const tools = live(t, [], [sharedFetched]);
  if (!tools) return;
  const tool = { path: SHARED_WASM_TOOLS, version: wasmToolsVersion(SHARED_WASM_TOOLS) };
  assert.deepEqual(judged(tool, await judgeUiCases(tool)), []);
});
