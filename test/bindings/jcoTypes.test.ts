// TypeScript bindings through jco in process, for the two WASI http packages of
// the corpus: written to a folder and compiled with tsc --strict.
// suite: live
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { generateBindings } from '../../server/src/bindings/generateBindings';
import type { GeneratedFile } from '../../common/protocol';
import { diskSource } from './diskSource';
import { tscBin, wasi02Http, wasi03Http } from './paths';

const run = promisify(execFile);

function writeOut(files: GeneratedFile[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-ts-bindings-'));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.text);
  }
  return dir;
}

/** tsc --strict --noEmit over every generated .d.ts; resolves with tsc's output, rejects on errors. */
async function compile(dir: string, files: GeneratedFile[]): Promise<void> {
  // Resources are `Disposable` (Symbol.dispose): ES2022 plus esnext.disposable.
  const args = [
    tscBin,
    '--strict',
    '--noEmit',
    '--target',
    'es2022',
    '--lib',
    'es2022,esnext.disposable',
    '--module',
    'nodenext',
    ...files.map((f) => f.path),
  ];
  try {
    await run(process.execPath, args, { cwd: dir });
  } catch (e) {
    const out = (e as { stdout?: string }).stdout ?? String(e);
    assert.fail(`tsc --strict failed in ${dir}:\n${out.slice(0, 3000)}`);
  }
}

const cases = [
  {
    dir: wasi03Http,
    world: 'wasi:http/service@0.3.0',
    main: 'service.d.ts',
    iface: 'interfaces/wasi-http-handler.d.ts',
    exported: 'handler',
  },
  {
    dir: wasi02Http,
    world: 'wasi:http/proxy@0.2.0-rc-2023-12-05',
    main: 'proxy.d.ts',
    iface: 'interfaces/wasi-http-incoming-handler.d.ts',
    exported: 'incomingHandler',
  },
];

for (const c of cases) {
  for (const language of ['typescript-host', 'typescript-guest'] as const) {
    test(`${language} bindings of ${c.world} compile with tsc --strict`, async () => {
      const files = await generateBindings(diskSource(), { file: path.join(c.dir, 'types.wit'), language, world: c.world, tools: {} });
      const paths = files.map((f) => f.path);
      assert.ok(paths.includes(c.main), `world file ${c.main} in ${paths.join(', ')}`);
      assert.ok(paths.includes(c.iface), `interface file ${c.iface} in ${paths.join(', ')}`);
      const world = files.find((f) => f.path === c.main)!.text;
      // Host declarations describe the transpiled component's exports; guest ones
      // declare the world as a module named by the world itself.
      if (language === 'typescript-host') {
        assert.ok(world.includes(`// world ${c.world}\n`));
        assert.match(world, new RegExp(`^export \\* as ${c.exported} from './interfaces/`, 'm'));
      } else {
        assert.ok(world.includes(`declare module '${c.world}' {`));
        assert.match(world, new RegExp(`^  export \\* as ${c.exported} from '`, 'm'));
      }
      const dir = writeOut(files);
      try {
        await compile(dir, files);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}

test('unsaved text is what gets generated (a function added in a buffer appears)', async () => {
  const file = path.join(wasi03Http, 'worlds.wit');
  const saved = fs.readFileSync(file, 'utf8');
  const edited = saved.replace(/world service \{/, 'world service {\n  export added-in-buffer: func(count: u32) -> string;');
  assert.notEqual(edited, saved);
  const req = { file, language: 'typescript-guest', world: 'wasi:http/service@0.3.0', tools: {} } as const;
  const before = (await generateBindings(diskSource(), req)).find((f) => f.path === 'service.d.ts')!.text;
  const after = (await generateBindings(diskSource({ [file]: edited }), req)).find((f) => f.path === 'service.d.ts')!.text;
  assert.doesNotMatch(before, /addedInBuffer/);
  assert.match(after, /export function addedInBuffer\(count: number\): string;/);
});

test("a world that does not exist is reported with jco's reason", async () => {
  await assert.rejects(
    generateBindings(diskSource(), {
      file: path.join(wasi03Http, 'types.wit'),
      language: 'typescript-host',
      world: 'wasi:http/nope@0.3.0',
      tools: {},
    }),
    /nope/,
  );
});
