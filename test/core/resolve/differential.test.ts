// Regressions found by differential testing against wasm-tools (see
// test/conformance/diff.ts): each asserts the line wit-parser reports an error
// on, and that the valid variant has no error at all.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture } from '../helpers';

/** `file:line` (1-based) of every error, sorted and deduplicated. */
async function errorLines(files: Record<string, string> | string, file = 'main.wit'): Promise<string[]> {
  const f = await fixture(files);
  const out = new Set<string>();
  for (const [uri, list] of f.service.diagnostics(f.uri(file))) {
    for (const d of list) if (d.severity === 1) out.add(`${uri.slice(uri.lastIndexOf('/') + 1)}:${d.range.start.line + 1}`);
  }
  return [...out].sort();
}

/** Asserts that the errors include `line` of main.wit. */
async function errorOn(src: string | Record<string, string>, line: number): Promise<void> {
  const lines = await errorLines(src);
  assert.ok(lines.includes(`main.wit:${line}`), `expected an error on line ${line}, got ${JSON.stringify(lines)}`);
}

async function clean(src: string | Record<string, string>): Promise<void> {
  assert.deepEqual(await errorLines(src), []);
}

test('an interface that uses itself is a cycle, and elaboration terminates', async () => {
  await errorOn(
    `package foo:foo;
interface a {
  use a.{t};
  type t = u32;
}
interface b { use a.{t}; }
world w { import b; export a; }
`,
    2,
  );
  await errorOn(
    `package foo:foo;
interface a { use b.{u}; type t = u32; }
interface b { use a.{t}; type u = t; }
world w { import a; export b; }
`,
    3,
  );
});

test('"found eof" is at the end of the input, on the line after the last newline', async () => {
  await errorOn('package a:b;\ninterface i {\n  f: func();\n', 4);
  await errorOn('package a:b;\ninterface i {\n  type t = u32;\n', 4);
  await errorOn('package a:b;\nworld w {\n  import', 3);
  await clean('package a:b;\ninterface i {\n  f: func();\n}\n');
});

test('`package a:b;` is a header only as the first thing in a file', async () => {
  await errorOn('interface i {}\npackage a:b;\n', 2);
  await errorOn('package a:b;\npackage a:b;\n', 2);
  await errorOn('// docs\npackage a:b;\npackage x:y {\n  package c:d;\n}\n', 4);
  await clean('// a comment first is fine\npackage a:b;\ninterface i {}\n');
});

test('no header in any file of a package is an error, even with only nested packages', async () => {
  assert.notDeepEqual(await errorLines('package a:b {\n  interface i {}\n}\n'), []);
  assert.notDeepEqual(await errorLines('// nothing here\n'), []);
  await clean({ 'main.wit': '// nothing here\n', 'other.wit': 'package a:b;\n' });
  await clean('package r:r;\npackage a:b {\n  interface i {}\n}\n');
});

test('a nested package inside a nested package is rejected at its name', async () => {
  await errorOn('package r:r;\npackage a:b {\n  package c:d {}\n}\n', 3);
});

test('gates take exactly one field: `@since(version = .., feature = ..)` stops at the comma', async () => {
  await errorOn('package a:b@1.0.0;\n@since(version = 1.0.0, feature = x)\ninterface i {}\n', 2);
  await clean('package a:b@1.0.0;\n@since(version = 1.0.0)\ninterface i {}\n');
});

// wasm-tools 1.239 reported any bad list at its second attribute; 1.263 at the
// repeated gate, or at the `@since` of `@since` + `@unstable`.
test('`@deprecated` with `@unstable` needs no package version; a repeated gate is wrong at the repeat', async () => {
  await clean('package a:b;\n@unstable(feature = active)\n@deprecated(version = 0.1.0)\ninterface i {}\n');
  await errorOn(
    'package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0.0)\n  @deprecated(version = 1.0.0)\n  @since(version = 1.0.0)\n  f: func();\n}\n',
    5,
  );
  await errorOn('package a:b@1.0.0;\n@since(version = 1.0.0)\n@unstable(feature = x)\ninterface i {}\n', 2);
  await errorOn('package a:b@1.0.0;\n@unstable(feature = x)\n@unstable(feature = y)\ninterface i {}\n', 3);
});

test('versions read as wit-parser does: a dangling `-` or `+` is dropped, a dangling `.` is an error', async () => {
  await clean('package foo:root;\npackage a:b@1.0.0- {}\npackage a:c@1.0.0+ {}\npackage a:d@1.0.1-- {}\npackage a:e@1.0.0-1-2 {}\n');
  await errorOn('package foo:root;\npackage a:b@1.0.0-a. {}\n', 2);
  await errorOn('package foo:root;\npackage a:b@1.0.0-01 {}\n', 2);
});

test('a gated `use` is checked on its names: none, nothing to check', async () => {
  await clean('package a:b;\ninterface e { type t = u32; }\ninterface i {\n  @since(version = 0.1.0)\n  use e.{};\n}\n');
  await errorOn('package a:b;\ninterface e { type t = u32; }\ninterface i {\n  @since(version = 0.1.0)\n  use e.{t};\n}\n', 5);
});

test('an excluded `use` from another package is not looked into; from its own package it is', async () => {
  await clean(`package wasmtime:test;
interface types {
  @unstable(feature = inactive)
  use wasi:dep2/stable@0.2.3.{nope};
}
package wasi:dep2@0.2.3 {
  interface stable {}
}
`);
  await errorOn('package a:b;\ninterface e { type t = u32; }\ninterface i {\n  @unstable(feature = inactive)\n  use e.{nope};\n}\n', 5);
});

test('gates of resource functions are checked like any other', async () => {
  await errorOn('package a:b;\ninterface i {\n  resource r {\n    @since(version = 0.1.0)\n    f: func();\n  }\n}\n', 5);
  await clean('package a:b@0.1.0;\ninterface i {\n  resource r {\n    @since(version = 0.1.0)\n    f: func();\n  }\n}\n');
});

test('a type left in by its own gate inside an excluded interface or world is an error', async () => {
  await errorOn('package a:b@1.0.0;\n@unstable(feature = x)\ninterface i {\n  f: func();\n  type t = u32;\n}\n', 5);
  await errorOn('package a:b@1.0.0;\ninterface e { type t = u32; }\n@unstable(feature = x)\ninterface i {\n  use e.{t};\n}\n', 5);
  await errorOn('package a:b@1.0.0;\n@unstable(feature = x)\nworld w {\n  type t = u32;\n}\n', 4);
  await errorOn('package a:b@1.0.0;\nworld w {\n  @unstable(feature = x)\n  import i: interface { type t = u32; }\n}\n', 4);
  await clean('package a:b@1.0.0;\n@unstable(feature = x)\ninterface i {\n  @unstable(feature = y)\n  type t = u32;\n  f: func();\n}\n');
});

test('a package defined twice in one source (header or nested block) is an error', async () => {
  await errorOn('package r:r;\npackage a:b {}\npackage a:b {}\n', 3);
  await errorOn('package a:b;\npackage a:b {}\n', 2);
  await clean('package r:r;\npackage a:b@1.0.0 {}\npackage a:b@1.0.1 {}\n');
});

test('feature names follow the identifier rules', async () => {
  await errorOn('package a:b;\n@unstable(feature = flags)\ninterface i {}\n', 2);
  await errorOn('package a:b;\n@unstable(feature = my_feature)\ninterface i {}\n', 2);
  await clean('package a:b;\n@unstable(feature = my-feature)\ninterface i {}\n');
});

test('a type of a world left out by its gate is an error (wasm-tools 1.239), a top-level use takes no gates', async () => {
  await errorOn('package a:b@1.0.0;\nworld w {\n  @unstable(feature = x)\n  resource b;\n}\n', 4);
  await errorOn('package a:b@1.0.0;\ninterface i { type t = u32; }\nworld w {\n  @unstable(feature = x)\n  use i.{t};\n}\n', 5);
  await clean('package a:b@1.0.0;\nworld w {\n  @unstable(feature = active)\n  resource b;\n}\n');
  await errorOn({ 'main.wit': 'package a:b;\ninterface x {}\n@since(version = 0.1.0)\nuse x as y;\n' }, 4);
});

test('syntax errors after a finished item: a gate with no item, a stray `}`', async () => {
  await errorOn('package a:b@1.0.0;\nworld w {\n  import a: func();\n  @since(version = 1.0.0)\n}\n', 5);
  await errorOn('package a:b;\ninterface i {\n  type t = u32;\n}\n}\ninterface j {}\n', 5);
  await errorOn('package a:b;\ninterface i {\n  type t = u32;\n  @since(version = 1.0.0)\n  }\n', 5);
});

test('a `use` after a type of the same name replaces it quietly; a definition after a `use` collides', async () => {
  await clean('package a:b;\ninterface e { type t = u32; }\ninterface i {\n  type t = u32;\n  use e.{t};\n}\n');
  await errorOn('package a:b;\ninterface e { type t = u32; }\ninterface i {\n  use e.{t};\n  type t = u32;\n}\n', 5);
  await errorOn('package a:b;\ninterface e { type t = u32; }\ninterface i {\n  t: func();\n  use e.{t};\n}\n', 4);
});

test('imports and exports are duplicates even when one is gated out', async () => {
  await errorOn('package a:b;\ninterface i {}\nworld w {\n  @unstable(feature = x)\n  import i;\n  import i;\n}\n', 6);
  await errorOn('package a:b;\ninterface i {}\nworld w {\n  import i;\n  @unstable(feature = x)\n  import i;\n}\n', 6);
  await errorOn('package a:b;\nworld w {\n  @unstable(feature = x)\n  import a: func();\n  import a: func();\n}\n', 5);
  await clean('package a:b;\ninterface i {}\nworld w {\n  @unstable(feature = x)\n  import i;\n  export i;\n}\n');
});

test('a malformed gate on a top-level use is reported on the gate', async () => {
  await errorOn({ 'main.wit': 'package a:b;\ninterface x {}\n@since(version = 0.1.0, feature = y)\nuse x as z;\n' }, 3);
});

test('a missing name is reported at the token met in its place', async () => {
  await errorOn('package foo:foo;\n\ninterface  {\n  type t = u32;\n}\n', 3);
  await errorOn('package foo:foo;\nworld {\n  import a: func();\n}\n', 2);
  await errorOn('package foo:foo;\ninterface i {\n  use self.x;\n  f: func();\n}\n', 3);
});

test('an import or export that is in may not name an interface that is gated out', async () => {
  await errorOn('package a:b;\n@unstable(feature = x)\ninterface i { f: func(); }\nworld w {\n  import i;\n}\n', 5);
  await clean('package a:b;\n@unstable(feature = x)\ninterface i { f: func(); }\nworld w {\n  @unstable(feature = x)\n  import i;\n}\n');
  await clean('package a:b;\n@unstable(feature = x)\ninterface i { f: func(); }\n@unstable(feature = x)\nworld w {\n  import i;\n}\n');
});

test('a gate with a trailing comma is a syntax error', async () => {
  await errorOn('package a:b@1.0.0;\n@since(version = 1.0.0,)\ninterface i {}\n', 2);
});

// wasm-tools 1.239 read `import x: i;` as package `x:i` (a syntax error at the
// `;`); 1.263 and the corpus take it as an import named `x` of interface `i`.
test('a named import of an interface path is valid (wasm-tools 1.263); of its own package by full name, a cycle', async () => {
  await clean('package a:b;\ninterface i { f: func(); }\nworld w {\n  import x: i;\n  import y: i;\n  export x: i;\n}\n');
  await errorOn('package a:b;\ninterface i { f: func(); }\nworld w {\n  import x: a:b/i;\n}\n', 4);
  await errorOn('package a:b;\ninterface i { f: func(); }\nworld w {\n  import x: i;\n  import x: i;\n}\n', 5);
});

test('a reference to a gated-out type is also reported at the definition that holds it', async () => {
  await errorOn('package a:b;\ninterface i {\n  @unstable(feature = x)\n  type g = u32;\n  f: func(\n    a: g);\n}\n', 5);
  await errorOn('package a:b;\ninterface i {\n  @unstable(feature = x)\n  type g = u32;\n  type t =\n    list<g>;\n}\n', 5);
  await errorOn('package a:b;\ninterface i {\n  @unstable(feature = x)\n  type g = u32;\n  record r {\n    a: g,\n  }\n}\n', 6);
});

test('an inline interface included twice shadows itself; a named interface does not', async () => {
  await errorOn(
    'package foo:foo;\ninterface b {}\nworld bar {\n  export a: interface {}\n  export b;\n}\nworld foo {\n  include bar;\n  include bar;\n}\n',
    9,
  );
  await clean('package foo:foo;\ninterface b {}\nworld bar {\n  export b;\n}\nworld foo {\n  include bar;\n  include bar;\n}\n');
});

test('a function sharing a type name is reported at the function, before or after the type', async () => {
  await errorOn('package a:b;\ninterface i {\n  x: func();\n  resource x;\n}\n', 3);
  await errorOn('package a:b;\ninterface i {\n  resource x;\n  x: func();\n}\n', 4);
});

test('doc comments on a second package header are reported at the comments, not the header', async () => {
  const lines = await errorLines({ 'a.wit': '/// A\npackage foo:foo;\n', 'b.wit': '// note\n/// B\npackage foo:foo;\n' }, 'a.wit');
  assert.deepEqual(lines, ['b.wit:1']);
});

test('a keyword tree-sitter reads as a name is where wit-parser stops (`async constructor`)', async () => {
  await errorOn('package test:%async;\ninterface x {\n  resource z {\n    async constructor();\n  }\n}\n', 4);
  const f = await fixture('package test:%async;\ninterface x {\n  resource z {\n    async constructor();\n  }\n}\n');
  const first = [...f.service.diagnostics(f.uri('main.wit')).values()].flat().find((d) => d.severity === 1);
  assert.deepEqual(first?.range.start, { line: 3, character: 4 });
});

test('a gate with a wrong first key stops there, not at a later comma', async () => {
  const f = await fixture('package a:b;\n@since(feature = foo, version = 1.0.0)\ninterface foo2 {}\n');
  const errs = [...f.service.diagnostics(f.uri('main.wit')).values()].flat().filter((d) => d.severity === 1);
  assert.deepEqual(
    errs.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`),
    ['2:8'],
  );
});

test('gates at the top level before anything but an item stop at the token after them', async () => {
  await errorOn('package a:b@1.0.0;\ninterface i {}\n@since(version = 1.0.0)\nvariant v { a }\n', 4);
  await errorOn('package a:b@1.0.0;\n@since(version = 1.0.0)\n@unstable(feature = x)\nrecord r { a: u32 }\n', 4);
  await errorOn('package a:b@1.0.0;\npackage c:d@1.0.0 {\n  @since(version = 1.0.0)\n  type t = u32;\n}\n', 4);
  await errorOn('package a:b@1.0.0;\n@since(version = 1.0.0)\npackage c:d {}\n', 3);
  await errorOn('package a:b@1.0.0;\n@since(version = 1.0.0)\n', 3);
  // An item keyword after the gates: the item is what is wrong (its missing name).
  await errorOn('package a:b@1.0.0;\n@since(version = 1.0.0)\ninterface {\n}\n', 3);
});
