// Hover, definition, references, highlights over the resolved model, on inline
// sources with a `|` cursor marker.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, textAt, type Fixture } from '../helpers';
import { hover } from '../../../server/src/core/features/hover';
import { definition, typeDefinition } from '../../../server/src/core/features/definition';
import { references, documentHighlights } from '../../../server/src/core/features/references';
import type { Location } from 'vscode-languageserver-types';

const TYPES = `package demo:app@1.0.0;

interface types {
    /// A point on the plane.
    @since(version = 1.0.0)
    record point { x: u32, y: u32 }
    type alias = point;
    resource canvas {
        constructor();
        draw: func(p: point);
    }
}
`;

function text(f: Fixture, loc: Location): string {
  return textAt(f.service.document(loc.uri)!, loc.range);
}

function analysisOf(f: Fixture) {
  return f.service.analysis(f.cursorUri);
}

test('definition of a type used in the same interface lands on its declared name', async () => {
  const f = await fixture({ 'types.wit': TYPES.replace('draw: func(p: point)', 'draw: func(p: po|int)') });
  const [loc] = definition(analysisOf(f), f.doc('types.wit'), f.position);
  assert.equal(text(f, loc), 'point');
  assert.equal(loc.range.start.line, 5);
});

test('definition across files: a used type, and the interface in the use path', async () => {
  const files = {
    'types.wit': TYPES,
    'api.wit': 'package demo:app@1.0.0;\n\ninterface api {\n    use types.{point};\n    get: func() -> poi|nt;\n}\n',
  };
  const f = await fixture(files);
  const [loc] = definition(analysisOf(f), f.doc('api.wit'), f.position);
  assert.equal(loc.uri, f.uri('types.wit'));
  assert.equal(text(f, loc), 'point');
  const g = await fixture({ ...files, 'api.wit': files['api.wit'].replace('poi|nt;', 'point;').replace('use types.', 'use ty|pes.') });
  const [iface] = definition(g.service.analysis(g.cursorUri), g.doc('api.wit'), g.position);
  assert.equal(text(g, iface), 'types');
  assert.equal(iface.uri, g.uri('types.wit'));
});

test('definition of a foreign package reference goes into deps/', async () => {
  const f = await fixture({
    'main.wit': 'package demo:app;\n\nworld w {\n    import wasi:clocks/wall-cl|ock@0.2.0;\n}\n',
    'deps/clocks/wall.wit': 'package wasi:clocks@0.2.0;\n\ninterface wall-clock {\n    now: func() -> u64;\n}\n',
  });
  const [loc] = definition(analysisOf(f), f.doc('main.wit'), f.position);
  assert.ok(loc, 'no definition');
  assert.equal(loc.uri, f.uri('deps/clocks/wall.wit'));
  assert.equal(text(f, loc), 'wall-clock');
});

test('hover shows the signature with gates, the docs and where it comes from', async () => {
  const f = await fixture({ 'types.wit': TYPES.replace('draw: func(p: point)', 'draw: func(p: poi|nt)') });
  const h = hover(analysisOf(f), f.doc('types.wit'), f.position);
  const value = (h!.contents as { value: string }).value;
  assert.match(value, /@since\(version = 1\.0\.0\)/);
  assert.match(value, /record point/);
  assert.match(value, /A point on the plane\./);
  assert.match(value, /interface `types`/);
  assert.match(value, /demo:app@1\.0\.0/);
});

test('hover on a renamed use shows the definition behind the alias', async () => {
  const f = await fixture({
    'types.wit': TYPES,
    'api.wit': 'package demo:app@1.0.0;\n\ninterface api {\n    use types.{point as pt};\n    get: func() -> p|t;\n}\n',
  });
  const value = (hover(analysisOf(f), f.doc('api.wit'), f.position)!.contents as { value: string }).value;
  assert.match(value, /use point as pt/);
  assert.match(value, /Resolves to `record point \{ x: u32, y: u32 \}`/);
});

test('hover on a builtin type or an item keyword explains it', async () => {
  const f = await fixture({ 'types.wit': TYPES.replace('x: u32', 'x: u3|2') });
  const value = (hover(analysisOf(f), f.doc('types.wit'), f.position)!.contents as { value: string }).value;
  assert.match(value, /unsigned 32-bit/);
  const g = await fixture({ 'types.wit': TYPES.replace('resource canvas', 'reso|urce canvas') });
  const kw = (hover(analysisOf(g), g.doc('types.wit'), g.position)!.contents as { value: string }).value;
  assert.match(kw, /handle type with methods/);
});

test('references hold every use of the name, in every file, and the declaration', async () => {
  const f = await fixture({
    'types.wit': TYPES.replace('record point', 'record po|int'),
    'api.wit':
      'package demo:app@1.0.0;\n\ninterface api {\n    use types.{point};\n    get: func() -> point;\n    put: func(p: list<point>);\n}\n',
  });
  const refs = references([analysisOf(f)], f.doc('types.wit'), f.position, (u) => f.service.document(u), true);
  for (const r of refs) assert.equal(text(f, r), 'point');
  assert.ok(
    refs.some((r) => r.uri === f.uri('types.wit') && r.range.start.line === 5),
    'declaration missing',
  );
  assert.equal(refs.filter((r) => r.uri === f.uri('api.wit')).length, 3);
  assert.equal(refs.filter((r) => r.uri === f.uri('types.wit')).length, 3); // declaration, alias, draw
});

test('document highlights mark the declaration as a write and uses as reads', async () => {
  const f = await fixture({ 'types.wit': TYPES.replace('type alias = point;', 'type alias = poi|nt;') });
  const hs = documentHighlights(analysisOf(f), f.doc('types.wit'), f.position);
  assert.equal(hs.length, 3);
  assert.equal(hs.filter((h) => h.kind === 3).length, 1);
});

test('type definition of a parameter goes to its type', async () => {
  const f = await fixture({ 'types.wit': TYPES.replace('draw: func(p: point)', 'draw: func(|p: point)') });
  const locs = typeDefinition(analysisOf(f), f.doc('types.wit'), f.position);
  assert.equal(locs.length, 1);
  assert.equal(text(f, locs[0]), 'point');
  assert.equal(locs[0].range.start.line, 5);
});

test('definition for every kind of name: include, with, import/export paths, package names, declarations', async () => {
  const files = {
    'main.wit': `package demo:app@1.0.0;

interface types {
    resource canvas {
        draw: func();
    }
}

world base {
    import types;
    import log: func();
}

world app {
    include base with { log as logger }
    export types;
    import wasi:clocks/wall-clock@0.2.0;
}
`,
    'deps/clocks/wall.wit': 'package wasi:clocks@0.2.0;\n\ninterface wall-clock {\n    now: func() -> u64;\n}\n',
  };
  const f = await fixture(files);
  const doc = f.doc('main.wit');
  const a = f.service.analysis(doc.uri);
  const at = (needle: string, delta = 0) => doc.positionAt(doc.text.indexOf(needle) + delta);
  const defText = (needle: string, delta = 0) => {
    const [loc] = definition(a, doc, at(needle, delta));
    return loc ? `${text(f, loc)}@${loc.range.start.line}` : 'none';
  };
  assert.equal(defText('include base', 9), 'base@8');
  assert.equal(defText('log as logger', 1), 'log@10');
  assert.equal(defText('export types', 8), 'types@2');
  assert.equal(defText('import types', 8), 'types@2');
  assert.equal(defText('wasi:clocks/wall-clock', 14), 'wall-clock@2');
  const [pkg] = definition(a, doc, at('wasi:clocks/wall-clock', 1));
  assert.equal(pkg.uri, f.uri('deps/clocks/wall.wit'));
  assert.equal(text(f, pkg), 'wasi:clocks@0.2.0');
  assert.equal(defText('draw: func', 1), 'draw@4');
});
