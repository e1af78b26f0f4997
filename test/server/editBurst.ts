// A burst of single-character edits of WASI 0.3 http's types.wit over LSP,
// against the bundled server: what a user holding a key (or a macro) sends.
// Used by test/server/editBurst.test.ts and the bench.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, corpusRoot } from './lspClient';

const dir = path.join(corpusRoot, 'wasi-0.3', 'http');
const file = path.join(dir, 'types.wit');

export async function editBurst(gapMs: number, edits = 114) {
  const client = new LspClient({ rootUri: pathToFileURL(dir).href });
  await client.start();
  try {
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    const first = client.nextDiagnostics(uri, 1);
    client.open(file, text);
    assert.deepEqual(await first, [], 'types.wit is clean');
    const versions: number[] = [];
    let lastAt = 0;
    client.on('textDocument/publishDiagnostics', (p) => {
      if (p.uri !== uri) return;
      versions.push(p.version);
      lastAt = performance.now();
    });
    // Typing a doc comment inside `interface types` (before `variant method`):
    // every version is valid WIT and changes an item, so each is a real
    // re-analysis of the package; one last edit then breaks it.
    const line = text.split('\n').findIndex((l) => l.includes('This type corresponds to HTTP standard Methods'));
    assert.ok(line > 0, 'the doc comment of `variant method` is where it was');
    let character = 0;
    const send = (version: number, insert: string) => {
      client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: insert }],
      });
      character += insert.length;
    };
    send(2, '  /// ');
    for (let v = 3; v < edits + 1; v++) {
      if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      send(v, 'x');
    }
    const final = client.nextDiagnostics(uri, edits + 1);
    send(edits + 1, '\nnope');
    const sentAt = performance.now();
    const diagnostics = await final;
    return { versions, diagnostics, lastAfterMs: lastAt - sentAt, edits };
  } finally {
    await client.stop();
  }
}
