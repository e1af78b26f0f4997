// Diagnostics of the core on inline sources: the message and the exact range a
// user sees, every error at once, and no follow-on errors.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture } from '../helpers';

/** Errors of a fixture as `line:col-col message` (1-based), sorted. */
async function errors(files: Record<string, string> | string, file = 'main.wit'): Promise<string[]> {
  const f = await fixture(files);
  const out: string[] = [];
  for (const [uri, list] of f.service.diagnostics(f.uri(file))) {
    for (const d of list) {
      if (d.severity !== 1) continue;
      const name = uri.slice(uri.lastIndexOf('/') + 1);
      out.push(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.message}`);
    }
  }
  return out.sort();
}

test('three mistakes give three diagnostics, each on its token', async () => {
  assert.deepEqual(
    await errors(`package a:b;
interface i {
  f: func(x: nope);
  type t = list<missing>;
  record r { a: u32 }
  g: func() -> r;
  g: func();
}
`),
    [
      'main.wit:3:14-18 name `nope` does not exist',
      'main.wit:4:17-24 type `missing` does not exist',
      'main.wit:7:3-4 name `g` is defined more than once',
    ],
  );
});

test('an unknown type in one item does not hide or cascade into others', async () => {
  const errs = await errors(`package a:b;
interface i {
  type a = unknown;
  type b = a;
  f: func(x: a, y: b) -> b;
}
world w {
  import i;
  import nope;
}
`);
  assert.deepEqual(errs, ['main.wit:3:12-19 type `unknown` does not exist', 'main.wit:9:10-14 interface or world `nope` does not exist']);
});

test('syntax errors point at the token wit-parser stops on, and later items are still checked', async () => {
  const errs = await errors(`package a:b;
interface i {
  abcd
}
interface j {
  f: func(x: nope);
}
`);
  assert.equal(errs.length, 2, errs.join('\n'));
  assert.match(errs[0], /^main\.wit:4:1-2 expected ':'/);
  assert.equal(errs[1], 'main.wit:6:14-18 name `nope` does not exist');
});

test('identifiers follow kebab-case rules; keywords need %', async () => {
  assert.deepEqual(
    await errors(`package a:b;
interface i {
  fooBar: func();
  f: func(list: u32, %type: u32);
  a--b: func();
}
`),
    [
      "main.wit:3:3-9 invalid character in identifier 'B'",
      "main.wit:5:3-7 identifiers must have characters between '-'s",
      'main.wit:4:11-15 expected an identifier or string, found keyword `list`',
    ].sort(),
  );
});

test('use across files and into deps/ with versions', async () => {
  const files = {
    'main.wit': `package a:b;
interface i {
  use j.{t};
  use c:d/k@1.2.3.{u};
  use c:d/k@1.2.4.{u as v};
  f: func(x: t, y: u);
}
`,
    'other.wit': `interface j { type t = u32; }`,
    'deps/cd/k.wit': `package c:d@1.2.3;
interface k { type u = string; }
`,
  };
  assert.deepEqual(await errors(files), ["main.wit:5:7-18 package 'c:d@1.2.4' not found. known packages:\n    a:b\n    c:d@1.2.3"]);
});

test('resources: handles, constructors and borrows in results', async () => {
  assert.deepEqual(
    await errors(`package a:b;
interface i {
  type n = u32;
  resource r {
    constructor() -> u32;
    m: func() -> borrow<r>;
  }
  type h = own<n>;
}
`),
    [
      'main.wit:5:22-25 if a constructor return type is declared it must be a `result`',
      'main.wit:6:5-6 function `[method]r.m` returns a type which contains a `borrow<T>` which is not supported',
      'main.wit:8:16-17 type `n` used in a handle must be a resource',
    ],
  );
});

test('worlds: conflicting names, incompatible transitive imports, cycles', async () => {
  assert.deepEqual(
    await errors(`package a:b;
interface i1 { type t = u32; }
interface i2 { use i1.{t}; }
interface i3 { use i2.{t}; }
world w {
  import x: func();
  import x: interface {}
  export i1;
  export i3;
}
world c1 { include c2; }
world c2 { include c1; }
`),
    [
      'main.wit:12:7-9 interface or world `c2` depends on itself',
      'main.wit:5:7-8 interface `a:b/i3` transitively depends on an interface in incompatible ways',
      'main.wit:7:10-11 import `x` conflicts with prior func of same name',
    ].sort(),
  );
});

test('unsaved text wins over the file on disk', async () => {
  const f = await fixture({ 'main.wit': 'package a:b;\ninterface i { type t = u32; }\n' });
  const uri = f.uri('main.wit');
  assert.equal(f.service.diagnostics(uri).get(uri)?.length ?? 0, 0);
  f.service.openDocument(uri, 'package a:b;\ninterface i { type t = nope; }\n', 1);
  assert.deepEqual(
    f.service
      .diagnostics(uri)
      .get(uri)!
      .map((d) => d.message),
    ['type `nope` does not exist'],
  );
  f.service.changeDocument(uri, [{ range: { start: { line: 1, character: 23 }, end: { line: 1, character: 27 } }, text: 'u64' }], 2);
  assert.deepEqual(f.service.diagnostics(uri).get(uri), []);
});
