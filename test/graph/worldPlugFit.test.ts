// Plug fit against a world: the world made into a component by real jco (embed a
// dummy module + component new), read back by the component reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { worldAsComponent } from '../../client/src/graph/worldComponent';
import { readComponent } from '../../common/component/reader';
import { componentSide, plugFit } from '../../common/component/plugFit';
import { componentsDir, readFixture } from './fixtures';
import { wasi03 } from './wasiWorkspace';

const calcWit = path.join(componentsDir, 'wit', 'adder');

test('a world as consumer: the calculator world needs what the calculator component needs', async () => {
  const world = componentSide(readComponent(await worldAsComponent(calcWit, 'docs:calc/calculator@0.1.0')), 'imports', 'calculator world');
  const built = componentSide(readFixture('calculator'), 'imports', 'calculator.wasm');
  const fns = (side: typeof world) => side.interfaces.map((i) => [i.name, [...i.functions].map(([n, sig]) => `${n}: ${sig.text}`)]);
  assert.deepEqual(fns(world), fns(built));
  const fit = plugFit(world, componentSide(readFixture('adder-v2'), 'exports', 'adder-v2'));
  assert.deepEqual(
    fit.matches.map((m) => `${m.status} ${m.import}`),
    ['near-miss docs:calc/adder@0.1.0', 'missing docs:calc/logger@0.1.0'],
  );
});

test('a world as provider: WASI 0.3 http service exports the handler a middleware world imports', async () => {
  const http = path.join(wasi03, 'http');
  const service = componentSide(readComponent(await worldAsComponent(http, 'wasi:http/service@0.3.0')), 'exports', 'service');
  const middleware = componentSide(readComponent(await worldAsComponent(http, 'wasi:http/middleware@0.3.0')), 'imports', 'middleware');
  const fit = plugFit(middleware, service);
  const handler = fit.matches.find((m) => m.import === 'wasi:http/handler@0.3.0');
  assert.equal(handler?.status, 'satisfied', JSON.stringify(handler));
  // Everything else the middleware imports (types, cli, clocks ...) a service does not export.
  assert.ok(fit.matches.filter((m) => m.status === 'missing').length > 3);
});
