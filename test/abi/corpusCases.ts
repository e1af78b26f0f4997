// The worlds of the shared corpus the canonical ABI is judged on: WASI 0.2
// http, each WASI 0.3 package, and every passing wit-parser case (copied alone
// into a scratch folder, as a user opens it: siblings must not join its package).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToUri } from '../../server/src/core/workspace';
import { nodeHost } from '../../server/src/nodeHost';
import type { Analysis, WorldModel } from '../../server/src/core/model';
import { corpusRoot, serviceOver, witFilesUnder } from '../core/helpers';

export interface CorpusWorld {
  /** `wasi-0.3/http`, `wit-parser-ui/async.wit` ... */
  caseName: string;
  /** The folder wasm-tools reads (the case's package and its deps/). */
  dir: string;
  analysis: Analysis;
  world: WorldModel;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-devkit-abi-cases-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));

function caseDirs(): Array<{ name: string; dir: string }> {
  const out = [{ name: 'wasi-0.2-http', dir: path.join(corpusRoot, 'wasi-0.2-http') }];
  const wasi3 = path.join(corpusRoot, 'wasi-0.3');
  for (const n of fs.readdirSync(wasi3).sort()) out.push({ name: `wasi-0.3/${n}`, dir: path.join(wasi3, n) });
  const ui = path.join(corpusRoot, 'wit-parser-ui');
  for (const n of fs.readdirSync(ui).sort()) {
    const from = path.join(ui, n);
    if (n === 'parse-fail') continue;
    const isDir = fs.statSync(from).isDirectory();
    if (!isDir && !n.endsWith('.wit')) continue;
    const dir = path.join(scratch, n.replace(/\./g, '_'));
    if (isDir) fs.cpSync(from, dir, { recursive: true });
    else {
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(from, path.join(dir, n));
    }
    out.push({ name: `wit-parser-ui/${n}`, dir });
  }
  return out;
}

/** Every world of every case's own packages (not its deps'), from cases our core reads without errors. */
export async function corpusWorlds(): Promise<{ worlds: CorpusWorld[]; skipped: string[] }> {
  const worlds: CorpusWorld[] = [];
  const skipped: string[] = [];
  for (const c of caseDirs()) {
    const files = witFilesUnder(c.dir);
    const root = files.find((f) => path.dirname(f) === c.dir) ?? files[0];
    if (!root) continue;
    const service = await serviceOver(nodeHost);
    const analysis = service.analysis(pathToUri(root));
    const errors = [...analysis.diagnostics.values()].flat().filter((d) => d.severity === 1);
    if (errors.length) {
      skipped.push(`${c.name}: ${errors[0].message}`);
      continue;
    }
    for (const pkg of analysis.packages) {
      if (pkg.isDependency) continue;
      for (const world of pkg.worlds) worlds.push({ caseName: c.name, dir: c.dir, analysis, world });
    }
  }
  return { worlds, skipped };
}
