// Interface evolution in the editor, through the language service: changes
// against a base as diagnostics where the items are (the base's declaration in
// the message, which hover shows), and the quick fix that adds `@since`.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createWitLanguageService, pathToUri, COMPATIBILITY_CODE, MISSING_SINCE_CODE } from '../../server/src/core/index';
import { nodeHost } from '../../server/src/nodeHost';
import { editedCopy, fixtures, removeTemps, repoRoot, witFiles } from './helpers';

after(removeTemps);

const shop = path.join(fixtures, 'shop');
const bumped = (edits: Record<string, Array<[string | RegExp, string]>>) =>
  editedCopy(
    shop,
    Object.fromEntries(
      witFiles(shop).map((f) => [f, [['package example:shop@1.0.0;', 'package example:shop@1.1.0;'], ...(edits[f] ?? [])]]),
    ),
  );

async function diagnosticsOf(dir: string, breaking: 'error' | 'warning' = 'warning') {
  const service = await createWitLanguageService(nodeHost, { wasmDir: path.join(repoRoot, 'dist') });
  const uri = (d: string, f: string) => pathToUri(path.join(d, f));
  const map = service.compatibilityDiagnostics(uri(shop, 'catalog.wit'), uri(dir, 'catalog.wit'), { baseLabel: 'main', breaking });
  return {
    service,
    map,
    catalog: map.get(uri(dir, 'catalog.wit')) ?? [],
    store: map.get(uri(dir, 'store.wit')) ?? [],
    uri: uri(dir, 'catalog.wit'),
  };
}

test('a changed type: a diagnostic at its name, breaking as the setting says, the base text in the message', async () => {
  const dir = bumped({ 'catalog.wit': [['name: string,', 'name: string,\n        price: u32,']] });
  const { catalog } = await diagnosticsOf(dir);
  assert.equal(catalog.length, 1);
  const d = catalog[0];
  assert.equal(d.code, COMPATIBILITY_CODE);
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assert.equal(d.range.start.line, 6);
  assert.match(
    String(d.message),
    /^`catalog\/item` changed since main \(importers: breaking, exporters: breaking\)\n- field price added \(u32\)\n- breaks both sides: [^\n]*\nmain had:\n@since\(version = 1\.0\.0\)\n {4}record item \{\n {8}id: u64,\n {8}name: string,\n {4}\}$/,
  );
  assert.equal((await diagnosticsOf(dir, 'error')).catalog[0].severity, DiagnosticSeverity.Error);
});

test('a removed method is shown on its resource; an added one without @since gets the quick fix', async () => {
  const dir = bumped({
    'catalog.wit': [
      [/ +@since\(version = 1\.0\.0\)\n +total: func\(\) -> u64;\n/, ''],
      ['        add: func(id: u64);', '        add: func(id: u64);\n        clear: func();'],
    ],
  });
  const { catalog, service, uri } = await diagnosticsOf(dir);
  const removed = catalog.find((d) => String(d.message).startsWith('`catalog/cart.total` removed'))!;
  assert.ok(removed, catalog.map((d) => d.message).join('\n'));
  assert.equal(removed.range.start.line, 18); // `resource cart`
  const added = catalog.find((d) => String(d.message).startsWith('`catalog/cart.clear` added'))!;
  assert.equal(added.severity, DiagnosticSeverity.Warning);
  const missing = catalog.find((d) => d.code === MISSING_SINCE_CODE) as Diagnostic;
  assert.match(String(missing.message), /add `@since\(version = 1\.1\.0\)`/);
  const edit = service.sinceGateFix(uri, missing)!;
  const text = fs.readFileSync(path.join(dir, 'catalog.wit'), 'utf8');
  const lines = text.split('\n');
  lines.splice(edit.range.start.line, 0, edit.newText.replace(/\n$/, ''));
  fs.writeFileSync(path.join(dir, 'catalog.wit'), lines.join('\n'));
  assert.match(lines.join('\n'), / {8}@since\(version = 1\.1\.0\)\n {8}clear: func\(\);/);
  // Fixed: no missing-since any more.
  const after = await diagnosticsOf(dir);
  assert.ok(!after.catalog.some((d) => d.code === MISSING_SINCE_CODE));
});

test('a wrong @since version is corrected in place; compatible changes are information', async () => {
  const dir = bumped({
    'catalog.wit': [
      [
        '    @since(version = 1.0.0)\n    lookup',
        '    @since(version = 1.0.0)\n    find: func() -> u32;\n\n    @since(version = 1.0.0)\n    @deprecated(version = 1.1.0)\n    lookup',
      ],
    ],
  });
  const { catalog, service, uri } = await diagnosticsOf(dir);
  const wrong = catalog.find((d) => d.code === MISSING_SINCE_CODE)!;
  assert.match(String(wrong.message), /gated `@since\(version = 1\.0\.0\)`; this release is 1\.1\.0/);
  const edit = service.sinceGateFix(uri, wrong)!;
  assert.equal(edit.newText, '1.1.0');
  const deprecated = catalog.find((d) => String(d.message).startsWith('`catalog/lookup` changed'))!;
  assert.equal(deprecated.severity, DiagnosticSeverity.Information);
});

test('no named package on a side: no diagnostics', async () => {
  const dir = editedCopy(shop, {
    'catalog.wit': [['package example:shop@1.0.0;\n', '']],
    'store.wit': [['package example:shop@1.0.0;\n', '']],
  });
  assert.equal((await diagnosticsOf(dir)).map.size, 0);
});
