// WAC compositions in a real VS Code, with the real wac: a document composing five components
// (test/fixtures/wac-five, copied into the workspace with its deps/) gets a typo typed into it;
// the problem appears with wac's message at the line of the typo and clears once the typo is
// deleted; `WIT: Show Composition Graph` draws the composition (instances named after the
// lets, which export feeds which import, the open WASI imports, the exports) and redraws it
// after an edit. Needs wac on PATH (skipped, with the reason, without it).
import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, positionOf, replaceText, repoPath, waitFor, waitForDiagnostics, workspaceUri } from '../helpers';
import { liveMocha } from '../../live';

interface ShownGraph {
  title: string;
  mode: string;
  graph: {
    nodes: { id: string; kind: string; label: string; open?: boolean }[];
    edges: { from: string; to: string; kind: string; label?: string }[];
  };
  notes?: string[];
}

const isError = (d: vscode.Diagnostic) => d.severity === vscode.DiagnosticSeverity.Error;
const listed = (d: readonly vscode.Diagnostic[]) => JSON.stringify(d.map((x) => [x.range.start.line, x.range.start.character, x.message]));

/** The graph the WAC graph view last sent to its webview, once it shows what `accept` asks. */
function shownWacGraph(uri: vscode.Uri, what: string, accept: (g: ShownGraph) => boolean): Promise<ShownGraph> {
  return waitFor(
    `the WAC graph to show ${what}`,
    async () => {
      const shown = (await vscode.commands.executeCommand<Record<string, ShownGraph>>('wit.internal.shownGraphs')) ?? {};
      const graph = shown[`wac:${uri.toString()}`];
      return graph && accept(graph) ? graph : undefined;
    },
    { timeoutMs: 30_000 },
  );
}

/** The edges as the user reads them: `from -> to (label)`, by the nodes' labels. */
function edgesByLabel(g: ShownGraph): string[] {
  const label = new Map(g.graph.nodes.map((n) => [n.id, n.label]));
  return g.graph.edges.map((e) => `${label.get(e.from)} -> ${label.get(e.to)}${e.label ? ` (${e.label})` : ''}`).sort();
}

describe('WAC compositions', function () {
  const uri = () => workspaceUri('wac-five/five.wac');

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    // The fixture's deps/ are symlinks into the repo's component fixtures: copied as files.
    cpSync(repoPath('test/fixtures/wac-five'), workspaceUri('wac-five').fsPath, { recursive: true, dereference: true });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("a typo shows wac's error at its line and clears when undone; the graph shows the five components", async function () {
    liveMocha(this, ['wac']);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri()), { preview: false });
    const doc = editor.document;
    assert.equal(doc.languageId, 'wac');

    const original = doc.getText();
    try {
      // Typed as a user would: the cursor after `...logger` in the calculator's arguments, then a key.
      const at = positionOf(doc, '...logger', '...logger'.length);
      editor.selection = new vscode.Selection(at, at);
      await vscode.commands.executeCommand('type', { text: 'x' });
      assert.match(doc.lineAt(at.line).text, /\.\.\.loggerx \}/);
      const problems = await waitForDiagnostics(uri(), 'the undefined name', (d) => d.some(isError));
      const error = problems.find(isError)!;
      assert.equal(error.message, 'undefined name `loggerx`', listed(problems));
      assert.equal(error.source, 'wac');
      assert.equal(error.range.start.line, at.line, `the line of the typo; shown: ${listed(problems)}`);
      assert.equal(error.range.start.character, at.character - 'logger'.length);
      assert.equal(doc.getText(error.range), 'loggerx');
      assert.equal(problems.filter(isError).length, 1, listed(problems));

      // Backspace: the problem goes away by itself.
      await vscode.commands.executeCommand('deleteLeft');
      await waitForDiagnostics(uri(), 'none once the typo is undone', (d) => d.length === 0);

      await vscode.commands.executeCommand('wit.showCompositionGraph');
      const graph = await shownWacGraph(uri(), 'the composition', (g) => g.graph.nodes.some((n) => n.kind === 'instance'));
      assert.equal(graph.mode, 'component');
      assert.match(graph.title, /^Composition wac-five\/five\.wac: 5 instances, 15 open imports$/);
      const labels = (kind: string) => graph.graph.nodes.filter((n) => n.kind === kind).map((n) => n.label);
      assert.deepEqual(labels('instance').sort(), ['adder', 'app', 'calc', 'greeter', 'logger']);
      assert.deepEqual(labels('export').sort(), ['calculate', 'wasi:cli/run@0.2.12']);
      const open = graph.graph.nodes.filter((n) => n.open).map((n) => n.label);
      assert.equal(open.length, 15);
      assert.ok(
        open.every((l) => l.startsWith('wasi:')),
        `open imports: ${open.join(', ')}`,
      );
      const edges = edgesByLabel(graph);
      for (const edge of [
        'adder -> calc (docs:calc/adder@0.1.0)',
        'logger -> calc (docs:calc/logger@0.1.0)',
        'greeter -> app (wit-devkit:compose/greet@0.1.0)',
        'wasi:cli/stdout@0.2.12 -> app (wasi:cli/stdout@0.2.12)',
        'calc -> calculate',
        'app -> wasi:cli/run@0.2.12',
      ]) {
        assert.ok(edges.includes(edge), `${edge} among:\n${edges.join('\n')}`);
      }
      const tab = vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('wit.wacCompositionGraph'));
      assert.ok(tab, 'a webview tab for the graph');

      // The export renamed in the document: the graph follows.
      const edit = new vscode.WorkspaceEdit();
      const alias = positionOf(doc, 'as calculate', 3);
      edit.replace(doc.uri, new vscode.Range(alias, alias.translate(0, 'calculate'.length)), 'total');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const renamed = await shownWacGraph(uri(), 'the renamed export', (g) =>
        g.graph.nodes.some((n) => n.kind === 'export' && n.label === 'total'),
      );
      assert.ok(edgesByLabel(renamed).includes('calc -> total'), edgesByLabel(renamed).join('\n'));
    } finally {
      // (A retry starts from the fixture's text.)
      if (doc.getText() !== original) await replaceText(doc, original);
    }
  });
});
