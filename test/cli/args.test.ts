// The command line's parsing: flags per command, values, operand counts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args';

test('check takes formats, features (comma-separated, repeatable) and folders', () => {
  const a = parseArgs(['check', '--format', 'sarif', '--features=a,b', '--features', 'c', 'x', 'y']);
  assert.equal(a.command, 'check');
  assert.equal(a.format, 'sarif');
  assert.deepEqual(a.features, ['a', 'b', 'c']);
  assert.deepEqual(a.operands, ['x', 'y']);
  assert.deepEqual(parseArgs(['check', '--features=']).features, []);
  assert.equal(parseArgs(['check']).features, undefined);
});

test('fmt takes --check; diff takes two folders or --base and at most one', () => {
  assert.equal(parseArgs(['fmt', '--check', 'a.wit']).check, true);
  assert.deepEqual(parseArgs(['diff', 'old', 'new']).operands, ['old', 'new']);
  assert.equal(parseArgs(['diff', '--base', 'HEAD~1']).base, 'HEAD~1');
  assert.deepEqual(parseArgs(['diff', '--base=main', 'pkg']).operands, ['pkg']);
});

test('usage errors: unknown command, option of another command, bad format, missing value, operand counts', () => {
  for (const argv of [
    ['lint'],
    ['check', '--check'],
    ['fmt', '--format', 'json'],
    ['check', '--format', 'xml'],
    ['diff', '--format', 'sarif', 'a', 'b'],
    ['check', '--format'],
    ['diff', 'one'],
    ['diff', 'a', 'b', 'c'],
    ['diff', '--base', 'main', 'a', 'b'],
    ['fmt', '--check=yes'],
    ['diff', '--base=', 'a'],
  ]) {
    assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
  }
});
