// The analysis core against wit-parser's own cases, read in place from
// ../shared/corpus: every failing case has an error on the line wit-parser
// reports, every passing case and WASI package has none, and every world
// elaborates to the imports and exports of the case's resolved .wit.json.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWitLanguageServiceFrom, type WitGrammar } from '../../../server/src/core/index';
import { pathToUri } from '../../../server/src/core/workspace';
import type { WitHost } from '../../../server/src/core/host';
import { corpusRoot, memoryHost, ready } from '../helpers';
import { DIAGNOSTIC_CODES } from '../../../server/src/core/diagnosticCodes';

let grammar: WitGrammar;

const ui = path.join(corpusRoot, 'wit-parser-ui');
const failDir = path.join(ui, 'parse-fail');

/**
 * A case alone, as a user opens it: its file (or folder) copied into memory
 * under a folder of its own, so that sibling cases do not join its package.
 */
function isolated(entry: string): { host: WitHost; files: string[] } {
  const root = path.join('/virtual', path.basename(entry).replace(/\./g, '_'));
  const files: Record<string, string> = {};
  const binary = new Map<string, string>();
  const add = (from: string, to: string) => {
    if (fs.statSync(from).isDirectory()) for (const n of fs.readdirSync(from)) add(path.join(from, n), path.join(to, n));
    else {
      files[to] = fs.readFileSync(from, 'utf8');
      binary.set(to, fs.readFileSync(from, 'latin1'));
    }
  };
  if (fs.statSync(entry).isDirectory()) add(entry, root);
  else add(entry, path.join(root, path.basename(entry)));
  const host = { ...memoryHost(files), readBinary: (p: string) => binary.get(p) };
  return { host, files: Object.keys(files).filter((f) => f.endsWith('.wit')) };
}

function errorsOf(entry: string) {
  const { host, files } = isolated(entry);
  const service = createWitLanguageServiceFrom(grammar, host);
  const all: Array<{ file: string; line: number; message: string; code: unknown }> = [];
  const seen = new Set<string>();
  for (const f of files) {
    for (const [uri, list] of service.diagnostics(pathToUri(f))) {
      for (const d of list) {
        const key = `${uri}:${d.range.start.line}:${d.message}`;
        if (d.severity !== 1 || seen.has(key)) continue;
        seen.add(key);
        all.push({
          file: uri,
          line: d.range.start.line + 1,
          message: typeof d.message === 'string' ? d.message : d.message.value,
          code: d.code,
        });
      }
    }
  }
  return { service, all, files };
}

test('every failing case of wit-parser has an error where wit-parser reports it', async () => {
  grammar = await ready();
  const misses: string[] = [];
  const entries = fs
    .readdirSync(failDir)
    .filter((n) => !n.endsWith('.result'))
    .sort();
  assert.ok(entries.length > 50, 'the corpus is where it should be');
  for (const name of entries) {
    const entry = path.join(failDir, name);
    const result = fs.existsSync(entry + '.result') ? fs.readFileSync(entry + '.result', 'utf8') : '';
    const m = /--> (\S+?):(\d+):(\d+)/.exec(result);
    const { all } = errorsOf(entry);
    const ok = m ? all.some((e) => e.file.endsWith('/' + path.basename(m[1])) && e.line === Number(m[2])) : all.length > 0;
    if (!ok) misses.push(`${name}: want ${m ? `${path.basename(m[1])}:${m[2]}` : 'an error'}, got ${JSON.stringify(all.slice(0, 2))}`);
    // Every error carries a code from the one list (what quick fixes and other tools key on).
    for (const e of all)
      if (!Object.hasOwn(DIAGNOSTIC_CODES, String(e.code))) misses.push(`${name}: no known code on "${e.message}" (${String(e.code)})`);
  }
  assert.deepEqual(misses, []);
});

test('passing cases and WASI packages have no errors', async () => {
  grammar = await ready();
  const entries = fs
    .readdirSync(ui)
    .filter((n) => n !== 'parse-fail' && (n.endsWith('.wit') || fs.statSync(path.join(ui, n)).isDirectory()));
  const wasi = [
    ...fs.readdirSync(path.join(corpusRoot, 'wasi-0.3')).map((n) => path.join(corpusRoot, 'wasi-0.3', n)),
    path.join(corpusRoot, 'wasi-0.2-http'),
  ];
  const noisy: string[] = [];
  for (const entry of [...entries.map((n) => path.join(ui, n)), ...wasi]) {
    const { all } = errorsOf(entry);
    if (all.length) noisy.push(`${path.basename(entry)}: ${JSON.stringify(all.slice(0, 2))}`);
  }
  assert.deepEqual(noisy, []);
});

/** The keys of a world's imports or exports in a .wit.json, interfaces named `ns:pkg/name@ver`. */
function jsonKeys(json: any, items: Record<string, any>): string[] {
  return Object.entries(items).map(([key, item]) => {
    if (!key.startsWith('interface-') || !item.interface) return key;
    const iface = json.interfaces[item.interface.id];
    const pkg = json.packages[iface.package];
    const [base, version] = pkg.name.split('@');
    return `${base}/${iface.name}${version ? `@${version}` : ''}`;
  });
}

test('worlds elaborate to the imports and exports wit-parser resolves', async () => {
  grammar = await ready();
  const mismatches: string[] = [];
  let worlds = 0;
  for (const jsonName of fs.readdirSync(ui).filter((n) => n.endsWith('.wit.json'))) {
    const base = jsonName.replace(/\.wit\.json$/, '');
    const entry = [path.join(ui, base + '.wit'), path.join(ui, base)].find((p) => fs.existsSync(p));
    if (!entry) continue;
    const json = JSON.parse(fs.readFileSync(path.join(ui, jsonName), 'utf8'));
    const { service, files } = errorsOf(entry);
    const packages = service.analysis(pathToUri(files[0])).packages;
    for (const w of json.worlds) {
      const pkgName = json.packages[w.package].name;
      const model = packages.find((p) => p.name === pkgName)?.worlds.find((x) => x.name === w.name);
      worlds++;
      if (!model) {
        mismatches.push(`${base}: world ${pkgName}/${w.name} missing`);
        continue;
      }
      const want = { imports: jsonKeys(json, w.imports), exports: jsonKeys(json, w.exports) };
      const got = { imports: model.imports.map((i) => i.key), exports: model.exports.map((i) => i.key) };
      if (
        JSON.stringify([...want.imports].sort()) !== JSON.stringify([...got.imports].sort()) ||
        JSON.stringify([...want.exports].sort()) !== JSON.stringify([...got.exports].sort())
      ) {
        mismatches.push(`${base}/${w.name}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      }
    }
  }
  assert.ok(worlds > 40, `checked ${worlds} worlds`);
  assert.deepEqual(mismatches, []);
});
