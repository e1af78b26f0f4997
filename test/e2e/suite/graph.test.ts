// Composition graphs in a real VS Code: the command opens the WIT graph beside the
// editor, its webview loads (it asks for the graph only once its script runs under
// the CSP) and the graph follows an edit; a .wasm opens in the component editor
// with the component graph read from the binary; plug fit names the near miss.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { itFeature, openWit, repoUri, replaceText, waitFor, whenServerRunning, workspaceUri } from '../helpers';

interface ShownGraph {
  title: string;
  mode: string;
  graph: {
    nodes: { id: string; kind: string; label: string; open?: boolean; status?: string }[];
    edges: { from: string; to: string; kind: string; label?: string }[];
  };
  notes?: string[];
  wit?: string;
}
const shown = async () => (await vscode.commands.executeCommand<Record<string, ShownGraph>>('wit.internal.shownGraphs')) ?? {};

/** Copies a committed component fixture into the (fresh, per-run) workspace. */
async function fixtureComponent(name: string): Promise<vscode.Uri> {
  const target = workspaceUri(`components/${name}.wasm`);
  await vscode.workspace.fs.copy(repoUri('test', 'fixtures', 'components', `${name}.wasm`), target, { overwrite: true });
  return target;
}

describe('composition graphs', () => {
  before(async () => {
    await whenServerRunning();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  itFeature('graph', 'WIT: Show Composition Graph opens the graph of the package beside the editor and follows edits', async () => {
    const editor = await openWit('app/world.wit');
    const original = editor.document.getText();
    await vscode.commands.executeCommand('wit.showCompositionGraph');
    const first = await waitFor('the webview to load and show the WIT graph', async () => (await shown()).wit, { timeoutMs: 30_000 });
    const worlds = first.graph.nodes.filter((n) => n.kind === 'world');
    assert.ok(worlds.length > 0, `worlds in the graph: ${first.graph.nodes.map((n) => `${n.kind} ${n.label}`).join(', ')}`);
    assert.ok(first.graph.edges.some((e) => e.kind === 'import' || e.kind === 'export'));
    const tab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('wit.compositionGraph'));
    assert.ok(tab, 'a webview tab for the graph');

    // A click on a world node (the same path as the webview's reveal message) selects its name in the WIT.
    const world = worlds[0];
    await vscode.commands.executeCommand('wit.internal.revealGraphNode', world.id);
    const revealed = await waitFor('the world declaration to be revealed', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.getText(e.selection) === world.label ? e : undefined;
    });
    assert.equal(revealed.document.uri.toString(), editor.document.uri.toString());

    // Add a world: the view is asked again and shows it.
    try {
      await replaceText(editor.document, `${original}\nworld graph-e2e-added {\n}\n`);
      await waitFor(
        'the new world in the graph',
        async () => (await shown()).wit?.graph.nodes.some((n) => n.label.includes('graph-e2e-added')) || undefined,
        { timeoutMs: 20_000 },
      );
    } finally {
      await replaceText(editor.document, original);
      await editor.document.save();
    }
  });

  itFeature('graph', 'a .wasm component opens in the component editor with its graph and WIT', async () => {
    const uri = await fixtureComponent('composed');
    await vscode.commands.executeCommand('vscode.open', uri);
    const view = await waitFor('the component editor to show the graph', async () => (await shown())[uri.toString()], {
      timeoutMs: 30_000,
    });
    assert.equal(view.mode, 'component');
    const top = view.graph.nodes.filter((n) => !('parent' in n) || !(n as { parent?: string }).parent);
    assert.deepEqual(
      top.filter((n) => n.open).map((n) => n.label),
      ['docs:calc/logger@0.1.0'],
    );
    assert.equal(top.filter((n) => n.kind === 'instance').length, 2);
    assert.ok(view.graph.edges.some((e) => e.kind === 'with' && e.label === 'docs:calc/adder@0.1.0'));
    assert.match(view.wit ?? '', /import docs:calc\/logger@0\.1\.0;/, `the WIT jco prints for it; shown: ${view.wit?.slice(0, 300)}`);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom && tab.input.viewType === 'wit.componentViewer');
  });

  itFeature('graph', 'plug fit between two components names the function that differs', async () => {
    const consumer = await fixtureComponent('calculator');
    const provider = await fixtureComponent('adder-wide');
    await vscode.commands.executeCommand('wit.showPlugFit', consumer, provider);
    const view = await waitFor('the plug fit view', async () => (await shown()).plug);
    assert.ok(
      view.notes?.some((n) => n.includes('function `add` differs')),
      view.notes?.join('\n'),
    );
    assert.ok(view.graph.nodes.some((n) => n.status === 'missing' && n.label === 'docs:calc/logger@0.1.0'));
  });

  itFeature('graph', 'plug fit of a world against a component: the version near miss', async () => {
    const witDir = repoUri('test', 'fixtures', 'components', 'wit', 'adder').fsPath;
    const provider = await fixtureComponent('adder-v2');
    await vscode.commands.executeCommand('wit.showPlugFit', { world: 'docs:calc/calculator@0.1.0', witDir }, provider);
    const view = await waitFor('the plug fit view of the world', async () => {
      const plug = (await shown()).plug;
      return plug?.title.includes('docs:calc/calculator@0.1.0') ? plug : undefined;
    });
    assert.ok(
      view.notes?.some((n) => n.includes('version mismatch: needs 0.1.0, adder-v2 exports 0.2.0')),
      view.notes?.join('\n'),
    );
  });
});
