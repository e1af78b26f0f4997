// Named imports and exports of interfaces (`import primary: logger;`,
// `export kv: wasmcloud:keyvalue/store@0.2.0;`) and labels whose later
// fragments start with a digit (`sync-16`), as wasm-tools 1.263 resolves them:
// each world's imports and exports, keys, targets and order, must equal
// `wasm-tools component wit --json` (fixtures/named-items/<case>.json, written
// by 1.263), and a rejected case fails where 1.263 fails (<case>.error). When
// the toolchain's wasm-tools is 1.263 or newer, the fixtures are checked
// against it first, so they cannot drift from the tool.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fixture } from '../helpers';
import type { WorldItemModel } from '../../../server/src/core/model';
import { TOOLCHAIN_WASM_TOOLS, wasmToolsVersion } from '../../conformance/wasmTools';
import { recordLive } from '../../live';
import { documentSymbols } from '../../../server/src/core/features/documentSymbols';
import { hover } from '../../../server/src/core/features/hover';
import { definition } from '../../../server/src/core/features/definition';
import { rename } from '../../../server/src/core/features/rename';
import { identifierProblem } from '../../../server/src/core/syntax/identifiers';

const dir = path.join(__dirname, 'fixtures', 'named-items');
const cases = fs
  .readdirSync(dir)
  .filter((n) => fs.statSync(path.join(dir, n)).isDirectory())
  .sort();

/** Every .wit file of a case, by its path inside the case. */
function sources(name: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const n of fs.readdirSync(d)) {
      const p = path.join(d, n);
      if (fs.statSync(p).isDirectory()) walk(p, `${rel}${n}/`);
      else if (n.endsWith('.wit')) out[`${rel}${n}`] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(path.join(dir, name), '');
  return out;
}

interface WitJson {
  worlds: Array<{ name: string; package: number; imports: Record<string, JsonItem>; exports: Record<string, JsonItem> }>;
  interfaces: Array<{ name: string | null; package: number }>;
  packages: Array<{ name: string }>;
}
type JsonItem = { interface: { id: number } } | { function: unknown } | { type: number };

/** `key -> what` lines of a world's items, in order, from wit-parser's JSON. */
function jsonItems(json: WitJson, items: Record<string, JsonItem>): string[] {
  const qualified = (id: number) => {
    const iface = json.interfaces[id];
    const [base, version] = json.packages[iface.package].name.split('@');
    return iface.name ? `${base}/${iface.name}${version ? `@${version}` : ''}` : '(inline interface)';
  };
  return Object.entries(items).map(([key, item]) => {
    const name = /^interface-\d+$/.test(key) ? qualified(Number(key.slice('interface-'.length))) : key;
    const what = 'interface' in item ? `interface ${qualified(item.interface.id)}` : 'function' in item ? 'function' : 'type';
    return `${name} -> ${what}`;
  });
}

function modelItems(items: WorldItemModel[]): string[] {
  return items.map(
    (i) =>
      `${i.key} -> ${i.kind === 'interface' ? `interface ${i.interface?.name ? i.interface.qualified : '(inline interface)'}` : i.kind}`,
  );
}

/** `line:col message` of the error in a .error fixture (wasm-tools' own text). */
function expectedError(name: string): { line: number; col: number; message: string } {
  const text = fs.readFileSync(path.join(dir, `${name}.error`), 'utf8');
  const message = /^error: (.*)$/m.exec(text)![1];
  const [, line, col] = /--> \S+?:(\d+):(\d+)/.exec(text)!;
  return { line: Number(line), col: Number(col), message };
}

for (const name of cases) {
  test(`${name}: as wasm-tools 1.263 resolves it`, async () => {
    const f = await fixture(sources(name));
    const analysis = f.service.analysis(f.uri('main.wit'));
    const errors = [...analysis.diagnostics].flatMap(([uri, list]) =>
      list
        .filter((d) => d.severity === 1)
        .map((d) => `${uri.slice(uri.lastIndexOf('/') + 1)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`),
    );
    if (fs.existsSync(path.join(dir, `${name}.error`))) {
      const want = expectedError(name);
      assert.ok(
        errors.includes(`main.wit:${want.line}:${want.col} ${want.message}`),
        `want ${JSON.stringify(want)}, got ${JSON.stringify(errors)}`,
      );
      return;
    }
    assert.deepEqual(errors, []);
    const json = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as WitJson;
    let compared = 0;
    for (const w of json.worlds) {
      const pkgName = json.packages[w.package].name;
      const model = analysis.packages.find((p) => p.name === pkgName)?.worlds.find((x) => x.name === w.name);
      assert.ok(model, `world ${pkgName}/${w.name}`);
      assert.deepEqual(
        { imports: modelItems(model.imports), exports: modelItems(model.exports) },
        { imports: jsonItems(json, w.imports), exports: jsonItems(json, w.exports) },
        `world ${w.name}`,
      );
      compared++;
    }
    assert.ok(compared > 0);
  });
}

test("the fixtures are what the toolchain's wasm-tools (1.263 or newer) says", (t) => {
  const tool = TOOLCHAIN_WASM_TOOLS;
  const version = fs.existsSync(tool) ? wasmToolsVersion(tool) : undefined;
  const [major, minor] = (version ?? '0.0').split('.').map(Number);
  if (!version || major < 1 || (major === 1 && minor < 263)) {
    const why = version ? `${tool} is ${version}, older than 1.263` : `${tool} missing (scripts/toolchain/install.sh installs it)`;
    recordLive({ test: 'named items against wasm-tools 1.263', ran: false, missing: [{ tool: 'wasm-tools', why }] });
    t.skip(why);
    return;
  }
  recordLive({ test: 'named items against wasm-tools 1.263', ran: true });
  for (const name of cases) {
    const caseDir = path.join(dir, name);
    if (fs.existsSync(path.join(dir, `${name}.json`))) {
      const out = execFileSync(tool, ['component', 'wit', '--json', caseDir], { encoding: 'utf8' });
      assert.deepEqual(JSON.parse(out), JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')), name);
    } else {
      let stderr = '';
      try {
        execFileSync(tool, ['component', 'wit', caseDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        stderr = String((e as { stderr?: string }).stderr ?? '');
      }
      const want = expectedError(name);
      assert.ok(stderr.includes(want.message) && stderr.includes(`main.wit:${want.line}:${want.col}`), `${name}: ${stderr}`);
    }
  }
});

test('a named import is a declaration: outline, hover and rename see `primary`, `with` renames reach it', async () => {
  const f = await fixture({
    'main.wit': fs.readFileSync(path.join(dir, 'local', 'main.wit'), 'utf8'),
    'inc.wit': 'package local:demo;\nworld base {\n  import cache: logger;\n}\nworld ext {\n  include base with { cache as my-cache }\n}\n',
  });
  const doc = f.doc('main.wit');
  const analysis = f.service.analysis(doc.uri);
  const world = documentSymbols(analysis, doc.uri).find((s) => s.name === 'w')!;
  assert.deepEqual(
    world.children!.map((c) => `${c.name}: ${c.detail}`),
    [
      'primary: import primary: local:demo/logger',
      'secondary: import secondary: local:demo/logger',
      'kv: export kv: local:demo/logger',
      'run-2: run-2: func()',
    ],
  );
  const at = (needle: string) => doc.positionAt(doc.text.indexOf(needle));
  const shown = hover(analysis, doc, at('primary'))?.contents;
  assert.match(typeof shown === 'object' && shown && 'value' in shown ? shown.value : '', /import primary: local:demo\/logger/);
  // The path still leads to the interface.
  assert.deepEqual(definition(analysis, doc, at('logger;'))?.[0]?.range.start, { line: 2, character: 10 });
  const inc = f.doc('inc.wit');
  const edit = rename([f.service.analysis(inc.uri)], inc, inc.positionAt(inc.text.indexOf('cache:')), 'store', (uri) =>
    f.service.document(uri),
  );
  assert.ok(edit && 'changes' in edit, JSON.stringify(edit));
  const edits = edit.changes![inc.uri].map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1} ${e.newText}`).sort();
  assert.deepEqual(edits, ['3:10 store', '6:23 store']);
});

test("label fragments after the first may start with a digit; case is the fragment's first letter (as 1.263)", () => {
  // Each verdict read from wasm-tools 1.263 (`type <id> = u32;`).
  const verdicts: Record<string, string | undefined> = {
    'sync-16': undefined,
    'a-1': undefined,
    'a-1b': undefined,
    'a-1B': undefined,
    'A-1b': undefined,
    'A-1B': undefined,
    'a-16-B': undefined,
    'a1-2-3': undefined,
    'a-1-2': undefined,
    'a-0x': undefined,
    'a-1bC': "invalid character in identifier 'C'",
    'a-1Bc': "invalid character in identifier 'c'",
    'a-B1c': "invalid character in identifier 'c'",
    'aB-1': "invalid character in identifier 'B'",
    'a-1_': "invalid character in identifier '_'",
    'x-1é': "invalid character in identifier 'é'",
    'a-1-': "identifiers must have characters between '-'s",
  };
  for (const [id, want] of Object.entries(verdicts)) assert.equal(identifierProblem(id)?.message, want, id);
});
