// `wit-devkit diff`: what is reported and how each change is classified for
// importers and exporters, the semver/@since verdict, `--base GIT_REF`, the
// JSON shape issue 14 gives, and bad input (exit 2, a message).
// suite: live
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cli, cliProcess, editedCopy, fixtures, hasStackTrace, removeTemps, witFiles } from './helpers';

after(removeTemps);

const shop = path.join(fixtures, 'shop');
type Edits = Record<string, Array<[string | RegExp, string]>>;

/** The shop package at another version, with edits. */
function shopAt(version: string, edits: Edits = {}): string {
  const all: Edits = {};
  for (const f of witFiles(shop)) {
    const bump: Array<[string, string]> = version === '1.0.0' ? [] : [['package example:shop@1.0.0;', `package example:shop@${version};`]];
    all[f] = [...bump, ...(edits[f] ?? [])];
  }
  return editedCopy(shop, all);
}

interface JsonDiff {
  changes: Array<{ path: string; change: string; importers: string; exporters: string }>;
  verdict: { ok: boolean; required: string; errors: string[]; warnings: string[] };
}

async function diff(oldDir: string, newDir: string): Promise<JsonDiff & { code: number }> {
  const r = await cli(['diff', '--format', 'json', oldDir, newDir]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return { ...JSON.parse(r.stdout), code: r.code };
}

const brief = (d: JsonDiff) => d.changes.map((c) => `${c.change} ${c.path} ${c.importers}/${c.exporters}`);

test('the same package: no changes, exit 0', async () => {
  const d = await diff(shop, shopAt('1.0.0'));
  assert.deepEqual(d.changes, []);
  assert.deepEqual(d.verdict, { ok: true, required: 'none', from: '1.0.0', to: '1.0.0', errors: [], warnings: [] });
  assert.equal(d.code, 0);
});

test('json output has exactly the keys issue 14 names', async () => {
  const d = await diff(shop, shopAt('2.0.0', { 'catalog.wit': [[/ +@since\(version = 1\.0\.0\)\n +lookup: func[^\n]*\n/, '']] }));
  assert.deepEqual(
    Object.keys(d)
      .filter((k) => k !== 'code')
      .sort(),
    ['changes', 'verdict'],
  );
  for (const c of d.changes) assert.deepEqual(Object.keys(c), ['path', 'change', 'importers', 'exporters']);
});

test('a removed function breaks importers, not exporters; it needs a major bump', async () => {
  const edits: Edits = { 'catalog.wit': [[/ +@since\(version = 1\.0\.0\)\n +lookup: func[^\n]*\n/, '']] };
  const minor = await diff(shop, shopAt('1.1.0', edits));
  assert.deepEqual(brief(minor), ['removed catalog/lookup breaking/compatible']);
  assert.equal(minor.verdict.ok, false);
  assert.equal(minor.verdict.required, 'major');
  assert.match(
    minor.verdict.errors[0],
    /breaking changes \(`catalog\/lookup`\) need a major version bump: 1\.0\.0 -> 1\.1\.0 is a minor bump/,
  );
  assert.equal(minor.code, 1);
  const major = await diff(shop, shopAt('2.0.0', edits));
  assert.equal(major.verdict.ok, true);
  assert.equal(major.code, 0);
});

test('an added function: compatible for importers, breaking for exporters; a minor bump with @since of the new version', async () => {
  const add = (gate: string): Edits => ({
    'catalog.wit': [
      [
        '    @since(version = 1.0.0)\n    lookup',
        `    ${gate}find: func(name: string) -> list<item>;\n\n    @since(version = 1.0.0)\n    lookup`,
      ],
    ],
  });
  const ok = await diff(shop, shopAt('1.1.0', add('@since(version = 1.1.0)\n    ')));
  assert.deepEqual(brief(ok), ['added catalog/find compatible/breaking']);
  assert.deepEqual([ok.verdict.ok, ok.verdict.required], [true, 'minor']);
  const noGate = await diff(shop, shopAt('1.1.0', add('')));
  assert.deepEqual(noGate.verdict.errors, ['`catalog/find` is added without `@since(version = 1.1.0)` in a package that uses gates']);
  const oldGate = await diff(shop, shopAt('1.1.0', add('@since(version = 1.0.0)\n    ')));
  assert.match(oldGate.verdict.errors[0], /added with `@since\(version = 1\.0\.0\)`; this release is 1\.1\.0/);
  const unstable = await diff(shop, shopAt('1.1.0', add('@unstable(feature = active)\n    ')));
  assert.equal(unstable.verdict.ok, true, unstable.verdict.errors.join());
  const noBump = await diff(shop, shopAt('1.0.0', add('@since(version = 1.0.0)\n    ')));
  assert.match(noBump.verdict.errors[0], /additions \(`catalog\/find`\) need a minor version bump: 1\.0\.0 -> 1\.0\.0 is no bump/);
});

test('an item inside an interface added with @since of the release needs no gate of its own', async () => {
  const iface = (gate: string) =>
    ({
      'catalog.wit': [
        ['/// What the store sells.', `${gate}interface reviews {\n    rate: func(id: u64, stars: u8);\n}\n\n/// What the store sells.`],
      ],
    }) as Edits;
  const ok = await diff(shop, shopAt('1.1.0', iface('@since(version = 1.1.0)\n')));
  assert.deepEqual(brief(ok), ['added reviews compatible/compatible', 'added reviews/rate compatible/breaking']);
  assert.deepEqual(ok.verdict.errors, []);
  const bare = await diff(shop, shopAt('1.1.0', iface('')));
  assert.deepEqual(bare.verdict.errors, [
    '`reviews` is added without `@since(version = 1.1.0)` in a package that uses gates',
    '`reviews/rate` is added without `@since(version = 1.1.0)` in a package that uses gates',
  ]);
});

test("markdown format: the Compare view's text, for a pull-request comment", async () => {
  const r = await cli([
    'diff',
    '--format',
    'markdown',
    shop,
    shopAt('2.0.0', { 'catalog.wit': [['name: string,', 'name: string,\n        price: u32,']] }),
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /^# example:shop@1\.0\.0 \(.*\) → example:shop@2\.0\.0 \(.*\)\n\n\*\*Verdict: ok\*\*: the changes need a major bump; 1\.0\.0 → 2\.0\.0\.\n/,
  );
  assert.match(
    r.stdout,
    /- ~ `catalog\/item` changed: importers \*\*breaking\*\*, exporters \*\*breaking\*\* · \[base: catalog\.wit:7\]\(file:\/\/.*#L7\) · \[now: catalog\.wit:7\]/,
  );
});

test('changed types and signatures break both sides', async () => {
  const d = await diff(
    shop,
    shopAt('2.0.0', {
      'catalog.wit': [
        ['name: string,', 'name: string,\n        price: u32,'],
        ['tools,', 'tools,\n        toys,'],
        ['add: func(id: u64)', 'add: func(item: u64)'],
        ['total: func() -> u64', 'total: func() -> u32'],
      ],
    }),
  );
  assert.deepEqual(brief(d), [
    'changed catalog/item breaking/breaking',
    'changed catalog/category breaking/breaking',
    'changed catalog/cart.add breaking/breaking',
    'changed catalog/cart.total breaking/breaking',
  ]);
  const human = await cli(['diff', shop, shopAt('2.0.0', { 'catalog.wit': [['name: string,', 'name: string,\n        price: u32,']] })]);
  assert.match(human.stdout, /~ catalog\/item {2}changed {2}importers: breaking, exporters: breaking\n {4}field price added \(u32\)\n/);
});

test('a removed resource: it, each of its methods and what used it, every item on its own', async () => {
  const d = await diff(
    shop,
    shopAt('2.0.0', {
      'catalog.wit': [[/ +@since\(version = 1\.0\.0\)\n +resource cart \{[\s\S]*?\n {4}\}\n\n/, '']],
      'store.wit': [
        [/ +@since\(version = 1\.0\.0\)\n +use catalog\.\{cart\};\n\n/, ''],
        [/ +@since\(version = 1\.0\.0\)\n +export checkout[^\n]*\n/, ''],
      ],
    }),
  );
  assert.deepEqual(brief(d), [
    'removed catalog/cart breaking/compatible',
    'removed catalog/cart.constructor breaking/compatible',
    'removed catalog/cart.add breaking/compatible',
    'removed catalog/cart.total breaking/compatible',
    'removed store/cart breaking/compatible',
    'removed store/checkout breaking/compatible',
  ]);
});

test('world items: an added export breaks exporters (the components), an added import breaks exporters (the hosts)', async () => {
  const d = await diff(
    shop,
    shopAt('1.1.0', {
      'store.wit': [
        [
          '    @since(version = 1.0.0)\n    export checkout',
          '    @since(version = 1.1.0)\n    export audit: func();\n    @since(version = 1.1.0)\n    import log: func(msg: string);\n\n    @since(version = 1.0.0)\n    export checkout',
        ],
      ],
    }),
  );
  assert.deepEqual(brief(d), ['added store/log compatible/breaking', 'added store/audit compatible/breaking']);
  assert.equal(d.verdict.ok, true, d.verdict.errors.join());
});

test('an import wit-parser still adds (the world uses its types) is no change', async () => {
  const d = await diff(shop, shopAt('1.0.0', { 'store.wit': [[/ +@since\(version = 1\.0\.0\)\n +import catalog;\n/, '']] }));
  assert.deepEqual(brief(d), []);
});

test('gates alone are compatible for both sides (a patch)', async () => {
  const d = await diff(
    shop,
    shopAt('1.0.1', {
      'catalog.wit': [
        ['    @since(version = 1.0.0)\n    lookup', '    @since(version = 1.0.0)\n    @deprecated(version = 1.0.1)\n    lookup'],
      ],
    }),
  );
  assert.deepEqual(brief(d), ['changed catalog/lookup compatible/compatible']);
  assert.deepEqual([d.verdict.ok, d.verdict.required], [true, 'patch']);
});

test('below 1.0 a breaking change needs a minor bump, an addition a patch', async () => {
  const zero = editedCopy(shop, Object.fromEntries(witFiles(shop).map((f) => [f, [[/1\.0\.0/g, '0.2.0']]])) as Edits);
  const at = (v: string, edits: Edits) =>
    editedCopy(
      zero,
      Object.fromEntries(witFiles(zero).map((f) => [f, [['example:shop@0.2.0', `example:shop@${v}`], ...(edits[f] ?? [])]])) as Edits,
    );
  const removal: Edits = { 'catalog.wit': [[/ +@since\(version = 0\.2\.0\)\n +lookup: func[^\n]*\n/, '']] };
  assert.equal((await diff(zero, at('0.2.1', removal))).verdict.ok, false);
  assert.equal((await diff(zero, at('0.3.0', removal))).verdict.ok, true);
});

test('--base GIT_REF compares the working tree with the package at that commit', async () => {
  const repo = editedCopy(shop);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'v1');
  fs.writeFileSync(
    path.join(repo, 'catalog.wit'),
    fs.readFileSync(path.join(repo, 'catalog.wit'), 'utf8').replace(/ +@since\(version = 1\.0\.0\)\n +lookup: func[^\n]*\n/, ''),
  );
  const r = await cli(['diff', '--format', 'json', '--base', 'HEAD'], repo);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).changes, [
    { path: 'catalog/lookup', change: 'removed', importers: 'breaking', exporters: 'compatible' },
  ]);
  // No temporary checkout is left behind (a private TMPDIR: other suites run at the same time).
  const privateTmp = editedCopy(path.join(fixtures, 'broken'));
  fs.rmSync(path.join(privateTmp, 'broken.wit'));
  const tmpBefore = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  let human;
  try {
    human = await cli(['diff', '--base', 'HEAD', '.'], repo);
  } finally {
    if (tmpBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpBefore;
  }
  assert.match(human.stdout, /^example:shop@1\.0\.0 \(HEAD:\.\) -> example:shop@1\.0\.0 \(\.\)\n/);
  assert.deepEqual(fs.readdirSync(privateTmp), []);
  const missing = await cli(['diff', '--base', 'no-such-branch'], repo);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--base no-such-branch: no such commit, branch or tag/);
  fs.mkdirSync(path.join(repo, 'later'));
  fs.copyFileSync(path.join(repo, 'store.wit'), path.join(repo, 'later', 'store.wit'));
  const notThere = await cli(['diff', '--base', 'HEAD', 'later'], repo);
  assert.equal(notThere.code, 2);
  assert.match(notThere.stderr, /later is not in that commit/);
});

test('bad input: a broken side, a folder without WIT, a missing folder, not a git repository: exit 2, no stack trace', async () => {
  const noWit = editedCopy(path.join(fixtures, '..', 'cli'));
  const cases: Array<[string[], RegExp]> = [
    [
      ['diff', shop, path.join(fixtures, 'broken')],
      /broken: the package has 1 error; fix them before comparing:\n {2}.*broken\.wit:4:20: error: name `missing-type`/,
    ],
    [['diff', path.join(fixtures, 'broken'), shop], /the package has 1 error/],
    [['diff', shop, noWit], /no \.wit files in this folder/],
    [['diff', shop, '/no/such/folder'], /NEW \/no\/such\/folder: no such folder/],
    [['diff', '--base', 'HEAD', noWit], /--base needs a git repository/],
  ];
  for (const [args, message] of cases) {
    const r = await cliProcess(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
  }
});
