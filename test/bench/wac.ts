// The live WAC check's speed, measured from outside over LSP (the bundled dist/server.js, as
// the editor runs it, with the real wac): a document composing five components
// (test/fixtures/wac-five: adder, logger, calculator, greeter, app; 236 KB composed) is
// edited the way a person edits one, and each edit is timed from didChange to the
// diagnostics of that version. The pause the server waits for in typing (150 ms) is set to
// 1 ms here (WIT_WAC_DEBOUNCE_MS): what is timed is the check, not the pause.
// One round of the session, repeated:
//   rename   the export's alias changes (`as calculate-vN`): a new text, wac composes it
//   space    a blank line and indentation                  } the same tokens: the answer of
//   comment  a comment line is added                       } the text before, moved
//   typo     `...logger` becomes `...loggr`: wac reports the unknown name
//   fix      the typo undone: a text seen before
//   syntax   a `;` deleted: a parse error (from wac, or from the syntax tree where the
//            server answers syntax errors itself)
//   restore  the `;` back: a text seen before
// Beside each wall time, the CPU time an edit cost the server and the wac it ran (from
// /proc: the server's own and its reaped children's), the wall time of an unshared machine.
// Judged (the number): p95 over all edits ≤ 20 ms. The edits that run wac (rename,
// typo), the syntax errors and the edits answered from the cache are also shown apart.
// Run alone: node --import tsx test/bench/wac.ts (after npm run build).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient, repoRoot } from '../server/lspClient';
import { findLiveTool } from '../live';
import { percentile, type Row } from './core';

// As scripts/toolchainEnv.mjs does for the tests: the installed toolchain (wac) first on PATH.
const toolchainBin = path.join(process.env.WIT_DEVKIT_CACHE ?? path.join(os.homedir(), '.cache/wit-devkit'), 'bin');
if (!(process.env.PATH ?? '').split(path.delimiter).includes(toolchainBin)) {
  process.env.PATH = [toolchainBin, process.env.PATH].filter(Boolean).join(path.delimiter);
}

const BUDGET_MS = 20;
type Kind = 'rename' | 'space' | 'comment' | 'typo' | 'fix' | 'syntax' | 'restore';
/** The groups shown apart: the edits whose text is new (each a wac run), the syntax errors, the rest. */
const GROUPS: Array<{ name: string; kinds: readonly Kind[] }> = [
  { name: 'edits that run wac (rename, typo', kinds: ['rename', 'typo'] },
  { name: 'a deleted ; (syntax', kinds: ['syntax'] },
  { name: 'edits answered from the cache (space, comment, fix, restore', kinds: ['space', 'comment', 'fix', 'restore'] },
];

interface Edit {
  kind: Kind;
  text: string;
  /** Whether wac reports an error for it (the bench checks that the answers are right). */
  error: boolean;
}

/** The session: `rounds` rounds of the seven edits over five.wac. */
export function wacSession(base: string, rounds: number): Edit[] {
  const edits: Edit[] = [];
  let text = base;
  for (let r = 0; r < rounds; r++) {
    const renamed = text.replace(/as calculate(-v\d+)?;/, `as calculate-v${r + 1};`);
    edits.push({ kind: 'rename', text: renamed, error: false });
    const spaced = renamed.replace('\nlet greeter', `\n\n${'  '.repeat((r % 3) + 1)}let greeter`);
    edits.push({ kind: 'space', text: spaced, error: false });
    const commented = spaced.replace('\nexport calc', `\n// round ${r + 1}: the calculator's export\nexport calc`);
    edits.push({ kind: 'comment', text: commented, error: false });
    // (Each round's text has its own alias, so no answer is known for its typo or its missing `;`.)
    edits.push({ kind: 'typo', text: commented.replace('...logger', '...loggr'), error: true });
    edits.push({ kind: 'fix', text: commented, error: false });
    edits.push({ kind: 'syntax', text: commented.replace('{ ...greeter, ... };', '{ ...greeter, ... }'), error: true });
    edits.push({ kind: 'restore', text: commented, error: false });
    text = commented;
  }
  return edits;
}

/** CPU milliseconds used by process `pid` and its reaped children (Linux /proc; undefined elsewhere). */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: state is field 3, utime 14 ... cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return (ticks * 1000) / 100;
  } catch {
    return undefined;
  }
}

export async function benchWac(rounds = 20): Promise<Row[]> {
  if (!findLiveTool('wac')) return [{ name: 'WAC check: not measured', value: 'skipped: wac not on PATH', budget: '', ok: true }];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-bench-wac-'));
  fs.cpSync(path.join(repoRoot, 'test/fixtures/wac-five'), dir, { recursive: true, dereference: true });
  const file = path.join(dir, 'five.wac');
  const base = fs.readFileSync(file, 'utf8');
  // The server reads its debounce from its environment, which it inherits from here.
  const saved = process.env.WIT_WAC_DEBOUNCE_MS;
  process.env.WIT_WAC_DEBOUNCE_MS = '1';
  const client = new LspClient({ rootUri: pathToFileURL(dir).href });
  if (saved === undefined) delete process.env.WIT_WAC_DEBOUNCE_MS;
  else process.env.WIT_WAC_DEBOUNCE_MS = saved;
  try {
    await client.start();
    const uri = pathToFileURL(file).href;
    const opened = client.nextDiagnostics(uri, 1);
    const openStart = performance.now();
    client.open(file, base);
    const first = await opened;
    const openMs = performance.now() - openStart;
    if (first.length) throw new Error(`five.wac should compose; got ${JSON.stringify(first.map((d: any) => d.message))}`);

    const times = new Map<Kind, number[]>();
    const cpu = new Map<Kind, number>();
    const pid = (client as unknown as { proc: { pid: number } }).proc.pid;
    for (const edit of wacSession(base, rounds)) {
      const version = (client.versionOf(uri) ?? 1) + 1;
      const published = client.nextDiagnostics(uri, version);
      const cpuBefore = cpuMs(pid);
      const start = performance.now();
      client.change(uri, edit.text);
      const diagnostics = await published;
      const ms = performance.now() - start;
      const cpuAfter = cpuMs(pid);
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.set(edit.kind, (cpu.get(edit.kind) ?? 0) + cpuAfter - cpuBefore);
      const errors = diagnostics.filter((d: any) => d.severity === 1);
      if (errors.length !== (edit.error ? 1 : 0)) {
        throw new Error(
          `${edit.kind}: expected ${edit.error ? 'one error' : 'no error'}, got ${JSON.stringify(errors.map((d: any) => d.message))}`,
        );
      }
      times.set(edit.kind, [...(times.get(edit.kind) ?? []), ms]);
    }
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
    const all = sorted([...times.values()].flat());
    // CPU is read in 10 ms ticks: only its mean over many edits means something.
    const meanCpu = (kinds: readonly Kind[]) => {
      const n = kinds.reduce((sum, k) => sum + (times.get(k)?.length ?? 0), 0);
      return cpu.size ? `, CPU ${(kinds.reduce((sum, k) => sum + (cpu.get(k) ?? 0), 0) / n).toFixed(1)} ms/edit` : '';
    };
    const p = (list: number[], kinds: readonly Kind[]) =>
      `p50 ${percentile(list, 50).toFixed(1)} ms, p95 ${percentile(list, 95).toFixed(1)} ms${meanCpu(kinds)}`;
    const allKinds = [...times.keys()];
    const allP95 = percentile(all, 95);
    return [
      {
        name: 'WAC, five components: first check after didOpen (components hashed)',
        value: `${openMs.toFixed(1)} ms`,
        budget: '',
        ok: true,
      },
      {
        name: `WAC, five components: edit -> diagnostics, all edits (${all.length})`,
        value: p(all, allKinds),
        budget: `p95 ≤ ${BUDGET_MS} ms`,
        ok: allP95 <= BUDGET_MS,
      },
      ...GROUPS.map(({ name, kinds }) => {
        const list = sorted(kinds.flatMap((k) => times.get(k) ?? []));
        return { name: `WAC, five components: ${name}: ${list.length})`, value: p(list, kinds), budget: '', ok: true };
      }),
    ];
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchWac().then((rows) => {
    for (const r of rows) console.log(`${r.name}  ${r.value}  ${r.budget}${r.budget ? (r.ok ? '  ok' : '  OVER') : ''}`);
    if (rows.some((r) => r.budget && !r.ok)) process.exitCode = 1;
  });
}
