// Inlay hints, document links and signature help.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture } from '../helpers';
import { inlayHints } from '../../../server/src/core/features/inlayHints';
import { documentLinks } from '../../../server/src/core/features/documentLinks';
import { signatureHelp } from '../../../server/src/core/features/signatureHelp';

const FILES = {
  'main.wit': 'package demo:app;\n\nworld w {\n    import wasi:clocks/wall-clock;\n    import wasi:clocks/wall-clock@0.2.0;\n}\n',
  'deps/clocks/wall.wit': 'package wasi:clocks@0.2.0;\n\ninterface wall-clock {\n    now: func() -> u64;\n}\n',
};

test('inlay hint: the resolved version of an unversioned foreign reference', async () => {
  const f = await fixture(FILES);
  const doc = f.doc('main.wit');
  const hints = inlayHints(f.service.analysis(doc.uri), doc, doc.rangeOf(0, doc.text.length));
  assert.deepEqual(
    hints.map((h) => [h.position.line, h.position.character, h.label]),
    [[3, 33, '@0.2.0']],
  );
});

test('document links open the dependency file that declares the interface', async () => {
  const f = await fixture(FILES);
  const doc = f.doc('main.wit');
  const links = documentLinks(f.service.analysis(doc.uri), doc);
  assert.equal(links.length, 2);
  assert.ok(links.every((l) => l.target === f.uri('deps/clocks/wall.wit')));
});

test('signature help inside generic parameters and function parameter lists', async () => {
  const f = await fixture({ 'a.wit': 'interface i {\n    f: func(a: u32, b: result<u32, |>);\n}\n' });
  const help = signatureHelp(f.doc('a.wit'), f.position)!;
  assert.equal(help.signatures[0].label, 'result<T, E>');
  assert.equal(help.activeParameter, 1);
  const g = await fixture({ 'a.wit': 'interface i {\n    f: func(a: u32, |b: string);\n}\n' });
  const fn = signatureHelp(g.doc('a.wit'), g.position)!;
  assert.equal(fn.signatures[0].label, 'f: func(a: u32, b: string)');
  assert.equal(fn.activeParameter, 1);
});
