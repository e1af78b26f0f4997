// Diagnostics over LSP from the bundled server (dist/server.js over stdio):
// errors appear and vanish with edits; the rest of the package and its deps/
// are read from disk and watched, so editing a dependency re-checks its users.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-diag-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const message = (d: { message: string | { value: string } }) => (typeof d.message === 'string' ? d.message : d.message.value);

/**
 * The first diagnostics published for `uri` that satisfy `ok`: the server may
 * republish unchanged diagnostics (e.g. when settings arrive), which must not be
 * mistaken for the answer to what the test did.
 */
async function diagnosticsWhere(client: LspClient, uri: string, ok: (d: any[]) => boolean): Promise<any[]> {
  for (;;) {
    const d = await client.nextDiagnostics(uri);
    if (ok(d)) return d;
    // Two publications can arrive in one read: the second is dispatched before
    // this loop listens again, so the latest one the client holds counts too.
    const latest = client.diagnostics.get(uri);
    if (latest && ok(latest)) return latest;
  }
}

/** Runs `body` against a started server over a temporary workspace of `files`; cleans both up. */
async function withServer(files: Record<string, string>, body: (client: LspClient, dir: string) => Promise<void>): Promise<void> {
  const dir = workspace(files);
  const client = new LspClient({ rootUri: pathToFileURL(dir).href });
  try {
    await client.start();
    await body(client, dir);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('an error appears where it is typed and vanishes when fixed', { timeout: 30_000 }, () =>
  withServer({ 'main.wit': 'package a:b;\ninterface i {\n  f: func(x: u32);\n}\n' }, async (client, dir) => {
    const file = path.join(dir, 'main.wit');
    const uri = pathToFileURL(file).href;
    const first = client.nextDiagnostics(uri, 1);
    client.open(file);
    assert.deepEqual(await first, []);
    const broken = client.nextDiagnostics(uri, 2);
    client.change(uri, 'package a:b;\ninterface i {\n  f: func(x: nope);\n}\n');
    const errors = await broken;
    assert.equal(errors.length, 1);
    assert.equal(message(errors[0]), 'name `nope` does not exist');
    assert.deepEqual(errors[0].range, { start: { line: 2, character: 13 }, end: { line: 2, character: 17 } });
    const fixed = client.nextDiagnostics(uri, 3);
    client.change(uri, 'package a:b;\ninterface i {\n  f: func(x: u64);\n}\n');
    assert.deepEqual(await fixed, []);
  }),
);

test('a dependency changed on disk re-checks the package that uses it', { timeout: 30_000 }, () =>
  withServer(
    {
      'main.wit': 'package a:b;\ninterface i {\n  use c:d/types.{id};\n  f: func(x: id);\n}\n',
      'deps/cd/types.wit': 'package c:d;\ninterface types { type id = u64; }\n',
    },
    async (client, dir) => {
      const file = path.join(dir, 'main.wit');
      const uri = pathToFileURL(file).href;
      const first = client.nextDiagnostics(uri, 1);
      client.open(file);
      assert.deepEqual(await first, []);
      // The dependency loses `id` on disk; the editor's file watcher reports it.
      const dep = path.join(dir, 'deps/cd/types.wit');
      fs.writeFileSync(dep, 'package c:d;\ninterface types { type key = u64; }\n');
      const rechecked = diagnosticsWhere(client, uri, (d) => d.length > 0);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(dep).href, type: 2 }] });
      const errors = await rechecked;
      assert.deepEqual(errors.map(message), ['name `id` is not defined']);
      assert.equal(errors[0].range.start.line, 2);
    },
  ),
);

test('errors in a file that is not open are published too (every error at once)', { timeout: 30_000 }, () =>
  withServer(
    {
      'main.wit': 'package a:b;\ninterface i { type t = u32; }\n',
      'other.wit': 'interface j { type u = nope; }\nworld w { import missing; }\n',
    },
    async (client, dir) => {
      const file = path.join(dir, 'main.wit');
      const other = pathToFileURL(path.join(dir, 'other.wit')).href;
      const published = diagnosticsWhere(client, other, (d) => d.length > 0);
      client.open(file);
      const errors = await published;
      assert.deepEqual(errors.map((d) => `${d.range.start.line}:${message(d)}`).sort(), [
        '0:type `nope` does not exist',
        '1:interface or world `missing` does not exist',
      ]);
    },
  ),
);
