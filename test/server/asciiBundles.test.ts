// The build's ASCII guard (scripts/build/asciiBundles.mjs): the bundles as built
// pass it, and a non-ASCII character is reported at its file, line and column.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './lspClient';

type Guard = { assertAsciiBundles(files: string[]): void };
const guard = (): Promise<Guard> => import(path.join(repoRoot, 'scripts', 'build', 'asciiBundles.mjs')) as Promise<Guard>;

test('the built server, command line and extension bundles are ASCII', async () => {
  const { assertAsciiBundles } = await guard();
  assertAsciiBundles(['server.js', 'cli.js', 'extension.js'].map((f) => path.join(repoRoot, 'dist', f)));
});

test('a non-ASCII character in a regular expression is named at its line and column', async () => {
  const { assertAsciiBundles } = await guard();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ascii-guard-'));
  const file = path.join(dir, 'bundle.js');
  fs.writeFileSync(file, 'var ok = "\\u2502";\nvar MESSAGE = /^\\s*\u00d7 (.*)$/;\n');
  try {
    assert.throws(
      () => assertAsciiBundles([file]),
      (e: Error) => e.message.includes(`${file}:2:20:`),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
