// The bundled server copies the text into the parser natively
// (scripts/build/parseInputCopy.mjs); the source build uses web-tree-sitter as
// published. Both must see the same text: the same syntax tree and the same
// diagnostics, on a file of many 5,119-character chunks with characters outside
// the BMP (two code units each) and a lone surrogate, before and after an
// incremental edit in the middle (which reads chunks from the middle again).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, repoRoot } from './lspClient';
import { createWitLanguageService } from '../../server/src/core/index';
import { generatePackage } from '../bench/features';

test('the bundled parser reads the same text as web-tree-sitter as published', async () => {
  const lines = generatePackage(2000).split('\n');
  // Outside the BMP and a lone surrogate in comments and in code, then an invalid
  // character after them (a diagnostic whose column counts code units).
  const at = lines.findIndex((l, i) => i > 300 && l.startsWith('interface '));
  lines.splice(at + 1, 0, '  // 🏷️ labels ☃ \ud800 end', '  /* 𝄞𝄞 */ § ', '  na\ud800me: func();', '  🏷️x: func();');
  const text = lines.join('\n');
  assert.ok(text.length > 6 * 5119);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-parse-input-'));
  const file = path.join(dir, 'big.wit');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const service = await createWitLanguageService(
    { readFile: (p) => (p === file ? text : undefined), readDirectory: () => [] },
    { wasmDir: path.join(repoRoot, 'dist') },
  );
  const client = new LspClient({ rootUri: pathToFileURL(dir).href });
  try {
    await client.start();
    const published = client.nextDiagnostics(uri, 1);
    client.open(file, text);
    service.openDocument(uri, text, 1);
    const first = (await published) as { range: unknown; message: string }[];
    assert.ok(first.length > 0, 'the invalid character is reported');
    assert.deepEqual(
      first.map((d) => [d.range, d.message]),
      service
        .diagnostics(uri)
        .get(uri)!
        .map((d) => [JSON.parse(JSON.stringify(d.range)), d.message]),
    );
    assert.equal(await client.request('wit/syntaxTree', { uri }), service.syntaxTree(uri));

    const at = { line: 900, character: 0 };
    const change = { range: { start: at, end: at }, text: 'interface added { f: func(); }\n' };
    const republished = client.nextDiagnostics(uri, 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
    service.changeDocument(uri, [change], 2);
    await republished;
    const tree = service.syntaxTree(uri);
    assert.match(tree, /added/);
    assert.equal(await client.request('wit/syntaxTree', { uri }), tree);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
