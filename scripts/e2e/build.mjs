// Compiles the extension-host tests to out/test/e2e: the mocha entry (index.ts)
// and every test/e2e/suite/*.test.ts, each bundled on its own. `vscode` is given
// by the extension host and mocha is loaded from node_modules at run time.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const suite = readdirSync('test/e2e/suite')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/e2e/suite/${f}`);
rmSync('out/test/e2e', { recursive: true, force: true });
await build({
  entryPoints: ['test/e2e/index.ts', ...suite],
  outbase: 'test/e2e',
  outdir: 'out/test/e2e',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`built ${suite.length} e2e suite file(s) into out/test/e2e`);
