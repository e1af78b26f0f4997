// Formatting WAC: indentation by nesting, blank lines collapsed, comments and strings kept,
// idempotent; on the fixtures and on them with their indentation scrambled.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatWac } from '../../server/src/wac/wacFormat';
import { tokenizeWac } from '../../server/src/wac/wacScanner';
import { repoRoot } from './wacTokenizer';

const fixtures = path.join(repoRoot, 'test/fixtures/wac');
const docs = fs
  .readdirSync(fixtures)
  .filter((n) => n.endsWith('.wac'))
  .map((n) => fs.readFileSync(path.join(fixtures, n), 'utf8'));
const tokensOf = (text: string) => tokenizeWac(text).map((t) => t.text);

test('the fixtures are formatted already', () => {
  for (const doc of docs) assert.equal(formatWac(doc), doc);
});

test('indentation by nesting; blank lines collapsed; trailing spaces and extra end lines dropped', () => {
  const messy = 'package a:b;\n\n\n\nlet x = new a:c {\n        y: z,\n   w: (\nq\n),\n  ...\n      };   \n\n\nexport x.run;\n\n\n';
  assert.equal(formatWac(messy), 'package a:b;\n\nlet x = new a:c {\n  y: z,\n  w: (\n    q\n  ),\n  ...\n};\n\nexport x.run;\n');
});

test('comments and strings are kept, block comment lines untouched', () => {
  const doc = '/* keep\n      this   indent\n*/\nlet x = new a:c {\n// note { not a brace\n"a{b": y, // trailing { too\n};\n';
  assert.equal(
    formatWac(doc),
    '/* keep\n      this   indent\n*/\nlet x = new a:c {\n  // note { not a brace\n  "a{b": y, // trailing { too\n};\n',
  );
});

test('idempotent, and no token changes, on the fixtures with their indentation scrambled', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const doc of docs) {
    for (let i = 0; i < 20; i++) {
      const scrambled = doc
        .split('\n')
        .map((l) => ' '.repeat(Math.floor(rnd() * 6)) + l.trim() + (rnd() < 0.2 ? '\n' : ''))
        .join('\n');
      const once = formatWac(scrambled);
      assert.equal(formatWac(once), once);
      assert.deepEqual(tokensOf(once), tokensOf(scrambled));
    }
  }
  assert.equal(formatWac('let a = b;\r\n  export a;'), 'let a = b;\r\nexport a;\r\n', 'CRLF kept');
});
