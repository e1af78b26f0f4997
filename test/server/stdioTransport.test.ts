// The `--stdio` transport: one write per message, framed so any LSP client
// reads it back, and the server's exit when the client closes its input.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { OneWriteMessageWriter } from '../../server/src/oneWriteMessageWriter';
import { repoRoot } from './lspClient';

test('each message is one write, and vscode-jsonrpc reads every one back (multi-byte text counted in bytes)', async () => {
  const pipe = new PassThrough();
  const writes: Buffer[] = [];
  const write = pipe.write.bind(pipe) as (chunk: Buffer, cb?: (e?: Error | null) => void) => boolean;
  (pipe as unknown as { write: typeof write }).write = (chunk, cb) => {
    writes.push(Buffer.from(chunk));
    return write(chunk, cb);
  };
  const sent: Message[] = [
    { jsonrpc: '2.0', id: 1, result: { text: 'plain' } } as Message,
    { jsonrpc: '2.0', method: 'window/logMessage', params: { message: 'é 🏷️ 日本 — labels' } } as Message,
    { jsonrpc: '2.0', id: 2, result: 'x'.repeat(70_000) } as Message,
  ];
  const received: Message[] = [];
  const reader = new StreamMessageReader(pipe);
  const all = new Promise<void>((resolve) =>
    reader.listen((m) => {
      received.push(m);
      if (received.length === sent.length) resolve();
    }),
  );
  const writer = new OneWriteMessageWriter(pipe);
  for (const m of sent) await writer.write(m);
  await all;
  assert.equal(writes.length, sent.length);
  assert.deepEqual(received, sent);
  assert.match(
    writes[1].subarray(0, 30).toString('ascii'),
    new RegExp(`^Content-Length: ${writes[1].length - writes[1].indexOf('\r\n\r\n') - 4}\r\n\r\n`),
  );
  reader.dispose();
});

/** Starts the bundled server over stdio, initializes it, runs `then`, closes its input, and gives its exit code. */
function exitCodeAfter(
  then: (send: (m: object) => void, answered: (id: number) => Promise<void>) => Promise<void>,
): Promise<number | null> {
  const server = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const send = (m: object) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
    server.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  };
  // One listener gathers the output; each wait checks what came so far and what comes next.
  let out = '';
  const waiting = new Set<() => void>();
  server.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    for (const check of waiting) check();
  });
  const answered = (id: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!out.includes(`"id":${id},`)) return;
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
    });
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  return (async () => {
    const initialized = answered(1);
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await initialized;
    send({ method: 'initialized', params: {} });
    await then(send, answered);
    server.stdin.end();
    return exited;
  })().finally(() => server.kill());
}

test('the server exits 0 when its input closes after a shutdown request', async () => {
  const code = await exitCodeAfter(async (send, answered) => {
    const shutdown = answered(2);
    send({ id: 2, method: 'shutdown', params: null });
    await shutdown;
  });
  assert.equal(code, 0);
});

test('the server exits 1 when its input closes without a shutdown request', async () => {
  assert.equal(await exitCodeAfter(async () => {}), 1);
});
