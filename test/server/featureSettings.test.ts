// `wit.format.enable` and `wit.inlayHints.enable` switch their features off
// (and back on) without a restart.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { LspClient } from './lspClient';

const SRC = 'package demo:app;\n\nworld w {\n    import wasi:clocks/wall-clock;\n}\ninterface   i{f:func();}\n';
const DEP = 'package wasi:clocks@0.2.0;\n\ninterface wall-clock {\n    now: func() -> u64;\n}\n';

test('format and inlay hints follow their settings', async () => {
  const client = new LspClient({ settings: { format: { enable: false }, inlayHints: { enable: false } } });
  // A package on disk: the server finds deps/ by listing folders.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-settings-'));
  try {
    const configured = client.configurationAnswered();
    await client.start();
    await configured;
    fs.mkdirSync(path.join(root, 'deps', 'clocks'), { recursive: true });
    fs.writeFileSync(path.join(root, 'main.wit'), SRC);
    fs.writeFileSync(path.join(root, 'deps', 'clocks', 'wall.wit'), DEP);
    const uri = client.open(path.join(root, 'main.wit'));
    const format = () => client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    const hints = () => client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
    assert.deepEqual(await format(), []);
    assert.deepEqual(await hints(), []);

    const reconfigured = client.configurationAnswered();
    client.settings = { format: { enable: true }, inlayHints: { enable: true } };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    await reconfigured;
    assert.ok((await format()).length > 0, 'formatting stayed off after it was enabled');
    assert.deepEqual((await hints()).map((h: any) => h.label), ['@0.2.0']);
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
