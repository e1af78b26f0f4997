import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, type Fixture } from '../helpers';
import { codeActions } from '../../../server/src/core/features/codeActions';
import type { CodeAction } from 'vscode-languageserver-types';

function apply(f: Fixture, uri: string, action: CodeAction): string {
  const doc = f.service.document(uri)!;
  const edits = [...(action.edit?.changes?.[uri] ?? [])].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  let text = doc.text;
  for (const e of edits) text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  return text;
}

/** Code actions at the cursor, with the diagnostics the core reports there. */
async function actionsAt(files: Record<string, string>) {
  const f = await fixture(files);
  const doc = f.service.document(f.cursorUri)!;
  const diagnostics = (f.service.diagnostics(f.cursorUri).get(f.cursorUri) ?? []).filter((d) => d.range.start.line === f.position.line);
  const actions = codeActions(f.service.analysis(f.cursorUri), doc, { start: f.position, end: f.position }, diagnostics);
  return { f, actions, diagnostics };
}

const TYPES = 'package demo:app;\n\ninterface types {\n    record point { x: u32 }\n}\n';

test('adds the missing use for a type declared in another interface', async () => {
  const { f, actions } = await actionsAt({
    'types.wit': TYPES,
    'api.wit': 'package demo:app;\n\ninterface api {\n    get: func() -> po|int;\n}\n',
  });
  const add = actions.find((a) => a.title.startsWith('Add `use types.{point}`'));
  assert.ok(add, actions.map((a) => a.title).join(', '));
  assert.equal(
    apply(f, f.uri('api.wit'), add),
    'package demo:app;\n\ninterface api {\n    use types.{point};\n    get: func() -> point;\n}\n',
  );
});

test('extends an existing use of the interface', async () => {
  const { f, actions } = await actionsAt({
    'types.wit': 'package demo:app;\n\ninterface types {\n    record point { x: u32 }\n    enum color { red }\n}\n',
    'api.wit': 'package demo:app;\n\ninterface api {\n    use types.{color};\n    get: func() -> po|int;\n}\n',
  });
  const add = actions.find((a) => a.title.startsWith('Add `use types.{point}`'))!;
  assert.match(apply(f, f.uri('api.wit'), add), /use types\.\{color, point\};/);
});

test('did you mean: a misspelled name is replaced by the close one', async () => {
  const { f, actions } = await actionsAt({
    'a.wit': 'package demo:app;\n\ninterface i {\n    record point { x: u32 }\n    f: func(p: pointt|);\n}\n',
  });
  const fix = actions.find((a) => a.title === 'Did you mean `point`?');
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  assert.match(apply(f, f.uri('a.wit'), fix), /f: func\(p: point\);/);
  const { actions: builtin } = await actionsAt({ 'a.wit': 'package demo:app;\n\ninterface i {\n    f: func(p: str|ng);\n}\n' });
  assert.ok(builtin.some((a) => a.title === 'Did you mean `string`?'));
});

test('converts an invalid identifier to kebab-case', async () => {
  const { f, actions, diagnostics } = await actionsAt({
    'a.wit': 'package demo:app;\n\ninterface i {\n    record my|Point { x: u32 }\n}\n',
  });
  assert.ok(diagnostics.length > 0, 'the core reports the identifier');
  const fix = actions.find((a) => a.title.includes('kebab-case'));
  assert.ok(fix, `${actions.map((a) => a.title)} for ${diagnostics.map((d) => d.message)}`);
  assert.match(apply(f, f.uri('a.wit'), fix), /record my-point \{/);
});

test('removes an unused use', async () => {
  const { f, actions } = await actionsAt({
    'types.wit': 'package demo:app;\n\ninterface types {\n    record point { x: u32 }\n    enum color { red }\n}\n',
    'api.wit': 'package demo:app;\n\ninterface api {\n    use types.{po|int, color};\n    get: func() -> color;\n}\n',
  });
  const fix = actions.find((a) => a.title.startsWith('Remove unused'));
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  assert.match(apply(f, f.uri('api.wit'), fix), /use types\.\{color\};/);
});

test('extracts an inline type to a named alias', async () => {
  const { f, actions } = await actionsAt({ 'a.wit': 'package demo:app;\n\ninterface i {\n    f: func(xs: li|st<tuple<u32, u32>>);\n}\n' });
  const fix = actions.find((a) => a.kind === 'refactor.extract');
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  const after = apply(f, f.uri('a.wit'), fix);
  assert.equal(after, 'package demo:app;\n\ninterface i {\n    type xs-list = list<tuple<u32, u32>>;\n    f: func(xs: xs-list);\n}\n');
  const g = await fixture({ 'a.wit': after });
  assert.deepEqual([...g.service.diagnostics(g.uri('a.wit')).values()].flat(), []);
});

test('did you mean: a misspelled interface in a use path or world import', async () => {
  const { f, actions } = await actionsAt({
    'types.wit': TYPES,
    'api.wit': 'package demo:app;\n\ninterface api {\n    use typs|.{point};\n}\n\nworld w {\n    import api;\n}\n',
  });
  const fix = actions.find((a) => a.title === 'Did you mean `types`?');
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  assert.match(apply(f, f.uri('api.wit'), fix), /use types\.\{point\};/);
});

test('quick fixes key on the diagnostic code and data, not on the wording', async () => {
  const { f, diagnostics } = await actionsAt({
    'types.wit': TYPES,
    'api.wit': 'package demo:app;\n\ninterface api {\n    get: func() -> po|int;\n}\n',
  });
  const [unknown] = diagnostics;
  assert.equal(unknown.code, 'unknown-name');
  assert.deepEqual(unknown.data, { name: 'point' });
  const doc = f.service.document(f.cursorUri)!;
  const range = { start: f.position, end: f.position };
  const reworded = { ...unknown, message: 'a message worded some other way' };
  const titles = (d: typeof unknown) => codeActions(f.service.analysis(f.cursorUri), doc, range, [d]).map((a) => a.title);
  assert.deepEqual(titles(reworded), titles(unknown));
  assert.ok(
    titles(unknown).some((t) => t.startsWith('Add `use types.{point}`')),
    titles(unknown).join(', '),
  );
  // The same wording without the code is not taken for an unknown name.
  assert.deepEqual(titles({ ...unknown, code: undefined }), []);
});
