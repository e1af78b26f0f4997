// `wit-devkit fmt [--check]`: the server's formatter on files.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, editedCopy, fixtures, removeTemps } from './helpers';

after(removeTemps);

const messy = (): string =>
  editedCopy(path.join(fixtures, 'shop'), {
    'catalog.wit': [
      ['    id: u64,', '      id:u64 ,'],
      ['  lookup: func(id: u64)', '  lookup:   func( id : u64 )'],
    ],
  });

test('--check lists the unformatted files, exits 1 and changes nothing', async () => {
  const dir = messy();
  const before = fs.readFileSync(path.join(dir, 'catalog.wit'), 'utf8');
  const r = await cli(['fmt', '--check', dir], dir);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, 'catalog.wit\n');
  assert.equal(fs.readFileSync(path.join(dir, 'catalog.wit'), 'utf8'), before);
});

test('fmt rewrites in the canonical style; then --check passes; formatted files are left alone', async () => {
  const dir = messy();
  const r = await cli(['fmt', dir], dir);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'formatted catalog.wit\n');
  const after = fs.readFileSync(path.join(dir, 'catalog.wit'), 'utf8');
  assert.equal(after, fs.readFileSync(path.join(fixtures, 'shop', 'catalog.wit'), 'utf8'));
  const again = await cli(['fmt', '--check', dir], dir);
  assert.equal(again.code, 0);
  assert.equal(again.stdout, '');
});

test('a file with syntax errors is not touched and fails', async () => {
  const dir = editedCopy(path.join(fixtures, 'shop'), {
    'catalog.wit': [
      ['  lookup: func', '  lookup func'],
      ['    id: u64,', '    id:u64,'],
    ],
  });
  const before = fs.readFileSync(path.join(dir, 'catalog.wit'), 'utf8');
  const r = await cli(['fmt', path.join(dir, 'catalog.wit')], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /catalog\.wit: not formatted: it has syntax errors/);
  assert.equal(fs.readFileSync(path.join(dir, 'catalog.wit'), 'utf8'), before);
});

test('bad input: a path that does not exist is exit 2', async () => {
  const r = await cli(['fmt', '--check', 'nowhere.wit']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nowhere\.wit: no such file or folder/);
});
