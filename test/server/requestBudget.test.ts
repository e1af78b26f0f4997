// The request budget over LSP: with a budget too small for the request, the
// server answers it with a "too large" error (not a hang, not a crash), and
// the next request is answered as usual. (5,000 items: big enough that formatting
// runs past 1 ms, small enough that the parse never meets its own 1 s budget on a
// loaded machine, which would leave an empty file with nothing to format.)
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { LspClient } from './lspClient';

let client: LspClient;

before(async () => {
  process.env.WIT_REQUEST_BUDGET_MS = '1';
  client = new LspClient();
  await client.start();
});

after(async () => {
  delete process.env.WIT_REQUEST_BUDGET_MS;
  await client.stop();
});

test('a request past its budget answers "too large"; the next one is answered', async () => {
  const uri = 'file:///virtual/budget/a.wit';
  const text = `package a:b;\n\ninterface i {\n${Array.from({ length: 5_000 }, (_, k) => `    type t${k} = list<u32>;`).join('\n')}\n}\n`;
  const diagnostics = client.nextDiagnostics(uri, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wit', version: 1, text } });
  await diagnostics;
  await assert.rejects(
    client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
    (e: Error) => /too large/.test(e.message),
  );
  await assert.rejects(client.request('wit/syntaxTree', { uri }), (e: Error) => /too large/.test(e.message));
  // An answer read from the analysis walks no tree: it fits any budget.
  const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.match(JSON.stringify(symbols), /"t4999"/);
});
