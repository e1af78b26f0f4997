// The vscode-free decisions of client/src/packages/: which package an
// unknown-package diagnostic is about, the wkg.toml entry the quick fix adds,
// the registry wkg's config names, the fetch plan, and the failure sentences
// (with credentials cut out). The same code runs against a real registry in
// test/live/registry.test.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { packageRefOf, parsePackageRef, packageRefFromMessage } from '../../client/src/packages/packageRef';
import { addOverride, registryFor, wkgConfigPath } from '../../client/src/packages/wkgToml';
import { describeFailure, redact, rootCause } from '../../client/src/packages/failures';
import { announceWitFiles, fetchDependencies, planFetch, replaceWith } from '../../client/src/packages/fetchDeps';

test('the package of a reference: namespace, name and the version it asks for', () => {
  assert.deepEqual(parsePackageRef('wasi:http/types@0.2.3'), {
    namespace: 'wasi',
    name: 'http',
    version: '0.2.3',
    key: 'wasi:http',
    spec: 'wasi:http@0.2.3',
  });
  assert.deepEqual(parsePackageRef('devkit:shapes/types'), {
    namespace: 'devkit',
    name: 'shapes',
    version: undefined,
    key: 'devkit:shapes',
    spec: 'devkit:shapes',
  });
  assert.equal(parsePackageRef('wasi:cli/run@0.3.0-rc-2026-01-06')?.version, '0.3.0-rc-2026-01-06');
  assert.equal(parsePackageRef('%use:%interface/x')?.key, 'use:interface');
  // A nested namespace is not a registry package; plain names are not packages.
  assert.equal(parsePackageRef('a:b:c/d'), undefined);
  assert.equal(parsePackageRef('types'), undefined);
  assert.equal(packageRefFromMessage("package 'wasi:io@0.2.0' not found. known packages:\n    foo:bar")?.spec, 'wasi:io@0.2.0');
  assert.equal(packageRefOf('', "package 'a:b' not found. known packages:")?.key, 'a:b');
});

test('"Add to wkg.toml" writes an [overrides] entry pinning the version, once, at the right line', () => {
  const ref = parsePackageRef('devkit:shapes/types@0.1.0')!;
  const fresh = addOverride('', ref);
  assert.deepEqual(fresh, { kind: 'added', text: '[overrides]\n"devkit:shapes" = { version = "=0.1.0" }\n', line: 1 });
  const withMeta = addOverride('[metadata]\nlicense = "MIT"\n', ref);
  assert.equal(withMeta.kind, 'added');
  if (withMeta.kind === 'added') {
    assert.equal(withMeta.text, '[metadata]\nlicense = "MIT"\n\n[overrides]\n"devkit:shapes" = { version = "=0.1.0" }\n');
    assert.equal(withMeta.text.split('\n')[withMeta.line], '"devkit:shapes" = { version = "=0.1.0" }');
  }
  const existing = '[overrides]\n"my:dep" = { path = "../dep/wit" }\n\n[metadata]\nlicense = "MIT"\n';
  const more = addOverride(existing, ref);
  assert.equal(more.kind, 'added');
  if (more.kind === 'added')
    assert.equal(
      more.text,
      '[overrides]\n"my:dep" = { path = "../dep/wit" }\n"devkit:shapes" = { version = "=0.1.0" }\n\n[metadata]\nlicense = "MIT"\n',
    );
  assert.deepEqual(addOverride('[overrides]\n"devkit:shapes" = { path = "x" }\n', ref), { kind: 'present', line: 1 });
  assert.equal(
    addOverride('\r\n[overrides]\r\n', ref).kind === 'added' && (addOverride('[overrides]\r\n', ref) as { text: string }).text,
    '[overrides]\r\n"devkit:shapes" = { version = "=0.1.0" }\r\n',
  );
  assert.equal(addOverride('[workspace]\nmembers = ["a"]\n', ref).kind, 'refused');
  assert.equal(addOverride('', parsePackageRef('devkit:shapes/types')!).kind, 'refused');
});

test('the registry wkg asks for a package: package override, namespace, default, fallbacks', () => {
  const config = [
    'default_registry = "acme.example"',
    '[namespace_registries]',
    'devkit = { registry = "127.0.0.1:5000", metadata = { preferredProtocol = "oci" } }',
    'plain = "plain.example"',
    '[package_registry_overrides]',
    '"plain:special" = "special.example"',
    '[registry."127.0.0.1:5000".oci]',
    'auth = { username = "u", password = "p" }',
  ].join('\n');
  assert.equal(registryFor({ namespace: 'devkit', key: 'devkit:x' }, config), '127.0.0.1:5000');
  assert.equal(registryFor({ namespace: 'plain', key: 'plain:x' }, config), 'plain.example');
  assert.equal(registryFor({ namespace: 'plain', key: 'plain:special' }, config), 'special.example');
  assert.equal(registryFor({ namespace: 'other', key: 'other:x' }, config), 'acme.example');
  assert.equal(registryFor({ namespace: 'wasi', key: 'wasi:http' }, undefined), 'wasi.dev');
  assert.equal(registryFor({ namespace: 'nope', key: 'nope:x' }, ''), undefined);
  assert.equal(wkgConfigPath({ WKG_CONFIG_FILE: '/c.toml' }, '/home/u'), '/c.toml');
  assert.equal(wkgConfigPath({}, '/home/u'), '/home/u/.config/wasm-pkg/config.toml');
  assert.equal(wkgConfigPath({ XDG_CONFIG_HOME: '/x' }, '/home/u'), '/x/wasm-pkg/config.toml');
});

test('the fetch plan: wkg fetch by default, wit-deps update where the package folder has a deps.toml', () => {
  const wkg = planFetch('/p/wit', () => false);
  assert.deepEqual(wkg, {
    tool: 'wkg',
    root: '/p',
    args: ['fetch', 'wit'],
    copyIn: ['wkg.toml', 'wkg.lock', 'wkg', 'wit'],
    moveBack: ['wit/deps', 'wkg.lock'],
  });
  const deps = planFetch('/p/wit', (f) => f === path.join('/p/wit', 'deps.toml'));
  assert.equal(deps.tool, 'wit-deps');
  assert.deepEqual(deps.args, ['--manifest', 'wit/deps.toml', '--lock', 'wit/deps.lock', '--deps', 'wit/deps', 'update']);
  assert.deepEqual(deps.moveBack, ['wit/deps', 'wit/deps.lock']);
});

test('failures: one sentence naming the registry, the package and what failed', () => {
  const ctx = {
    action: 'Fetching the WIT dependencies of wit/',
    packageSpec: 'devkit:x@0.1.0',
    registry: 'reg.example',
    tool: 'wkg',
    timeoutSeconds: 30,
  };
  // What wkg 0.16.1 prints (seen against the test registry).
  const refused =
    'Error: failed to fetch dependencies for wit\n\nCaused by:\n    0: package: devkit:x\n    1: registry error: devkit/x: error sending request for url (http://127.0.0.1:45999/v2/): client error (Connect): tcp connect error: Connection refused (os error 111)\n    2: devkit/x\n    3: error sending request for url (http://127.0.0.1:45999/v2/)\n    4: client error (Connect)\n    5: tcp connect error\n    6: Connection refused (os error 111)\n';
  const down = describeFailure({ code: 1, stdout: '', stderr: refused }, ctx);
  assert.equal(down.kind, 'unreachable');
  assert.equal(
    down.message,
    'Fetching the WIT dependencies of wit/ for devkit:x@0.1.0 failed: registry 127.0.0.1:45999 is unreachable: Connection refused (os error 111)',
  );
  const missing = describeFailure(
    {
      code: 1,
      stdout: '',
      stderr: 'Error: failed to fetch dependencies for wit\n\nCaused by:\n    package `devkit:x` was not found in component registry\n',
    },
    ctx,
  );
  assert.equal(missing.kind, 'not-found');
  assert.equal(
    missing.message,
    'Fetching the WIT dependencies of wit/ for devkit:x@0.1.0 failed: the package was not found in registry reg.example: package `devkit:x` was not found in component registry',
  );
  const auth = describeFailure(
    {
      code: 1,
      stdout: '',
      stderr:
        'Error: x\n\nCaused by:\n    0: package: devkit:x\n    1: registry error: devkit/x: Authentication failure: 404 page not found\n',
    },
    ctx,
  );
  assert.equal(auth.kind, 'unauthorized');
  assert.match(auth.message, /registry reg\.example refused the request as unauthorized/);
  const slow = describeFailure({ code: null, stdout: '', stderr: '', timedOut: true }, ctx);
  assert.equal(
    slow.message,
    'Fetching the WIT dependencies of wit/ for devkit:x@0.1.0 failed: timed out after 30 s waiting for registry reg.example; nothing in deps/ was changed',
  );
  assert.equal(describeFailure({ code: null, stdout: '', stderr: '', cancelled: true }, ctx).kind, 'cancelled');
  assert.equal(describeFailure({ code: null, stdout: '', stderr: '', spawnError: 'spawn wkg ENOENT' }, ctx).kind, 'missing-tool');
  const manifest = describeFailure(
    { code: 1, stdout: '', stderr: 'Error: invalid manifest at /p/wkg.toml\n\nCaused by:\n    TOML parse error at line 2, column 21\n' },
    ctx,
  );
  assert.equal(manifest.kind, 'bad-manifest');
  assert.match(manifest.message, /malformed: TOML parse error at line 2, column 21/);
  const wit = describeFailure(
    {
      code: 1,
      stdout: '',
      stderr:
        "Error: failed to fetch dependencies for wit\n\nCaused by:\n    0: failed to merge package from directory `wit`\n    1: package 'devkit:shapes' not found. known packages:\n",
    },
    ctx,
  );
  assert.equal(wit.kind, 'bad-wit');
  assert.equal(
    rootCause(
      "Error: x\n\nCaused by:\n    0: failed to merge package from directory `wit`\n    1: package 'devkit:shapes' not found. known packages:\n           devkit:shapes@0.1.0\n           devkit:badwit\n",
    ),
    "package 'devkit:shapes' not found. known packages: devkit:shapes@0.1.0, devkit:badwit",
  );
});

test('credentials never reach a message or a log line', () => {
  const secret =
    'Error: x\n\nCaused by:\n    error sending request for url (https://alice:s3cr3t@reg.example/v2/): 401 Unauthorized; Authorization: Bearer abc.def.ghi\n password = "hunter2" token=tok123 WKG_REGISTRY_REG_EXAMPLE_AUTH_BEARER=zzz\n auth = { username = "u", password = "p" }';
  const cleaned = redact(secret);
  for (const leaked of ['s3cr3t', 'alice', 'abc.def.ghi', 'hunter2', 'tok123', 'zzz', 'username = "u"'])
    assert.ok(!cleaned.includes(leaked), `${leaked} in ${cleaned}`);
  const f = describeFailure({ code: 1, stdout: '', stderr: secret }, { action: 'Fetching', tool: 'wkg' });
  assert.equal(f.kind, 'unauthorized');
  assert.ok(f.message.includes('reg.example') && !f.message.includes('s3cr3t') && !f.detail.includes('s3cr3t'), f.message);
  assert.equal(redact('wkg oci push -u me -p pa55 ref file'), 'wkg oci push -u me -p *** ref file');
  assert.equal(rootCause('Error: only line'), 'only line');
  // wit-deps 0.6 with RUST_BACKTRACE=1: the trace after the causes is cut, colours too.
  const traced =
    '\x1b[32m INFO\x1b[0m fetch `http://127.0.0.1:1/x.tar.gz` into `wit/deps/shapes`\nError: failed to lock dependencies\n\nCaused by:\n    0: failed to lock deps to `wit/deps`\n    1: failed to GET\n    2: Connection refused (os error 111)\n\nStack backtrace:\n   0: anyhow::error::<impl core::convert::From<E> for anyhow::Error>::from\n  13: __libc_start_call_main\n             at ./csu/../sysdeps/nptl/libc_start_call_main.h:58:16\n';
  assert.equal(rootCause(traced), 'Connection refused (os error 111)');
});

test('moving the fetched deps/ in replaces the old folder whole; a failed fetch touches nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-devkit-packages-'));
  try {
    const target = path.join(dir, 'deps');
    mkdirSync(path.join(target, 'old'), { recursive: true });
    writeFileSync(path.join(target, 'old', 'a.wit'), 'old');
    const fresh = path.join(dir, 'fresh');
    mkdirSync(path.join(fresh, 'new'), { recursive: true });
    writeFileSync(path.join(fresh, 'new', 'b.wit'), 'new');
    await replaceWith(fresh, target);
    assert.deepEqual(readdirSync(target), ['new']);
    assert.equal(readFileSync(path.join(target, 'new', 'b.wit'), 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir).sort(), ['deps']);

    // A tool that fails (node exiting 3, run by argument list): deps/ stays, no temp folder is left.
    const project = path.join(dir, 'proj');
    mkdirSync(path.join(project, 'wit', 'deps', 'keep'), { recursive: true });
    writeFileSync(path.join(project, 'wit', 'deps', 'keep', 'k.wit'), 'k');
    const plan = {
      ...planFetch(path.join(project, 'wit')),
      args: ['-e', 'require("fs").mkdirSync("wit/deps/half", { recursive: true }); process.exit(3)'],
    };
    const result = await fetchDependencies(plan, process.execPath);
    assert.equal(result.outcome.code, 3);
    assert.deepEqual(result.updated, []);
    assert.deepEqual(readdirSync(path.join(project, 'wit', 'deps')), ['keep']);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith('.wit-devkit-fetch-')),
      [],
    );
    // A tool that succeeds: what it wrote is moved in, the lock too.
    const ok = {
      ...plan,
      args: [
        '-e',
        'const fs = require("fs"); fs.rmSync("wit/deps", { recursive: true }); fs.mkdirSync("wit/deps/got", { recursive: true }); fs.writeFileSync("wkg.lock", "version = 1\\n")',
      ],
    };
    const done = await fetchDependencies(ok, process.execPath);
    assert.equal(done.outcome.code, 0, done.outcome.stderr);
    assert.deepEqual(readdirSync(path.join(project, 'wit', 'deps')), ['got']);
    assert.ok(existsSync(path.join(project, 'wkg.lock')));
    // Cancelled before it ends: stopped by its PID, nothing moved.
    const controller = new AbortController();
    const slow = { ...plan, args: ['-e', 'require("fs").mkdirSync("wit/deps/late", { recursive: true }); setTimeout(() => {}, 60000)'] };
    const pending = fetchDependencies(slow, process.execPath, { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const cancelled = await pending;
    assert.equal(cancelled.outcome.cancelled, true);
    assert.deepEqual(readdirSync(path.join(project, 'wit', 'deps')), ['got']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after a fetch each .wit file under the new deps/ is written again, unchanged, so the file watcher reports it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-devkit-announce-'));
  try {
    mkdirSync(path.join(dir, 'deps', 'pkg'), { recursive: true });
    writeFileSync(path.join(dir, 'deps', 'pkg', 'a.wit'), 'package a:b;\n');
    writeFileSync(path.join(dir, 'deps', 'pkg', 'notes.txt'), 'x');
    writeFileSync(path.join(dir, 'wkg.lock'), 'version = 1\n');
    const past = new Date(Date.now() - 3600_000);
    utimesSync(path.join(dir, 'deps', 'pkg', 'a.wit'), past, past);
    const written = await announceWitFiles([path.join(dir, 'deps'), path.join(dir, 'wkg.lock'), path.join(dir, 'gone')]);
    assert.deepEqual(written, [path.join(dir, 'deps', 'pkg', 'a.wit')]);
    assert.equal(readFileSync(path.join(dir, 'deps', 'pkg', 'a.wit'), 'utf8'), 'package a:b;\n');
    assert.ok(statSync(path.join(dir, 'deps', 'pkg', 'a.wit')).mtimeMs > past.getTime() + 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
