// The graph webview: receives a graph from the extension, lays it out with graphviz,
// draws it, and lets the user pan, zoom, move between nodes with the keyboard,
// reveal a node's declaration, filter to one world and export the drawing as SVG.
import type { FromWebview, GraphMessage, ToWebview } from '../../../client/src/graph/messages';
import { layoutGraph, type Layout, type PlacedNode } from './layout';
import { renderGraph } from './render';
import { PanZoom } from './panZoom';
import { nearestInDirection, type Direction } from './keyboard';
import { exportSvg } from './exportSvg';
import { html } from './svg';
import { closeInstances, foldDependencies } from './fold';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let generation = 0;
/** Whether deps/ packages are drawn open (folded by default). */
let unfolded = false;
/** Whether a component's instances show what they are made of (closed by default). */
let insides = false;
let last: GraphMessage | undefined;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'graph') void show(m);
  else if (m.type === 'error') showError(m.message);
});
vscode.postMessage({ type: 'ready' });

function showError(message: string): void {
  app.replaceChildren(html('div', { class: 'error', role: 'alert' }, message));
  document.body.dataset.state = 'error';
}

async function show(m: GraphMessage): Promise<void> {
  const mine = ++generation;
  last = m;
  document.body.dataset.state = 'layout';
  // The first layout also compiles graphviz's wasm: say what is happening meanwhile.
  if (!app.firstChild) app.append(html('div', { class: 'empty', role: 'status' }, `Laying out ${m.graph.nodes.length} nodes…`));
  const started = performance.now();
  const foldable = m.mode === 'wit' && m.graph.nodes.some((n) => n.kind === 'package' && n.dependency);
  const closable = m.mode === 'component' && m.graph.nodes.some((n) => n.parent);
  const graph = foldable && !unfolded ? foldDependencies(m.graph) : closable && !insides ? closeInstances(m.graph) : m.graph;
  let layout: Layout;
  try {
    layout = await layoutGraph(graph);
  } catch (e) {
    // Say so rather than leave "Laying out…" up: graphviz's wasm may fail to load (a CSP without wasm).
    if (mine === generation) showError(`Could not lay the graph out: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (mine !== generation) return; // a newer graph arrived while this one was laid out
  const ms = performance.now() - started;

  const toolbar = html('div', { class: 'toolbar', role: 'toolbar' });
  toolbar.append(html('h1', { class: 'title' }, m.title));
  if (m.mode === 'wit' && m.worlds && m.worlds.length > 0) {
    const select = html('select', { 'aria-label': 'Show one world', class: 'world-select' });
    select.append(html('option', { value: '' }, 'All worlds'));
    for (const w of m.worlds) {
      const o = html('option', { value: w }, w);
      if (w === m.world) o.selected = true;
      select.append(o);
    }
    select.addEventListener('change', () => vscode.postMessage({ type: 'selectWorld', world: select.value }));
    toolbar.append(select);
  }
  if (closable) {
    const toggle = html(
      'button',
      { type: 'button', 'aria-pressed': String(insides), title: 'Show the modules and instances inside each instance' },
      insides ? 'Hide insides' : 'Show insides',
    );
    toggle.addEventListener('click', () => {
      insides = !insides;
      if (last) void show(last);
    });
    toolbar.append(toggle);
  }
  if (foldable) {
    const toggle = html(
      'button',
      { type: 'button', 'aria-pressed': String(unfolded), title: 'Show the interfaces and worlds of deps/ packages' },
      unfolded ? 'Fold deps' : 'Unfold deps',
    );
    toggle.addEventListener('click', () => {
      unfolded = !unfolded;
      if (last) void show(last);
    });
    toolbar.append(toggle);
  }
  const button = (label: string, title: string, action: () => void) => {
    const b = html('button', { type: 'button', title, 'aria-label': title }, label);
    b.addEventListener('click', action);
    toolbar.append(b);
    return b;
  };

  const main = html('div', { class: 'main' });
  const canvas = html('div', { class: 'canvas' });
  main.append(canvas);
  const rendered = renderGraph(layout, m.title);
  canvas.append(rendered.root);
  if (graph.nodes.length === 0) canvas.append(html('div', { class: 'empty' }, 'Nothing to show: no packages, worlds or interfaces here.'));
  canvas.append(legend(m.mode));
  if (m.notes?.length) {
    const notes = html('aside', { class: 'notes', 'aria-label': 'Details' });
    notes.append(html('h2', {}, m.mode === 'plug' ? 'Why it fits or not' : 'Notes'));
    const list = html('ul');
    for (const n of m.notes) list.append(html('li', {}, n));
    notes.append(list);
    main.append(notes);
  }

  const views: HTMLElement[] = [main];
  // For a component, "reveal" means its WIT: the WIT tab, at the line that names the node.
  let revealInWit: ((label: string) => void) | undefined;
  if (m.wit !== undefined) {
    const lines = m.wit.split('\n').map((line) => html('span', { class: 'line' }, `${line}\n`));
    const witView = html('pre', { class: 'wit', tabindex: '0', 'aria-label': 'WIT of the component' }, ...lines);
    witView.hidden = true;
    views.push(witView);
    const tabs = html('div', { class: 'tabs', role: 'tablist' });
    const tabButtons: HTMLButtonElement[] = [];
    const select = (view: HTMLElement) => {
      views.forEach((v, i) => {
        v.hidden = v !== view;
        tabButtons[i].setAttribute('aria-selected', String(v === view));
      });
    };
    for (const [label, view] of [
      ['Graph', main],
      ['WIT', witView],
    ] as const) {
      const t = html('button', { role: 'tab', type: 'button', 'aria-selected': String(view === main) }, label);
      t.addEventListener('click', () => select(view));
      tabButtons.push(t);
      tabs.append(t);
    }
    toolbar.insertBefore(tabs, toolbar.children[1] ?? null);
    revealInWit = (label) => {
      select(witView);
      // The full name, else the interface name; an instance (`component 0 (calculate)`) by what it exports.
      const short = label.replace(/@[^@/]*$/, '').replace(/^.*[/:]/, '');
      const exported = /\(([^)]+)\)$/.exec(label)?.[1].split(', ')[0];
      const hit = [label, exported && `/${exported}@`, exported && `/${exported};`, short]
        .filter((x): x is string => !!x)
        .map((needle) => lines.find((l) => l.textContent?.includes(needle)))
        .find((l) => l !== undefined);
      for (const l of lines) l.classList.toggle('hit', l === hit);
      hit?.scrollIntoView({ block: 'center' });
      witView.focus();
    };
  }

  app.replaceChildren(toolbar, ...views);
  const pz = new PanZoom(rendered.root, rendered.viewport, layout.width, layout.height);
  pz.fit();
  button('−', 'Zoom out (-)', () => pz.zoomAt(1 / 1.25));
  button('+', 'Zoom in (+)', () => pz.zoomAt(1.25));
  button('Fit', 'Fit to window (0)', () => pz.fit());
  button('Export SVG', 'Export the graph as an SVG file', () => {
    vscode.postMessage({ type: 'exportSvg', svg: exportSvg(rendered.root, layout.width, layout.height) });
  });
  wireNodes(layout, rendered.nodeElements, pz, revealInWit);
  document.body.dataset.state = 'ready';
  document.body.dataset.layoutMs = ms.toFixed(1);
}

function wireNodes(layout: Layout, elements: Map<string, SVGGElement>, pz: PanZoom, revealInWit?: (label: string) => void): void {
  const byId = new Map(layout.nodes.map((n) => [n.node.id, n]));
  const reveal = (p: PlacedNode) => {
    if (revealInWit) revealInWit(p.node.label);
    vscode.postMessage({ type: 'reveal', id: p.node.id });
  };
  const keys: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
  for (const [id, el] of elements) {
    const placed = byId.get(id)!;
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      if ((e.target as Element).closest('.node') === el) reveal(placed);
    });
    el.addEventListener('focus', () => pz.ensureVisible(placed.x, placed.y, placed.width, Math.min(placed.height, 60)));
    el.addEventListener('keydown', (e) => {
      const dir = keys[e.key];
      if (dir && !e.shiftKey) {
        e.preventDefault();
        e.stopPropagation();
        const next =
          nearestInDirection(
            placed,
            layout.nodes.filter((n) => !n.compound || n === placed),
            dir,
          ) ?? nearestInDirection(placed, layout.nodes, dir);
        if (next) elements.get(next.node.id)?.focus();
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        reveal(placed);
      }
    });
  }
  document.onkeydown = (e) => {
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement) return;
    if (e.key === '+' || e.key === '=') pz.zoomAt(1.25);
    else if (e.key === '-') pz.zoomAt(1 / 1.25);
    else if (e.key === '0') pz.fit();
    else if (e.shiftKey && keys[e.key]) {
      const d = keys[e.key];
      pz.panBy(d === 'left' ? 60 : d === 'right' ? -60 : 0, d === 'up' ? 60 : d === 'down' ? -60 : 0);
    } else if (keys[e.key] && !(e.target instanceof SVGElement)) {
      const first = [...elements.values()].find((el) => !el.classList.contains('compound')) ?? elements.values().next().value;
      first?.focus();
    }
  };
}

const LEGENDS: Record<GraphMessage['mode'], [string, string][]> = {
  wit: [
    ['import', 'imports'],
    ['export', 'exports'],
    ['use', 'uses types of'],
    ['include', 'includes'],
    ['depends', 'depends on'],
  ],
  component: [
    ['with', 'satisfies an import of (with)'],
    ['export', 'exported as'],
  ],
  plug: [
    ['satisfied', 'satisfies'],
    ['near-miss', 'near miss'],
    ['missing', 'missing'],
  ],
};

function legend(mode: GraphMessage['mode']): HTMLElement {
  const box = html('div', { class: 'legend', 'aria-label': 'Legend' });
  for (const [kind, text] of LEGENDS[mode]) {
    const swatch = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    swatch.setAttribute('width', '28');
    swatch.setAttribute('height', '10');
    swatch.setAttribute('class', `edge edge-${kind}`);
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    line.setAttribute('d', 'M 1 5 L 27 5');
    swatch.append(line);
    box.append(html('span', { class: 'legend-item' }, swatch, text));
  }
  if (mode === 'component') box.append(html('span', { class: 'legend-item' }, html('span', { class: 'swatch-open' }), 'open import'));
  return box;
}
