// wit/compositionGraph over LSP: the bundled server over stdio answers for an open
// WASI 0.3 http file, filters to one world, and follows an unsaved edit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { LspClient, corpusRoot } from '../server/lspClient';
import type { CompositionGraph } from '../../common/protocol';

let client: LspClient;
const proxy = path.join(corpusRoot, 'wasi-0.3', 'http', 'worlds.wit');

before(async () => {
  client = new LspClient();
  await client.start();
});
after(() => client.stop());

const label = (g: CompositionGraph, id: string) => g.nodes.find((n) => n.id === id)?.label;

test('the graph of the package of a document, and of one world', async () => {
  const uri = client.open(proxy);
  const all = await client.request<CompositionGraph>('wit/compositionGraph', { uri });
  const service = all.nodes.find((n) => n.kind === 'world' && n.label === 'service');
  assert.ok(
    service,
    `worlds: ${all.nodes
      .filter((n) => n.kind === 'world')
      .map((n) => n.label)
      .join(', ')}`,
  );
  assert.ok(service.uri && service.range, 'a world node says where it is declared');
  const exports = all.edges.filter((e) => e.from === service.id && e.kind === 'export').map((e) => label(all, e.to));
  assert.deepEqual(exports, ['handler']);
  const imports = all.edges.filter((e) => e.from === service.id && e.kind === 'import').map((e) => label(all, e.to));
  assert.ok(imports.includes('types'), imports.join(', '));
  assert.ok(
    imports.some((l) => l?.startsWith('wasi:clocks/')),
    'elaborated: the clocks the world includes',
  );

  const one = await client.request<CompositionGraph>('wit/compositionGraph', { uri, world: 'wasi:http/middleware@0.3.0' });
  const middleware = one.nodes.find((n) => n.label === 'middleware');
  assert.ok(middleware);
  // Only the world and what it reaches: the worlds it includes, nothing else.
  const included = new Set(one.edges.filter((e) => e.kind === 'include').map((e) => e.to));
  for (const w of one.nodes.filter((n) => n.kind === 'world' && n.id !== middleware.id))
    assert.ok(included.has(w.id), `${w.label} is reached by an include`);
  const base = await client.request<CompositionGraph>('wit/compositionGraph', { uri, world: 'wasi:clocks/imports@0.3.0' });
  assert.ok(!base.nodes.some((n) => n.kind === 'world' && n.label.includes('http')), 'a world of a dependency alone: nothing of http');
});

test('an unsaved edit shows in the graph', async () => {
  const uri = client.open(proxy);
  client.change(uri, `${fs.readFileSync(proxy, 'utf8')}\nworld extra-lsp-world {\n  export handler;\n}\n`);
  const g = await client.request<CompositionGraph>('wit/compositionGraph', { uri });
  const extra = g.nodes.find((n) => n.label === 'extra-lsp-world');
  assert.ok(extra);
  const edges = g.edges.filter((e) => e.from === extra.id).map((e) => `${e.kind} ${label(g, e.to)}`);
  assert.deepEqual(
    edges.filter((e) => e.startsWith('export')),
    ['export handler'],
  );
  assert.ok(edges.includes('import types'), 'elaborated: what the exported handler uses is imported');
});
