// The editor gets at most 1,000 diagnostics per file, the first ones in the
// file, and one more saying how many were left out (a fuzz mutant once had 74,000).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

test('a file with 3,000 problems publishes the first 1,000 and says how many more there are', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-cap-'));
  const file = path.join(dir, 'a.wit');
  const lines = Array.from({ length: 1500 }, () => '  f: func(x: nope);');
  fs.writeFileSync(file, `package a:b;\n\ninterface i {\n${lines.join('\n')}\n}\n`);
  const client = new LspClient({ rootUri: pathToFileURL(dir).href });
  try {
    await client.start();
    const uri = pathToFileURL(file).href;
    const published = client.nextDiagnostics(uri, 1);
    client.open(file);
    const diagnostics = await published;
    assert.equal(diagnostics.length, 1001);
    const last = diagnostics[1000];
    assert.equal(last.severity, 3);
    assert.match(last.message, /^\d+ more problems in this file are not shown \(the first 1000 are\)$/);
    // The first ones in the file: line 3 (0-based), the first function, onwards.
    assert.equal(diagnostics[0].range.start.line, 3);
    assert.ok(diagnostics.slice(0, 1000).every((d: { range: { start: { line: number } } }) => d.range.start.line <= last.range.start.line));
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
