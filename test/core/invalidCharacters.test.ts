// The invalid characters of a document version (server/src/core/invalidCharacters.ts) are
// derived from the previous version's by the edit: after every one of a few thousand
// random edits (inserts and deletes of ordinary text, of invalid characters, and of
// spans holding both, several per change), they are those a scan of the whole text finds,
// and the diagnostics of the last version are those of the same text opened afresh.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { memoryHost, ready } from './helpers';
import { Workspace, pathToUri } from '../../server/src/core/workspace';
import { invalidCharactersIn } from '../../server/src/core/invalidCharacters';
import { lexicalErrors } from '../../server/src/core/syntax/lexicalErrors';
import { rng } from '../conformance/mutations';

const PIECES = ['a', 'record r { x: u32 }\n', '\u0007', '\u202E', '\uFEFF', 'x\u0001y', '\n', '\r\n', '', '\u17B4 z'];

test('an edit derives the invalid characters of the next version from the previous one', async () => {
  const grammar = await ready();
  const workspace = new Workspace(memoryHost({}), grammar);
  const uri = pathToUri('/chars/a.wit');
  const random = rng(7);
  let doc = workspace.openDocument(uri, 'package a:b;\n\u0002interface i {\n}\n', 1);
  doc.invalidCharacters();
  for (let version = 2; version < 2000; version++) {
    // One to three changes, from the end of the text back, so each position written
    // against this version still stands when the changes before it were applied.
    const offsets = Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * (doc.text.length + 1)));
    const changes = offsets
      .sort((x, y) => y - x)
      .map((a, i, all) => {
        const b = Math.min(i ? all[i - 1] : doc.text.length, a + Math.floor(random() * 4));
        return { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: PIECES[Math.floor(random() * PIECES.length)] };
      });
    doc = workspace.changeDocument(uri, changes, version);
    assert.ok(doc.knownInvalidCharacters, 'derived, not scanned afresh');
    assert.deepEqual([...doc.invalidCharacters()], invalidCharactersIn(doc.text), `version ${version}`);
  }
  const fresh = new Workspace(memoryHost({}), grammar).openDocument(pathToUri('/chars/b.wit'), doc.text, 1);
  assert.deepEqual(lexicalErrors(doc), lexicalErrors(fresh));
  assert.ok(doc.invalidCharacters().length > 20, `${doc.invalidCharacters().length} invalid characters at the end`);
});
