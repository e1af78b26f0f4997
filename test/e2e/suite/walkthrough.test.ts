// The walkthrough (contributes.walkthroughs) of the installed extension: one step
// per feature, each with its page and pictures in the .vsix and a button whose
// command exists; it opens, and its buttons act on the WIT file beside it while
// the walkthrough has the focus. (That it opens by itself on the first activation
// after `npm run setup` is checked on the real first screen by scripts/e2e/firstRun.mjs;
// these runs switch that off to keep the editor layout of the other suites.)
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openWit, waitFor, whenServerRunning } from '../helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
}
interface Walkthrough {
  id: string;
  title: string;
  steps: Step[];
}

const WALKTHROUGH_ID = 'wit-devkit.gettingStarted';
const extension = () => vscode.extensions.getExtension(EXTENSION_ID)!;
const walkthrough = (): Walkthrough => {
  const all: Walkthrough[] = extension().packageJSON.contributes?.walkthroughs ?? [];
  const found = all.find((w) => w.id === WALKTHROUGH_ID);
  assert.ok(found, `no walkthrough ${WALKTHROUGH_ID}; contributed: ${all.map((w) => w.id).join(', ') || 'none'}`);
  return found;
};
/** The commands of the step's buttons: `[label](command:id)` links in its description. */
const buttons = (step: Step) => [...step.description.matchAll(/\]\(command:([\w.-]+)/g)].map((m) => m[1]);
/** Images a markdown file shows, as paths relative to it. */
const images = (markdown: string) =>
  [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((p) => !/^https?:/.test(p));

describe('walkthrough', () => {
  before(() => whenServerRunning());
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows each feature once: diagnostics, graph, bindings, build, run, debug', () => {
    assert.deepEqual(
      walkthrough().steps.map((s) => s.id),
      ['diagnostics', 'graph', 'bindings', 'build', 'run', 'debug'],
    );
  });

  it('every step has its page and pictures in the installed extension', () => {
    const root = extension().extensionPath;
    for (const step of walkthrough().steps) {
      const page = step.media.markdown;
      assert.ok(page, `step ${step.id} has no markdown page`);
      const file = path.join(root, page);
      assert.ok(existsSync(file), `step ${step.id}: ${page} is not in the .vsix`);
      const shown = images(readFileSync(file, 'utf8'));
      assert.ok(shown.length > 0, `step ${step.id}: ${page} shows no picture`);
      for (const image of shown)
        assert.ok(existsSync(path.join(path.dirname(file), image)), `step ${step.id}: ${image} (in ${page}) is not in the .vsix`);
    }
  });

  it('the README pictures the extension page shows are in the installed extension', () => {
    const root = extension().extensionPath;
    // vsce stores it as readme.md.
    const readme = readdirSync(root).find((n) => n.toLowerCase() === 'readme.md');
    assert.ok(readme, `no README in ${root}`);
    const shown = images(readFileSync(path.join(root, readme), 'utf8'));
    assert.ok(shown.length > 0);
    for (const image of shown) assert.ok(existsSync(path.join(root, image)), `${image} (in README.md) is not in the .vsix`);
  });

  it('every step has a button, and every button runs a command that exists', async () => {
    const commands = new Set(await vscode.commands.getCommands(false));
    for (const step of walkthrough().steps) {
      assert.ok(buttons(step).length > 0, `step ${step.id} has no button`);
      for (const id of buttons(step)) assert.ok(commands.has(id), `step ${step.id}: command ${id} does not exist`);
    }
  });

  it('opens beside a WIT file; with the focus in it, its graph and bindings buttons act on that file', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openWit('app/world.wit');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, true);
    const groupOf = await waitFor('the walkthrough in an editor group of its own', () =>
      vscode.window.tabGroups.all.find(
        (g) => g.viewColumn !== editor.viewColumn && g.tabs.some((t) => /Welcome|Walkthrough/.test(t.label)),
      ),
    );
    // Focus the walkthrough, as a click on one of its buttons does.
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    // (VS Code may or may not keep world.wit as the active text editor then: the
    // commands must find the file either way.)
    await waitFor(
      'the walkthrough to have the focus',
      () => vscode.window.tabGroups.activeTabGroup.viewColumn === groupOf.viewColumn || undefined,
    );

    await vscode.commands.executeCommand('wit.showCompositionGraph');
    const graph = await waitFor(
      'the graph of world.wit',
      async () =>
        (
          await vscode.commands.executeCommand<Record<string, { title: string; graph: { nodes: { label: string }[] } }>>(
            'wit.internal.shownGraphs',
          )
        )?.wit,
      { timeoutMs: 30_000 },
    );
    assert.ok(
      graph.graph.nodes.some((n) => n.label.includes('app')),
      `nodes: ${graph.graph.nodes.map((n) => n.label).join(', ')}`,
    );

    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    const preview = await vscode.commands.executeCommand<vscode.Uri | undefined>('wit.previewBindings', { language: 'typescript-guest' });
    assert.ok(preview, 'Preview Bindings found no WIT file');
    assert.equal(new URLSearchParams(preview.query).get('source'), editor.document.uri.toString());
  });
});
