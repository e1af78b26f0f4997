// The jco componentize build as the task runs it (node, the preload, jco's
// script), on a tiny JS component. Slow (~30 s, ~800 MB): runs when
// WIT_DEVKIT_SLOW=1, and says it was skipped otherwise.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildCommandLine } from '../../client/src/tasks/commandLines';
import { componentizePreloadSource, prepareComponentizeBuild } from '../../client/src/tasks/jcoLayout';
import { startProcess } from '../../client/src/tasks/processRunner';

const repo = path.resolve(__dirname, '../..');
const jco = path.join(repo, 'node_modules/.bin/jco');

test('the componentize preload opens "/" on the shim and resolves the undeclared import to it', () => {
  const source = componentizePreloadSource('/nm/@bytecodealliance/jco-transpile/node_modules/@bytecodealliance/preview2-shim');
  assert.match(
    source,
    /import \{ _setPreopens \} from "file:\/\/\/nm\/@bytecodealliance\/jco-transpile\/node_modules\/@bytecodealliance\/preview2-shim\/dist\/nodejs\/filesystem\.js";/,
  );
  assert.match(source, /_setPreopens\(\{ '\/': '\/' \}\);/);
  assert.match(decodeURIComponent(source), /parentURL: "file:\/\/\/nm\/@bytecodealliance\/jco-transpile\/resolve-from\.js"/);
});

test("jco componentize through the build task's command line makes a component", { timeout: 180_000 }, async (t) => {
  if (process.env.WIT_DEVKIT_SLOW !== '1') {
    console.log('skipped: set WIT_DEVKIT_SLOW=1 to componentize JS with jco (~30 s)');
    t.skip('slow');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-componentize-'));
  try {
    mkdirSync(path.join(dir, 'wit'));
    writeFileSync(
      path.join(dir, 'wit', 'world.wit'),
      'package wit-devkit:greeter;\n\nworld greeter {\n  export greet: func(name: string) -> string;\n}\n',
    );
    writeFileSync(path.join(dir, 'app.js'), 'export function greet(name) {\n  return `hello, ${name}`;\n}\n');
    const jcoNode = prepareComponentizeBuild(jco, dir);
    assert.ok(jcoNode, "jco's layout was not recognised");
    const line = buildCommandLine(
      { action: 'build', builder: 'jco-componentize', source: 'app.js', world: 'greeter' },
      { cargo: 'cargo', jco, componentizePy: 'componentize-py', jcoNode },
    );
    assert.ok(typeof line !== 'string');
    let out = '';
    const code = await startProcess({ ...line, cwd: dir }, (text) => (out += text)).done;
    assert.equal(code, 0, out);
    assert.deepEqual([...readFileSync(path.join(dir, 'app.wasm')).subarray(0, 8)], [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
