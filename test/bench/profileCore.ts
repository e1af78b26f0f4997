// Where the time of one keystroke goes, inside the core (no LSP): the 5,000-line
// bench file opened, then 1-char edits at its end, each followed by diagnostics.
// Run: node --import tsx test/bench/profileCore.ts [--cpu-prof]
import * as path from 'node:path';
import { createWitLanguageService } from '../../server/src/core/index';
import { pathToUri } from '../../server/src/core/workspace';
import { generatePackage } from './features';

async function main() {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const text = generatePackage(5000);
  const file = path.resolve('/bench/big.wit');
  const service = await createWitLanguageService(
    { readFile: (p) => (p === file ? text : undefined), readDirectory: () => [] },
    { wasmDir: path.join(repoRoot, 'dist') },
  );
  const uri = pathToUri(file);
  let t = performance.now();
  service.openDocument(uri, text, 1);
  const opened = performance.now() - t;
  service.diagnostics(uri);
  console.log(`open ${opened.toFixed(1)} ms, first diagnostics ${(performance.now() - t).toFixed(1)} ms`);
  let current = text;
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const lines = current.split('\n');
    const line = lines.length - 1;
    const character = lines[line].length;
    const insert = i % 2 ? ' ' : '/';
    current += insert;
    t = performance.now();
    service.changeDocument(uri, [{ range: { start: { line, character }, end: { line, character } }, text: insert }], i + 2);
    service.diagnostics(uri);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`edit p50 ${times[150].toFixed(2)} ms p95 ${times[285].toFixed(2)} ms`);
  console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
void main();
