// `wit-devkit check`: the server's diagnostics in four formats, exit codes,
// --features, bad input; the SARIF log validated against the real SARIF 2.1.0
// schema (the one @microsoft/jest-sarif ships, with the ajv it uses).
// suite: live
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { escapeData, escapeProperty } from '../../server/src/cli/checkReport';
import { cli, cliProcess, corpusRoot, editedCopy, fixtures, hasStackTrace, removeTemps, repoRoot } from './helpers';

after(removeTemps);

const broken = path.join(fixtures, 'broken');
const shop = path.join(fixtures, 'shop');

test('a clean package: exit 0 and a summary line', async () => {
  const r = await cli(['check', shop]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^0 errors, 0 warnings in 2 files\n$/);
});

test('human format: file:line:col: error: message, exit 1', async () => {
  const r = await cli(['check', 'test/fixtures/evolution/broken']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.split('\n')[0], 'test/fixtures/evolution/broken/broken.wit:4:20: error: name `missing-type` does not exist');
});

test('every error at once, across package roots, each root analysed once', async () => {
  const dir = editedCopy(fixtures, { 'shop/store.wit': [['import catalog;', 'import catalogue;']] });
  const r = await cli(['check', '--format', 'json', dir]);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  const files = out.diagnostics.map((d: { file: string }) => path.basename(d.file));
  assert.deepEqual([...new Set(files)].sort(), ['broken.wit', 'gated.wit', 'store.wit']);
  assert.equal(out.errors, out.diagnostics.length);
});

test('github format: each line parses as a workflow command with the location', async () => {
  const dir = editedCopy(broken, { 'broken.wit': [['get: func()', 'get: func(a: u32, a: u32)']] });
  const r = await cli(['check', '--format', 'github', dir], dir);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.length >= 2, r.stdout);
  for (const line of lines) {
    // The runner's syntax: ::command key=value,key=value::message (actions/toolkit command.ts).
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    assert.ok(m, line);
    const props = Object.fromEntries(
      m[2].split(',').map((kv) => {
        const [k, v] = kv.split('=');
        return [k, decodeURIComponent(v.replace(/%3A/g, ':').replace(/%2C/g, ','))];
      }),
    );
    assert.equal(props.file, 'broken.wit');
    assert.ok(Number(props.line) >= 1 && Number(props.col) >= 1 && Number(props.endLine) >= Number(props.line), line);
    assert.ok(!m[3].includes('\n'));
  }
  assert.match(lines.join('\n'), /line=4,col=\d+,.*::name `missing-type` does not exist/);
});

test('github format escapes %, CR, LF, and : and , in properties', async () => {
  assert.equal(escapeData('50% a\r\nb'), '50%25 a%0D%0Ab');
  assert.equal(escapeProperty('a:b,c'), 'a%3Ab%2Cc');
});

test('sarif format validates against the SARIF 2.1.0 schema', async () => {
  const r = await cli(['check', '--format', 'sarif', 'test/fixtures/evolution']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  // jest-sarif's own setup: ajv 6 with the draft-04 meta-schema, formats checked.
  const jestSarif = path.dirname(require.resolve('@microsoft/jest-sarif/package.json'));
  const Ajv = require(require.resolve('ajv', { paths: [jestSarif] }));
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(require(require.resolve('ajv/lib/refs/json-schema-draft-04.json', { paths: [jestSarif] })));
  const schema = JSON.parse(fs.readFileSync(path.join(jestSarif, 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  // A schema that cannot fail is no check: a log without its version is refused.
  assert.equal(validate({ ...log, version: undefined }), false);
  const result = log.runs[0].results[0];
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/evolution/broken/broken.wit');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 20, endLine: 4, endColumn: 32 });
  assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, result.ruleId);
});

test('json format: one entry per diagnostic with 1-based positions', async () => {
  const r = await cli(['check', '--format', 'json', broken], broken);
  const out = JSON.parse(r.stdout);
  const { code, ...rest } = out.diagnostics[0];
  assert.deepEqual(rest, {
    file: 'broken.wit',
    line: 4,
    column: 20,
    endLine: 4,
    endColumn: 32,
    severity: 'error',
    message: 'name `missing-type` does not exist',
  });
  // The core's diagnostic code, when it gives one.
  assert.ok(code === undefined || (typeof code === 'string' && code.length > 0));
});

test('--features as the setting: an @unstable item counts only with its feature', async () => {
  const dir = path.join(fixtures, 'features');
  const without = await cli(['check', dir]);
  assert.equal(without.code, 1);
  assert.match(without.stdout, /gated\.wit:5:10: error: this type is not gated by a feature but its interface is gated by a feature/);
  const withIt = await cli(['check', '--features', 'preview', dir]);
  assert.equal(withIt.code, 0, withIt.stdout);
});

test('bad input: missing folder, folder without WIT, not a .wit file, usage: exit 2 and a message', async () => {
  const empty = editedCopy(path.join(repoRoot, 'test', 'fixtures', 'cli'));
  for (const [args, message] of [
    [['check', 'no/such/folder'], /no\/such\/folder: no such file or folder/],
    [['check', empty], /no \.wit files in this folder/],
    [['check', path.join(repoRoot, 'package.json')], /not a \.wit file or a folder/],
    [['check', '--format', 'xml'], /unknown format `xml`/],
    [[], /usage:/],
  ] as Array<[string[], RegExp]>) {
    const r = await cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});

test('the executable: exit codes 0, 1, 2 and no stack trace', async () => {
  assert.equal((await cliProcess(['check', shop])).code, 0);
  assert.equal((await cliProcess(['check', broken])).code, 1);
  const bad = await cliProcess(['check', '/no/such/dir']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^wit-devkit: \/no\/such\/dir: no such file or folder\n$/);
  assert.ok(!hasStackTrace(bad.stderr));
});

test('the whole shared corpus in one process, fast after start-up', async () => {
  const start = performance.now();
  const r = await cli(['check', '--format', 'json', corpusRoot]);
  const ms = performance.now() - start;
  const out = JSON.parse(r.stdout);
  assert.ok(out.files >= 250, `${out.files} files`);
  // wasi-0.3 and wasi-0.2-http are clean; wit-parser-ui is one folder of separate single-file packages.
  assert.ok(!out.diagnostics.some((d: { file: string }) => /wasi-0\.[23]/.test(d.file)));
  console.log(`check of the corpus (${out.files} files): ${ms.toFixed(0)} ms in-process`);
  // Generous for a loaded CI machine; on a quiet one it is a few hundred ms.
  assert.ok(ms < 10_000);
});
