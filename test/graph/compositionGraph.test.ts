// The WIT graph over hand-built package models (the shape the resolver fills):
// nodes, labels and the edges a user reads, and the filter to one world.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, InterfaceModel, PackageModel, WorldModel } from '../../server/src/core/model';
import { buildCompositionGraph } from '../../server/src/core/features/compositionGraph';
import { foldDependencies } from '../../media/graph/src/fold';
import { toViewGraph } from '../../client/src/graph/viewGraphs';

function pkg(name: string, isDependency = false): PackageModel {
  return { name, uris: [`file:///ws/${name.replace(/[:@]/g, '-')}.wit`], interfaces: [], worlds: [], dependencies: [], isDependency };
}
function iface(p: PackageModel, name: string, uses: InterfaceModel[] = []): InterfaceModel {
  const [base, version] = p.name.split('@');
  const i: InterfaceModel = {
    name,
    qualified: `${base}/${name}${version ? `@${version}` : ''}`,
    package: p,
    uses,
    functions: [],
    types: [],
  };
  p.interfaces.push(i);
  return i;
}
function world(p: PackageModel, name: string): WorldModel {
  const [base, version] = p.name.split('@');
  const w: WorldModel = {
    name,
    qualified: `${base}/${name}${version ? `@${version}` : ''}`,
    package: p,
    imports: [],
    exports: [],
    includes: [],
  };
  p.worlds.push(w);
  return w;
}

function sample() {
  const io = pkg('wasi:io@0.2.0', true);
  const streams = iface(io, 'streams');
  const poll = iface(io, 'poll');
  iface(io, 'error'); // never reached: folded away
  streams.uses.push(poll);
  const app = pkg('my:app@1.0.0');
  app.dependencies.push(io);
  const types = iface(app, 'types', [streams]);
  const api = iface(app, 'api', [types]);
  const base = world(app, 'base');
  base.imports.push({ key: 'log', kind: 'function', explicit: true });
  const service = world(app, 'service');
  service.includes.push(base);
  // Elaborated: the transitive imports of `api` come first, as wit-parser orders them.
  service.imports.push(
    { key: poll.qualified, kind: 'interface', interface: poll, explicit: false },
    { key: streams.qualified, kind: 'interface', interface: streams, explicit: false },
    { key: types.qualified, kind: 'interface', interface: types, explicit: false },
    { key: 'log', kind: 'function', explicit: true },
  );
  service.exports.push({ key: api.qualified, kind: 'interface', interface: api, explicit: true });
  const analysis: Analysis = { symbolsByUri: new Map(), references: [], diagnostics: new Map(), packages: [app, io] };
  return { analysis, app };
}

const show = (g: ReturnType<typeof buildCompositionGraph>) => {
  const label = (id: string) => g.nodes.find((n) => n.id === id)!.label;
  return g.edges.map((e) => `${label(e.from)} -${e.kind}-> ${label(e.to)}`).sort();
};

test('the whole package: home items by name, dependency items qualified, unreached deps folded', () => {
  const { analysis, app } = sample();
  const g = buildCompositionGraph(analysis, { uri: app.uris[0] });
  assert.deepEqual(
    g.nodes.map((n) => `${n.kind} ${n.label}${n.dependency ? ' (dep)' : ''}`).sort(),
    [
      // A world's own functions belong to that world: one node each.
      'function log',
      'function log',
      'interface api',
      'interface types',
      'interface wasi:io/poll@0.2.0 (dep)',
      'interface wasi:io/streams@0.2.0 (dep)',
      'package my:app@1.0.0',
      'package wasi:io@0.2.0 (dep)',
      'world base',
      'world service',
    ].sort(),
  );
  assert.deepEqual(show(g), [
    'api -use-> types',
    'base -import-> log',
    'my:app@1.0.0 -depends-> wasi:io@0.2.0',
    'service -export-> api',
    'service -import-> log',
    'service -import-> types',
    'service -import-> wasi:io/poll@0.2.0',
    'service -import-> wasi:io/streams@0.2.0',
    'service -include-> base',
    'types -use-> wasi:io/streams@0.2.0',
    'wasi:io/streams@0.2.0 -use-> wasi:io/poll@0.2.0',
  ]);
  const poll = g.nodes.find((n) => n.label === 'wasi:io/poll@0.2.0');
  assert.equal(poll?.parent, 'package:wasi:io@0.2.0', 'drawn inside its package');
});

test('filtered to one world: it and what it reaches, nothing else', () => {
  const { analysis, app } = sample();
  const g = buildCompositionGraph(analysis, { uri: app.uris[0], world: 'base' });
  assert.deepEqual(show(g), ['base -import-> log']);
  assert.deepEqual(g.nodes.map((n) => n.label).sort(), ['base', 'log', 'my:app@1.0.0']);
  const q = buildCompositionGraph(analysis, { uri: app.uris[0], world: 'my:app/service@1.0.0' });
  assert.ok(q.nodes.some((n) => n.label === 'wasi:io/poll@0.2.0'));
  assert.ok(!q.nodes.some((n) => n.label === 'wasi:io/error@0.2.0'));
});

test('folding deps/ in the view: one node per dependency package, edges merged onto it', () => {
  const { analysis, app } = sample();
  const folded = foldDependencies(toViewGraph(buildCompositionGraph(analysis, { uri: app.uris[0] })));
  const label = (id: string) => folded.nodes.find((n) => n.id === id)!.label;
  assert.ok(!folded.nodes.some((n) => n.label.startsWith('wasi:io/')), "the dependency's interfaces are folded");
  assert.equal(folded.nodes.find((n) => n.label === 'wasi:io@0.2.0')?.detail, '2 items folded (deps/)');
  assert.deepEqual(folded.edges.map((e) => `${label(e.from)} -${e.kind}-> ${label(e.to)}`).sort(), [
    'api -use-> types',
    'base -import-> log',
    'my:app@1.0.0 -depends-> wasi:io@0.2.0',
    'service -export-> api',
    'service -import-> log',
    'service -import-> types',
    'service -import-> wasi:io@0.2.0',
    'service -include-> base',
    'types -use-> wasi:io@0.2.0',
  ]);
});
