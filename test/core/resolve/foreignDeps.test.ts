// Foreign references as wit-parser collects them before resolving (see
// server/src/core/resolve/foreignDeps.ts); each expectation is where
// `wasm-tools component wit` (1.263, and 1.239 where noted) reports the error.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture } from '../helpers';

/** `file:line:col` (1-based) of every error, in publish order per file. */
async function errorsAt(files: Record<string, string>, open = 'root.wit'): Promise<string[]> {
  const f = await fixture(files);
  const out: string[] = [];
  for (const [uri, list] of f.service.diagnostics(f.uri(open))) {
    const file = uri.slice(uri.indexOf('/ws/') + 4);
    for (const d of list) if (d.severity === 1) out.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`);
  }
  return out;
}

const baz = { 'deps/bar/baz.wit': 'package foo:baz;\n\nworld bar {}\n' };

test('the first mention of a foreign name fixes it as an interface or a world (1.239 and 1.263)', async () => {
  // corpus use-and-include-world: a top-level `use` makes `bar` an interface, so the include is wrong.
  const useFirst = await errorsAt({
    ...baz,
    'root.wit': 'package foo:foo;\n\nuse foo:baz/bar;\n\nworld foo {\n    include foo:baz/bar;\n}\n',
  });
  assert.equal(useFirst[0], 'root.wit:6:21');
  // An include first makes it a world: the later `use` is the one reported, once.
  const includeFirst = await errorsAt({
    ...baz,
    'root.wit': 'package foo:foo;\nworld foo {\n  include foo:baz/bar;\n}\ninterface i {\n  use foo:baz/bar.{};\n}\n',
  });
  assert.deepEqual(includeFirst, ['root.wit:6:15']);
  assert.deepEqual(await errorsAt({ ...baz, 'root.wit': 'package foo:foo;\nworld foo {\n  include foo:baz/bar;\n}\n' }), []);
});

test('a package cycle is reported at the reference wit-parser visits last (corpus pkg-cycle2)', async () => {
  const errs = await errorsAt({
    'root.wit': 'package foo:root;\ninterface foo {\n  use foo:a1/foo.{};\n}\n',
    'deps/a1/root.wit': 'package foo:a1;\ninterface foo {\n  use foo:a2/foo.{};\n}\n',
    'deps/a2/root.wit': 'package foo:a2;\ninterface foo {\n  use foo:a1/foo.{};\n}\n',
  });
  assert.ok(errs.includes('deps/a1/root.wit:3:7'), JSON.stringify(errs));
  assert.ok(!errs.includes('deps/a2/root.wit:3:7'), JSON.stringify(errs));
});

test('a foreign package must exist even when its mention is gated out (1.263)', async () => {
  const src = (pkg: string) =>
    `package a:b1;\n\nworld the-world {\n  include a:b2/the-world;\n}\n\npackage a:b2 {\n  world the-world {\n    @unstable(feature = disabled)\n    import a:b3/thing;\n  }\n}\n\npackage ${pkg} {\n  @unstable(feature = disabled)\n  interface thing {}\n}\n`;
  assert.deepEqual(await errorsAt({ 'root.wit': src('a:b3-z') }), ['root.wit:10:12']);
  // corpus foreign-interface-dep-gated: the package is there, the gated interface is not looked up.
  assert.deepEqual(await errorsAt({ 'root.wit': src('a:b3') }), []);
});
