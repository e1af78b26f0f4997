// Extension activation, measured where it happens: in a real VS Code's extension
// host (code-server, see scripts/e2e). Runs the activation e2e suite and reads
// the timing line it prints (`activation: activate() X ms, server ready Y ms`).
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Row } from './core';

const repoRoot = path.resolve(__dirname, '..', '..');

export async function benchActivation(): Promise<Row[]> {
  const run = promisify(execFile);
  await run('node', ['scripts/e2e/build.mjs'], { cwd: repoRoot });
  const { stdout } = await run('node', ['scripts/e2e/run.mjs', '--grep', 'activation'], {
    cwd: repoRoot,
    timeout: 300_000,
    maxBuffer: 16 << 20,
  });
  const m = /activation: activate\(\) ([\d.]+) ms, server ready ([\d.]+) ms/.exec(stdout);
  if (!m) throw new Error('the activation suite printed no timing line');
  const activate = Number(m[1]);
  return [
    { name: 'extension activate() in the extension host', value: `${activate.toFixed(1)} ms`, budget: '≤ 50 ms', ok: activate <= 50 },
    { name: 'language server ready after activation', value: `${Number(m[2]).toFixed(0)} ms`, budget: '', ok: true },
  ];
}
