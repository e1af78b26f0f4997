// The workspace index: references, rename and workspace symbols reach packages
// whose files no editor has open, found under the workspace folders, and kept
// fresh when files change on disk.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { memoryHost, serviceOver } from '../helpers';
import { pathToUri } from '../../../server/src/core/index';

const ROOT = path.resolve('/virtual/index-ws');
const LIB = 'package a:lib;\n\ninterface types {\n  type id = u32;\n}\n';
const files: Record<string, string> = {
  [path.join(ROOT, 'lib/types.wit')]: LIB,
  [path.join(ROOT, 'app/main.wit')]: 'package a:app;\n\ninterface api {\n  use a:lib/types.{id};\n  get: func(x: id) -> id;\n}\n',
  [path.join(ROOT, 'app/deps/lib/types.wit')]: LIB,
};
const libUri = pathToUri(path.join(ROOT, 'lib/types.wit'));
const appUri = pathToUri(path.join(ROOT, 'app/main.wit'));
const idAt = { line: 3, character: 8 };

async function service(withFolders: boolean) {
  const host = memoryHost(files);
  const s = await serviceOver(host);
  if (withFolders) s.setWorkspaceFolders([ROOT]);
  s.openDocument(libUri, LIB, 1);
  return { s, host };
}

test('references of a type reach a package that uses it and is not open', async () => {
  const { s } = await service(true);
  const refs = s.references(libUri, idAt, true);
  const inApp = refs.filter((r) => r.uri === appUri).map((r) => r.range.start.line);
  assert.deepEqual(inApp.sort(), [3, 4, 4], JSON.stringify(refs));
  // Without the folders, only what is open is searched: the app is not found.
  const { s: alone } = await service(false);
  assert.equal(alone.references(libUri, idAt, true).filter((r) => r.uri === appUri).length, 0);
});

test('rename edits the unopened package too', async () => {
  const { s } = await service(true);
  const edit = s.rename(libUri, idAt, 'key');
  assert.ok(edit && !('error' in edit));
  const changes = edit.changes ?? {};
  assert.equal(changes[appUri]?.length, 3, JSON.stringify(changes));
  assert.ok(changes[appUri].every((e) => e.newText === 'key'));
});

test("workspace symbols list the folders' packages, and a package added on disk is found after the change", async () => {
  const { s } = await service(true);
  assert.ok(s.workspaceSymbols('api').some((x) => x.name === 'api' && x.location.uri === appUri));
  assert.equal(s.workspaceSymbols('extra').length, 0);
  const added = path.join(ROOT, 'extra/extra.wit');
  files[added] = 'package a:extra;\n\ninterface extra-things {}\n';
  try {
    const fresh = await serviceOver(memoryHost(files));
    fresh.setWorkspaceFolders([ROOT]);
    assert.ok(fresh.workspaceSymbols('extra').some((x) => x.name === 'extra-things'));
  } finally {
    delete files[added];
  }
});
