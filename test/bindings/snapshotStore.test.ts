// Kept snapshots: brought up to date between requests, cleaned when dropped.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SnapshotStore } from '../../server/src/bindings/snapshotStore';

function tempPackage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-store-'));
  fs.writeFileSync(path.join(dir, 'a.wit'), 'package a:b;\ninterface a {}\n');
  fs.mkdirSync(path.join(dir, 'deps', 'c'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'deps', 'c', 'c.wit'), 'package c:d;\ninterface c {}\n');
  return dir;
}

const disk = (overlay: Record<string, string> = {}) => ({
  textOf: (f: string) => overlay[f] ?? (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined),
  openFiles: Object.keys(overlay),
});

test('a kept snapshot follows edits, new and deleted files; out/ is cleared for each request', () => {
  const dir = tempPackage();
  const store = new SnapshotStore();
  try {
    const first = store.update(dir, disk());
    const a = path.join(first.witDir, 'a.wit');
    assert.equal(fs.readFileSync(a, 'utf8'), 'package a:b;\ninterface a {}\n');
    fs.mkdirSync(first.outDir);
    fs.writeFileSync(path.join(first.outDir, 'old.rs'), 'stale');
    first.dispose();
    assert.ok(!fs.existsSync(first.outDir));

    const unsaved = path.join(dir, 'b.wit');
    const second = store.update(
      dir,
      disk({ [path.join(dir, 'a.wit')]: 'package a:b;\ninterface a { f: func(); }\n', [unsaved]: 'package a:b;\n' }),
    );
    assert.equal(second.root, first.root, 'the same folder is reused');
    assert.equal(fs.readFileSync(a, 'utf8'), 'package a:b;\ninterface a { f: func(); }\n');
    assert.equal(fs.readFileSync(path.join(second.witDir, 'b.wit'), 'utf8'), 'package a:b;\n');

    fs.rmSync(path.join(dir, 'deps', 'c', 'c.wit'));
    const third = store.update(dir, disk());
    assert.equal(fs.readFileSync(a, 'utf8'), 'package a:b;\ninterface a {}\n', 'closing the buffer brings back the disk text');
    assert.ok(!fs.existsSync(path.join(third.witDir, 'b.wit')), 'the unsaved file is gone once closed');
    assert.ok(!fs.existsSync(path.join(third.witDir, 'deps', 'c', 'c.wit')), 'a deleted dep file is removed');
    assert.deepEqual([...third.origins.values()], [path.join(dir, 'a.wit')]);
  } finally {
    store.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the store keeps a few packages and removes every folder on dispose', () => {
  const dirs = [tempPackage(), tempPackage(), tempPackage()];
  const store = new SnapshotStore(2);
  try {
    const roots = dirs.map((d) => store.update(d, disk()).root);
    assert.ok(!fs.existsSync(roots[0]), 'the least recently used package was dropped');
    assert.ok(fs.existsSync(roots[1]) && fs.existsSync(roots[2]));
    store.dispose();
    assert.ok(roots.every((r) => !fs.existsSync(r)));
  } finally {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
});
