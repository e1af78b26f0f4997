// `wit/canonicalAbi`, hover's ABI section and the spill hint over LSP: the
// bundled server (dist/server.js) over stdio, as an editor other than VS Code sees it.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../server/lspClient';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-devkit-abi-lsp-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const SRC = `package demo:app@0.3.1;

interface api {
    record pair { a: u64, b: string }
    get: func(key: string) -> option<pair>;
    wide: func(a: pair, b: pair, c: pair, d: pair, e: pair, f: pair);
}
`;

async function server(settings: Record<string, unknown>) {
  const client = new LspClient({ settings: { canonicalAbi: settings } });
  // Open only once the server has the settings: its first publish then honours them.
  const answered = client.configurationAnswered();
  await client.start();
  await answered;
  const file = path.join(dir, 'main.wit');
  fs.writeFileSync(file, SRC);
  const uri = client.open(file);
  return { client, uri, diagnostics: client.nextDiagnostics(uri) };
}

const at = (needle: string) => {
  const i = SRC.indexOf(needle);
  const before = SRC.slice(0, i);
  return { line: before.split('\n').length - 1, character: i - before.lastIndexOf('\n') - 1 };
};

test('wit/canonicalAbi answers a function, a type and nothing; hover shows the same', async () => {
  const { client, uri } = await server({});
  try {
    const fn = await client.request('wit/canonicalAbi', { textDocument: { uri }, position: at('get:') });
    assert.equal(fn.coreName, 'get');
    assert.deepEqual(fn.lower, { params: ['i32', 'i32', 'i32'], results: [] });
    assert.deepEqual(fn.lift, { params: ['i32', 'i32'], results: ['i32'] });
    assert.equal(fn.import.module, 'demo:app/api@0.3.1');
    const std = await client.request('wit/canonicalAbi', { textDocument: { uri }, position: at('get:'), scheme: 'standard32' });
    assert.equal(std.import.module, 'cm32p2|demo:app/api@0.3');
    const ty = await client.request('wit/canonicalAbi', { textDocument: { uri }, position: at('pair {') });
    assert.deepEqual([ty.size, ty.align, ty.flat], [16, 8, ['i64', 'i32', 'i32']]);
    assert.equal(await client.request('wit/canonicalAbi', { textDocument: { uri }, position: { line: 1, character: 0 } }), null);
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: at('get:') });
    assert.match(h.contents.value, /\(import "demo:app\/api@0\.3\.1" "get"\)/);
  } finally {
    await client.stop();
  }
});

test('the spill hint is published only when wit.canonicalAbi.spillHints is on', async () => {
  const off = await server({});
  try {
    assert.ok(!(await off.diagnostics).some((d) => d.code === 'abi-param-spill'));
  } finally {
    await off.client.stop();
  }
  const on = await server({ spillHints: true });
  try {
    const list = await on.diagnostics;
    const hint = list.find((d) => d.code === 'abi-param-spill');
    assert.ok(hint, 'a spill hint');
    assert.equal(hint.severity, 3);
    assert.match(hint.message, /`wide` flatten to 18 core values/);
  } finally {
    await on.client.stop();
  }
});
