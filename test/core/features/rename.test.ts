import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, type Fixture } from '../helpers';
import { prepareRename, rename } from '../../../server/src/core/features/rename';
import type { WorkspaceEdit } from 'vscode-languageserver-types';

const TYPES = `package demo:app@1.0.0;

interface types {
    record point { x: u32, y: u32 }
    type alias = point;
    draw: func(p: point) -> list<point>;
}

world app {
    import types;
    export api;
}
`;
const API = `package demo:app@1.0.0;

interface api {
    use types.{point};
    get: func() -> point;
}
`;

/** The files after applying a workspace edit (only the files it touches). */
function applied(f: Fixture, edit: WorkspaceEdit): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const doc = f.service.document(uri)!;
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    let text = doc.text;
    for (const e of sorted) text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
    out[uri] = text;
  }
  return out;
}

async function renameAt(files: Record<string, string>, newName: string) {
  const f = await fixture(files);
  const r = rename([f.service.analysis(f.cursorUri)], f.service.document(f.cursorUri)!, f.position, newName, (u) => f.service.document(u));
  return { f, r };
}

test('renaming a type edits its declaration and every use in every file, and nothing else', async () => {
  const { f, r } = await renameAt({ 'types.wit': TYPES.replace('record point', 'record po|int'), 'api.wit': API }, 'spot');
  assert.ok(!('error' in r));
  const after = applied(f, r as WorkspaceEdit);
  assert.equal(after[f.uri('types.wit')], TYPES.replace(/\bpoint\b/g, 'spot'));
  assert.equal(after[f.uri('api.wit')], API.replace(/\bpoint\b/g, 'spot'));
  // The package still resolves without errors after the rename.
  const g = await fixture({ 'types.wit': after[f.uri('types.wit')], 'api.wit': after[f.uri('api.wit')] });
  const errors = [...g.service.analysis(g.uri('types.wit')).diagnostics.values()].flat();
  assert.deepEqual(
    errors.map((d) => d.message),
    [],
  );
});

test('renaming from a use site renames the declaration too', async () => {
  const { f, r } = await renameAt({ 'types.wit': TYPES, 'api.wit': API.replace('-> point', '-> poi|nt') }, 'spot');
  const after = applied(f, r as WorkspaceEdit);
  assert.equal(after[f.uri('types.wit')], TYPES.replace(/\bpoint\b/g, 'spot'));
});

test('renaming an interface updates use paths and world imports', async () => {
  const { f, r } = await renameAt({ 'types.wit': TYPES.replace('interface types', 'interface ty|pes'), 'api.wit': API }, 'shapes');
  const after = applied(f, r as WorkspaceEdit);
  assert.match(after[f.uri('types.wit')], /interface shapes \{/);
  assert.match(after[f.uri('types.wit')], /import shapes;/);
  assert.match(after[f.uri('api.wit')], /use shapes\.\{point\};/);
});

test('a keyword as the new name is escaped with %', async () => {
  const { f, r } = await renameAt({ 'types.wit': TYPES.replace('record point', 'record po|int'), 'api.wit': API }, 'record');
  const after = applied(f, r as WorkspaceEdit);
  assert.match(after[f.uri('api.wit')], /use types\.\{%record\};/);
  assert.match(after[f.uri('types.wit')], /record %record \{/);
});

test('invalid identifiers and keywords under the cursor are refused with a message', async () => {
  const { r } = await renameAt({ 'types.wit': TYPES.replace('record point', 'record po|int') }, 'NotKebab_case');
  assert.ok('error' in r && /not a valid WIT identifier/.test(r.error));
  const f = await fixture({ 'types.wit': TYPES.replace('record point', 'rec|ord point') });
  const p = prepareRename(f.service.analysis(f.cursorUri), f.doc('types.wit'), f.position);
  assert.ok('error' in p && /keyword/.test(p.error), JSON.stringify(p));
});

test('prepareRename gives the name range and placeholder', async () => {
  const f = await fixture({ 'types.wit': TYPES.replace('type alias = point', 'type alias = po|int') });
  const p = prepareRename(f.service.analysis(f.cursorUri), f.doc('types.wit'), f.position);
  assert.ok(!('error' in p));
  assert.equal(p.placeholder, 'point');
  // As the editor gets it (the core's ranges are SourceRanges, plain once sent).
  assert.deepEqual({ start: p.range.start, end: p.range.end }, { start: { line: 4, character: 17 }, end: { line: 4, character: 22 } });
});

test('renaming to a name already declared in the same scope is refused', async () => {
  const { r } = await renameAt({ 'types.wit': TYPES.replace('record point', 'record po|int') }, 'alias');
  assert.ok('error' in r && /already declared/.test(r.error), JSON.stringify(r));
});

test('renaming a world updates includes; renaming a world function updates `with`', async () => {
  const src = 'package demo:app;\n\nworld base {\n    import log: func();\n}\n\nworld app {\n    include base with { log as logger }\n}\n';
  const w = await renameAt({ 'main.wit': src.replace('world base', 'world ba|se') }, 'core');
  assert.equal(applied(w.f, w.r as WorkspaceEdit)[w.f.uri('main.wit')], src.replace(/\bbase\b/g, 'core'));
  const fn = await renameAt({ 'main.wit': src.replace('import log', 'import l|og') }, 'trace');
  assert.ok(!('error' in fn.r), JSON.stringify(fn.r));
  assert.equal(applied(fn.f, fn.r as WorkspaceEdit)[fn.f.uri('main.wit')], src.replace(/\blog\b/g, 'trace'));
});

test('renaming a field, a case and a parameter edits its declaration', async () => {
  const src = 'package demo:app;\n\ninterface i {\n    record r { size: u32 }\n    enum e { small, big }\n    f: func(count: u32);\n}\n';
  for (const [from, to] of [
    ['size', 'width'],
    ['small', 'tiny'],
    ['count', 'total'],
  ]) {
    const { f, r } = await renameAt({ 'main.wit': src.replace(from, `${from.slice(0, 2)}|${from.slice(2)}`) }, to);
    assert.ok(!('error' in r), `${from}: ${JSON.stringify(r)}`);
    assert.equal(applied(f, r as WorkspaceEdit)[f.uri('main.wit')], src.replace(from, to));
  }
});
