// A generated workspace of many packages over LSP (the bundled server, as any
// editor runs it): every package opened, the time until all have diagnostics,
// one-character edits of one file to the diagnostics of that version, and the
// server's resident memory, at 5,000, 20,000 and 50,000 lines (50 packages of
// 1,000 lines for the largest) to show how each grows.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../server/lspClient';
import { generatePackage } from './features';
import { percentile, rssMb, timeEdits, type Row } from './core';

/** `packages` folders of `linesEach` lines, each its own package (`bench:pN`). */
function generateWorkspace(packages: number, linesEach: number): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-bench-ws-'));
  const files: string[] = [];
  for (let p = 0; p < packages; p++) {
    const file = path.join(dir, `p${p}`, 'api.wit');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, generatePackage(linesEach).replace('package bench:big@1.0.0;', `package bench:p${p}@1.0.0;`));
    files.push(file);
  }
  return { dir, files };
}

async function measure(packages: number, linesEach: number, edits = 60) {
  const { dir, files } = generateWorkspace(packages, linesEach);
  const client = new LspClient({ rootUri: pathToFileURL(dir).href, workspaceFolders: [dir] });
  try {
    await client.start();
    const uris = files.map((f) => pathToFileURL(f).href);
    const all = Promise.all(uris.map((u) => client.nextDiagnostics(u, 1)));
    const start = performance.now();
    for (const f of files) client.open(f);
    await all;
    const openMs = performance.now() - start;
    // Edits at the end of the middle package.
    const file = files[Math.floor(files.length / 2)];
    const uri = pathToFileURL(file).href;
    const times = await timeEdits(client, uri, fs.readFileSync(file, 'utf8'), edits);
    await new Promise((r) => setTimeout(r, 1000));
    const rss = rssMb((client as unknown as { proc: { pid: number } }).proc.pid);
    return { openMs, editP95: percentile(times, 95), rss };
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchWorkspace(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [packages, linesEach] of [
    [5, 1000],
    [20, 1000],
    [50, 1000],
  ] as const) {
    const r = await measure(packages, linesEach);
    const lines = `${((packages * linesEach) / 1000).toFixed(0)}k lines, ${packages} packages`;
    const largest = packages === 50;
    rows.push(
      {
        name: `workspace ${lines}: open all -> all diagnostics`,
        value: `${r.openMs.toFixed(0)} ms`,
        budget: largest ? '≤ 2000 ms' : '',
        ok: !largest || r.openMs <= 2000,
      },
      {
        name: `workspace ${lines}: 1-char edit -> diagnostics, p95`,
        value: `${r.editP95.toFixed(1)} ms`,
        budget: largest ? '≤ 10 ms' : '',
        ok: !largest || r.editP95 <= 10,
      },
      {
        name: `workspace ${lines}: server resident memory`,
        value: `${r.rss.toFixed(0)} MB`,
        budget: largest ? '≤ 150 MB' : '',
        ok: !largest || r.rss <= 150,
      },
    );
  }
  return rows;
}

if (require.main === module) {
  void benchWorkspace().then((rows) => {
    for (const r of rows) console.log(`${r.name}: ${r.value}${r.budget ? ` (${r.budget}${r.ok ? ', ok' : ', OVER'})` : ''}`);
  });
}
