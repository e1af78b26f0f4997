// wit/generateBindings and wit/listWorlds over LSP, against the bundled server
// started over stdio: unsaved buffers are generated, errors name file and line.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { GenerateBindingsRequest, ListWorldsRequest, type GenerateBindingsParams } from '../../common/protocol';
import { findOnPath } from '../../common/tools/toolLookup';
import { startServer, type RunningServer } from './serverProcess';
import { wasi03Http } from './paths';

const WORLD_WIT = `package demo:greet@0.1.0;

interface api {
  hello: func(name: string) -> string;
}

world greeter {
  export api;
}
`;

let server: RunningServer;
let pkg: string;
let worldFile: string;
let version = 1;

before(async () => {
  pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-lsp-bindings-'));
  worldFile = path.join(pkg, 'world.wit');
  fs.writeFileSync(worldFile, WORLD_WIT);
  server = await startServer(URI.file(pkg).toString());
});

after(async () => {
  await server.stop();
  fs.rmSync(pkg, { recursive: true, force: true });
});

function open(file: string, text: string): void {
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI.file(file).toString(), languageId: 'wit', version: version++, text },
  });
}

function close(file: string): void {
  void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI.file(file).toString() } });
}

function generate(params: Omit<GenerateBindingsParams, 'uri'> & { file: string }) {
  const { file, ...rest } = params;
  return server.connection.sendRequest(GenerateBindingsRequest, { uri: URI.file(file).toString(), ...rest });
}

test('a function added in an unsaved buffer appears in the next generation', async () => {
  const first = await generate({ file: worldFile, language: 'typescript-guest', world: 'demo:greet/greeter@0.1.0' });
  const api = () => first.files.find((f) => f.path === 'interfaces/demo-greet-api.d.ts');
  assert.ok(api(), first.files.map((f) => f.path).join(', '));
  assert.match(api()!.text, /export function hello\(name: string\): string;/);
  assert.doesNotMatch(api()!.text, /shout/);

  open(worldFile, WORLD_WIT.replace('interface api {', 'interface api {\n  shout: func(text: string, times: u8) -> string;'));
  const second = await generate({ file: worldFile, language: 'typescript-guest', world: 'demo:greet/greeter@0.1.0' });
  const text = second.files.find((f) => f.path === 'interfaces/demo-greet-api.d.ts')!.text;
  assert.match(text, /export function shout\(text: string, times: number\): string;/);
  assert.equal(fs.readFileSync(worldFile, 'utf8'), WORLD_WIT, 'the file on disk is untouched');
  close(worldFile);
});

test('WASI 0.3 http, host types: an export added in the buffer (not on disk) is generated', async () => {
  const file = path.join(wasi03Http, 'worlds.wit');
  const saved = fs.readFileSync(file, 'utf8');
  open(file, saved.replace(/world service \{/, 'world service {\n  export probe-from-buffer: func() -> u64;'));
  try {
    const { files } = await generate({ file, language: 'typescript-host', world: 'wasi:http/service@0.3.0' });
    const world = files.find((f) => f.path === 'service.d.ts')!.text;
    assert.match(world, /export function probeFromBuffer\(\): bigint;/);
    assert.ok(files.some((f) => f.path === 'interfaces/wasi-http-types.d.ts'));
  } finally {
    close(file);
  }
});

test("a WIT with an error is refused with file:line and the server's message", async () => {
  open(worldFile, WORLD_WIT.replace('hello: func(name: string) -> string;', 'hello: func(name: string) -> ;'));
  try {
    await assert.rejects(generate({ file: worldFile, language: 'typescript-host', world: 'demo:greet/greeter@0.1.0' }), (e: unknown) => {
      assert.ok(e instanceof ResponseError, String(e));
      assert.match(e.message, /^The WIT has \d+ errors?; bindings were not generated:\n {2}world\.wit:4:\d+: /);
      const data = e.data as { kind: string; diagnostics: Array<{ uri: string; range: { start: { line: number } } }> };
      assert.equal(data.kind, 'witErrors');
      assert.equal(data.diagnostics[0].uri, URI.file(worldFile).toString());
      assert.equal(data.diagnostics[0].range.start.line, 3);
      return true;
    });
  } finally {
    close(worldFile);
  }
});

test("a resolution error (an unknown type) is refused with its file:line too, not jco's wording", async () => {
  open(worldFile, WORLD_WIT.replace('hello: func(name: string)', 'hello: func(name: nmae)'));
  try {
    await assert.rejects(
      generate({ file: worldFile, language: 'typescript-guest', world: 'demo:greet/greeter@0.1.0' }),
      /The WIT has 1 error; bindings were not generated:\n {2}world\.wit:4:21: .*nmae/,
    );
  } finally {
    close(worldFile);
  }
});

test('an unknown language is refused', async () => {
  await assert.rejects(generate({ file: worldFile, language: 'cobol' as never }), /Unknown bindings language: cobol/);
});

for (const [language, command, tool, install] of [
  ['rust', 'wit-bindgen', 'witBindgen', 'cargo install wit-bindgen-cli'],
  ['python', 'componentize-py', 'componentizePy', 'pip install componentize-py'],
] as const) {
  test(`${language} through ${command}: generated when it is on PATH, else the install command is named`, async (t) => {
    const params = { file: worldFile, language, world: 'demo:greet/greeter@0.1.0' } as const;
    if (findOnPath(tool)) {
      const { files } = await generate(params);
      assert.ok(files.length > 0);
      assert.ok(files.some((f) => /hello/i.test(f.text)));
    } else {
      t.diagnostic(`skipped: ${command} not on PATH (live run); checked the missing-tool answer instead`);
      await assert.rejects(generate(params), (e: unknown) => {
        assert.ok(e instanceof ResponseError);
        const setting = `wit.tools.${command === 'wit-bindgen' ? 'witBindgen' : 'componentizePy'}`;
        // The install command first, then where it was looked for (common/tools/messages.ts).
        assert.ok(
          e.message.startsWith(`${command} not found. Install it with: ${install} (or set ${setting} to its path). Looked in `),
          e.message,
        );
        assert.deepEqual(e.data, { kind: 'toolMissing', setting });
        return true;
      });
    }
  });
}

test("wit/listWorlds names the package's worlds, qualified, with their location", async () => {
  const worlds = await server.connection.sendRequest(ListWorldsRequest, { uri: URI.file(worldFile).toString() });
  assert.deepEqual(worlds, [
    {
      name: 'demo:greet/greeter@0.1.0',
      package: 'demo:greet@0.1.0',
      uri: URI.file(worldFile).toString(),
      range: { start: { line: 6, character: 6 }, end: { line: 6, character: 13 } },
    },
  ]);
});

test('without a world: the only world of the package is used; several worlds are named for the user to pick', async () => {
  const { files } = await generate({ file: worldFile, language: 'typescript-host' });
  assert.ok(
    files.some((f) => f.path === 'greeter.d.ts'),
    files.map((f) => f.path).join(', '),
  );
  await assert.rejects(
    generate({ file: path.join(wasi03Http, 'worlds.wit'), language: 'typescript-host' }),
    /The package has 2 worlds; name one of: wasi:http\/service@0\.3\.0, wasi:http\/middleware@0\.3\.0/,
  );
});
