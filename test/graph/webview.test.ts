// The graph webview in a real headless Chromium, under the same CSP as in VS Code,
// drawing real graphs: the composed component, the WASI 0.3 http WIT graph and a
// plug fit. Screenshots go to media/screenshots/graph-*.png (look at them).
// suite: live
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BrowserHarness, browserMissing, screenshotsDir, mediaGraph, type PageGlobals } from './browserPage';
import { readFixture } from './fixtures';
import { componentGraph } from '../../common/component/componentGraph';
import { componentSide, plugFit } from '../../common/component/plugFit';
import { componentViewGraph, plugFitNotes, plugFitViewGraph, toViewGraph } from '../../client/src/graph/viewGraphs';
import { wasiWorkspaceGraph } from './wasiWorkspace';
import { closeInstances, foldDependencies } from '../../media/graph/src/fold';

const harness = new BrowserHarness();
// Without a browser every test here skips, saying so once (as the lldb tests do).
const noBrowser = browserMissing();
if (noBrowser) console.log(`skipped: webview tests: ${noBrowser}`);
const needsBrowser = { skip: noBrowser ?? false };
before(async () => {
  if (noBrowser) return;
  assert.ok(fs.existsSync(path.join(mediaGraph, 'dist', 'graph.js')), 'run `npm run build` first (bundles media/graph/dist/graph.js)');
  fs.mkdirSync(screenshotsDir, { recursive: true });
  await harness.start();
});
after(() => (noBrowser ? undefined : harness.stop()));

test('component graph: instances, wiring labels and the open import, keyboard and reveal', needsBrowser, async () => {
  const g = componentViewGraph(componentGraph(readFixture('composed')));
  const p = await harness.open('dark');
  await p.show({
    type: 'graph',
    mode: 'component',
    title: 'composed.wasm: 2 nested components, 1 open import',
    graph: g,
    wit: 'package root:component;\n\nworld root {\n  import docs:calc/logger@0.1.0;\n\n  export docs:calc/calculate@0.1.0;\n}\n',
  });
  const page = p.page;
  // At first the composition alone: instances closed.
  assert.equal(await page.locator('g.node').count(), closeInstances(g).nodes.length);
  assert.deepEqual(
    (
      await page
        .locator('g.node')
        .evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string }).getAttribute('data-id')))
    ).sort(),
    ['export:docs:calc/calculate@0.1.0', 'import:docs:calc/logger@0.1.0', 'instance:1', 'instance:3'],
  );
  await page.screenshot({ path: path.join(screenshotsDir, 'graph-component.png') });
  await page.getByRole('button', { name: 'Show insides' }).click();
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.body.dataset.state === 'ready');
  assert.equal(await page.locator('g.node').count(), g.nodes.length, 'one drawn node per graph node');
  const open = page.locator('g.node.open');
  assert.equal(await open.count(), 1);
  assert.match((await open.getAttribute('aria-label')) ?? '', /docs:calc\/logger@0\.1\.0, unsatisfied import/);
  const labels = await page.locator('text.edge-label').allTextContents();
  assert.ok(labels.includes('docs:calc/adder@0.1.0'), `with-wiring labels drawn: ${labels.join(', ')}`);
  await page.screenshot({ path: path.join(screenshotsDir, 'graph-component-insides.png') });

  // Keyboard: focus a node, move right, Enter reveals it (in the WIT tab for a component).
  await page.locator('g.node.open').focus();
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute('data-id'));
  assert.ok(focused && focused !== 'import:docs:calc/logger@0.1.0', `focus moved (${focused})`);
  await page.locator('g.node.open').focus();
  await page.keyboard.press('Enter');
  const sent = (await p.sent()) as { type: string; id?: string }[];
  assert.ok(sent.some((m) => m.type === 'reveal' && m.id === 'import:docs:calc/logger@0.1.0'));
  assert.equal(await page.locator('pre.wit').isVisible(), true, 'the WIT tab is shown');
  assert.match((await page.locator('pre.wit .line.hit').textContent()) ?? '', /import docs:calc\/logger/);
  // An instance is found in the WIT by what it exports.
  await page.getByRole('tab', { name: 'Graph' }).click();
  await page.locator('g.node[data-id="instance:3"]').focus();
  await page.keyboard.press('Enter');
  assert.match((await page.locator('pre.wit .line.hit').textContent()) ?? '', /export docs:calc\/calculate@0\.1\.0;/);

  // Export: a standalone SVG with the theme's colours written in.
  await page.getByRole('tab', { name: 'Graph' }).click();
  await page.getByRole('button', { name: 'Export the graph as an SVG file' }).click();
  const exported = ((await p.sent()) as { type: string; svg?: string }[]).find((m) => m.type === 'exportSvg');
  const svgText = exported?.svg ?? '';
  assert.ok(svgText.startsWith('<svg'));
  assert.match(svgText, /docs:calc\/calculate@0\.1\.0/);
  assert.match(svgText, /stroke="rgb\(/, 'colours resolved from the theme');
  assert.deepEqual(p.problems, [], 'no CSP violations or errors');
  await page.close();
});

test('WIT graph of WASI 0.3 http (light theme): packages around their interfaces, world filter', needsBrowser, async () => {
  const g = toViewGraph(await wasiWorkspaceGraph('http'));
  const p = await harness.open('light');
  const worlds = g.nodes.filter((n) => n.kind === 'world' && !n.dependency).map((n) => n.label);
  await p.show({ type: 'graph', mode: 'wit', title: 'WIT graph of wasi-0.3/http', graph: g, worlds, world: '' });
  const page = p.page;
  // deps/ packages start folded: one node each.
  const folded = foldDependencies(g);
  assert.ok(folded.nodes.length < g.nodes.length);
  assert.equal(await page.locator('g.node').count(), folded.nodes.length);
  assert.equal(await page.locator('g.compound.kind-package').count(), 1, 'the home package is a frame around its items');
  assert.ok((await page.locator('g.edge-import path').count()) > 0);
  await page.screenshot({ path: path.join(screenshotsDir, 'graph-wit.png') });
  await page.getByRole('button', { name: 'Unfold deps' }).click();
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.body.dataset.state === 'ready');
  assert.equal(await page.locator('g.node').count(), g.nodes.length, 'unfolded: every interface of the deps');
  await page.screenshot({ path: path.join(screenshotsDir, 'graph-wit-unfolded.png') });
  await page.locator('select.world-select').selectOption({ index: 1 });
  const sent = (await p.sent()) as { type: string; world?: string }[];
  assert.ok(sent.some((m) => m.type === 'selectWorld' && m.world === worlds[0]));
  assert.deepEqual(p.problems, []);
  await page.close();
});

test('plug fit: satisfied, near miss with its reason, missing', needsBrowser, async () => {
  const consumer = componentSide(readFixture('calculator'), 'imports', 'calculator');
  const provider = componentSide(readFixture('adder-wide'), 'exports', 'adder-wide');
  const fit = plugFit(consumer, provider);
  const p = await harness.open('dark', { width: 1200, height: 520 });
  await p.show({
    type: 'graph',
    mode: 'plug',
    title: "Does adder-wide satisfy calculator's imports?",
    graph: plugFitViewGraph(
      fit,
      provider.interfaces.map((i) => i.name),
    ),
    notes: plugFitNotes(fit),
  });
  const page = p.page;
  assert.equal(await page.locator('g.node.status-near-miss').count(), 1);
  assert.equal(await page.locator('g.node.status-missing').count(), 1);
  const notes = await page.locator('aside.notes li').allTextContents();
  assert.ok(
    notes.some((n) => n.includes('function `add` differs: needs func(a: u32, b: u32) -> u32, gets func(a: u64, b: u64) -> u64')),
    notes.join('\n'),
  );
  await page.screenshot({ path: path.join(screenshotsDir, 'graph-plugfit.png') });
  assert.deepEqual(p.problems, []);
  await page.close();
});

test('high contrast: contrast borders, the focused node outlined in the active border colour', needsBrowser, async () => {
  const g = componentViewGraph(componentGraph(readFixture('composed'), { depth: 0 }));
  const p = await harness.open('hc', { width: 1100, height: 420 });
  await p.show({ type: 'graph', mode: 'component', title: 'composed.wasm (high contrast)', graph: g });
  const page = p.page;
  const instance = page.locator('g.node.kind-instance').first();
  await instance.focus();
  const stroke = await instance
    .locator('rect.box')
    .evaluate(
      (el) => (globalThis as unknown as PageGlobals & { getComputedStyle(e: unknown): { stroke: string } }).getComputedStyle(el).stroke,
    );
  assert.equal(stroke, 'rgb(243, 133, 24)', 'the focused node uses contrastActiveBorder');
  await page.screenshot({ path: path.join(screenshotsDir, 'graph-component-hc.png') });
  assert.deepEqual(p.problems, []);
  await page.close();
});
