// TypeScript declarations from WIT given to jco as one text (server/src/bindings/
// witSingleSource.ts: the package and its deps/ as nested packages, nothing read through
// the WASI shim) are the files jco's own path reading gives, byte for byte, for both
// corpus packages, host and guest; and what cannot be joined unchanged is left to the path.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jcoTypegen } from '../../common/jco/loader';
import { generateTypeScript, plainWorldName } from '../../server/src/bindings/jcoTypes';
import { singleSource, splitWitFile } from '../../server/src/bindings/witSingleSource';
import { wasi02Http, wasi03Http } from './paths';

// Real paths: jco's WASI shim refuses to follow a symlink (CI reaches ../shared through one).
const CASES: Array<[string, string]> = [
  [fs.realpathSync(wasi03Http), 'wasi:http/service@0.3.0'],
  [fs.realpathSync(wasi02Http), 'wasi:http/proxy@0.2.0-rc-2023-12-05'],
];

for (const [dir, world] of CASES)
  for (const guest of [false, true])
    test(`${world} ${guest ? 'guest' : 'host'}: one text gives the files jco gives from the path`, async () => {
      assert.ok(singleSource(dir), 'the package and its deps join into one text');
      const ours = await generateTypeScript({ witDir: dir, world, guest });
      const jco = await jcoTypegen();
      const fromPath = await (guest ? jco.generateGuestTypes : jco.generateHostTypes)(dir, {
        worldName: world,
        name: plainWorldName(world),
      });
      const decoder = new TextDecoder();
      assert.deepEqual(
        Object.fromEntries(ours.map((f) => [f.path, f.text])),
        Object.fromEntries(Object.entries(fromPath).map(([p, b]) => [p, decoder.decode(b)])),
      );
      assert.ok(ours.length > 10, `${ours.length} files`);
    });

test('what a join would change is left to the path: top-level use, nested packages, a documented package line, a binary dep', () => {
  assert.deepEqual(splitWitFile('// a\npackage a:b@1.0.0;\ninterface i {}\n'), { name: 'a:b@1.0.0', body: '\ninterface i {}\n' });
  assert.deepEqual(splitWitFile('/// the interface\ninterface i { use t.{x}; }\n'), {
    name: undefined,
    body: '/// the interface\ninterface i { use t.{x}; }\n',
  });
  assert.equal(splitWitFile('/* a /* nested */ use */ package a:b;\ninterface i {}')?.name, 'a:b');
  assert.equal(splitWitFile('package a:b;\nuse c:d/e;\ninterface i {}\n'), undefined);
  assert.equal(splitWitFile('package a:b;\npackage c:d { interface i {} }\n'), undefined);
  assert.equal(splitWitFile('/// the package\npackage a:b;\ninterface i {}\n'), undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-single-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.wit'), 'package a:b;\ninterface i { f: func(); }\n');
    fs.writeFileSync(path.join(dir, 'b.wit'), 'world w { import i; }\n');
    assert.equal(singleSource(dir), 'package a:b;\n\ninterface i { f: func(); }\n\nworld w { import i; }\n');
    fs.mkdirSync(path.join(dir, 'deps'));
    fs.writeFileSync(path.join(dir, 'deps', 'c.wasm'), '');
    assert.equal(singleSource(dir), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a package with a top-level use still gets its declarations (from the path)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-single-use-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.wit'), 'package a:b;\ninterface types { record r { x: u32 } }\n');
    fs.writeFileSync(path.join(dir, 'b.wit'), 'use types as t;\nworld w { import t; export f: func() -> u32; }\n');
    assert.equal(singleSource(dir), undefined);
    const files = await generateTypeScript({ witDir: dir, world: 'a:b/w', guest: false });
    assert.ok(
      files.some((f) => f.path === 'w.d.ts'),
      files.map((f) => f.path).join(', '),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
