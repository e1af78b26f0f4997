// The snapshot generators read: the package and deps/ as the editor holds them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageFiles } from '../../server/src/bindings/packageSnapshot';
import { SnapshotStore } from '../../server/src/bindings/snapshotStore';
import { runTool } from '../../server/src/bindings/processRunner';
import { diskSource } from './diskSource';
import { wasi03Http } from './paths';

function tempPackage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-pkg-'));
  fs.writeFileSync(path.join(dir, 'world.wit'), 'package a:b;\nworld w { import c:d/i; }\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not WIT');
  fs.mkdirSync(path.join(dir, 'deps', 'c-d'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'deps', 'c-d', 'i.wit'), 'package c:d;\ninterface i { f: func(); }\n');
  fs.writeFileSync(path.join(dir, 'deps', 'e.wit'), 'package e:f;\ninterface j {}\n');
  fs.mkdirSync(path.join(dir, 'nested'));
  fs.writeFileSync(path.join(dir, 'nested', 'other.wit'), 'package x:y;\n');
  return dir;
}

test('the package files are its own .wit and those of deps/ (folders and single files)', () => {
  const dir = tempPackage();
  try {
    assert.deepEqual(packageFiles(dir), ['deps/c-d/i.wit', 'deps/e.wit', 'world.wit']);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('the snapshot holds open-buffer text over disk, includes unsaved new files, and is removed with its store', () => {
  const dir = tempPackage();
  const unsaved = path.join(dir, 'extra.wit');
  const source = diskSource({
    [path.join(dir, 'world.wit')]: 'package a:b;\nworld w { export g: func(); }\n',
    [unsaved]: 'package a:b;\ninterface extra {}\n',
    [path.join(dir, 'nested', 'other.wit')]: 'ignored: not part of the package',
  });
  const store = new SnapshotStore();
  const snap = store.update(dir, { textOf: source.textOf, openFiles: source.openFiles() });
  try {
    assert.equal(fs.readFileSync(path.join(snap.witDir, 'world.wit'), 'utf8'), 'package a:b;\nworld w { export g: func(); }\n');
    assert.equal(fs.readFileSync(path.join(snap.witDir, 'extra.wit'), 'utf8'), 'package a:b;\ninterface extra {}\n');
    assert.equal(fs.readFileSync(path.join(snap.witDir, 'deps', 'c-d', 'i.wit'), 'utf8'), 'package c:d;\ninterface i { f: func(); }\n');
    assert.ok(!fs.existsSync(path.join(snap.witDir, 'nested')));
    assert.ok(!fs.existsSync(path.join(snap.witDir, 'notes.txt')));
    assert.equal(snap.origins.get(path.join(snap.witDir, 'extra.wit')), unsaved);
    assert.ok(!fs.existsSync(snap.outDir), 'out/ is left for the generator to create');
  } finally {
    store.dispose();
    fs.rmSync(dir, { recursive: true });
  }
  assert.ok(!fs.existsSync(snap.root));
});

test('the WASI 0.3 http package snapshot has its 2 files and 22 deps files', () => {
  const files = packageFiles(wasi03Http);
  assert.equal(files.filter((f) => !f.startsWith('deps/')).length, 2);
  assert.equal(files.filter((f) => f.startsWith('deps/')).length, 22);
});

test('runTool passes arguments verbatim, without a shell', async () => {
  const tricky = ['a b', '$(echo no)', '; rm -rf /', '"quoted"', '*'];
  const r = await runTool(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...tricky]);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), tricky);
  const failed = await runTool(process.execPath, ['-e', 'console.error("bad wit"); process.exit(3)']);
  assert.equal(failed.code, 3);
  assert.match(failed.stderr, /bad wit/);
  await assert.rejects(runTool('/no/such/tool', []), /could not run/);
});
