// The read-only editor for .wasm files: instead of "binary file not displayed", the
// component's graph (read from the binary by the component reader) and its WIT (what
// `jco wit` prints, computed lazily). Core modules and other files get a clear message.
import * as vscode from 'vscode';
import { readComponent, NotAComponentError } from '../../../common/component/reader';
import { componentGraph } from '../../../common/component/componentGraph';
import { capabilitiesOf } from '../../../common/component/capabilities';
import { capabilitySummary } from '../../../common/component/capabilitiesText';
import { componentWitText } from './jcoWit';
import { componentViewGraph } from './viewGraphs';
import { onWebviewMessage, post, setGraphHtml, webviewOptions } from './webviewHost';
import type { ToWebview } from './messages';
import { forgetShown, recordShown } from './shownGraphs';

export const COMPONENT_EDITOR_VIEW_TYPE = 'wit.componentViewer';

export class ComponentEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly context: vscode.ExtensionContext) {}

  static register(context: vscode.ExtensionContext): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(COMPONENT_EDITOR_VIEW_TYPE, new ComponentEditorProvider(context), {
      supportsMultipleEditorsPerDocument: true,
      webviewOptions: { retainContextWhenHidden: true },
    });
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    panel.webview.options = webviewOptions(this.context.extensionUri);
    setGraphHtml(panel.webview, this.context.extensionUri, `Component ${name}`);
    const message = this.describe(document.uri, name);
    const subscription = onWebviewMessage(panel.webview, name.replace(/\.wasm$/, ''), async (m) => {
      if (m.type !== 'ready') return;
      const shown = await message;
      if (shown.type === 'graph') recordShown(document.uri.toString(), shown);
      post(panel.webview, shown);
    });
    panel.onDidDispose(() => {
      subscription.dispose();
      forgetShown(document.uri.toString());
    });
  }

  private async describe(uri: vscode.Uri, name: string): Promise<ToWebview> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      return { type: 'error', message: `Could not read ${name}: ${(e as Error).message}` };
    }
    try {
      const info = readComponent(bytes);
      const wit = await componentWitText(bytes).catch((e: Error) => `// The WIT could not be printed: ${e.message}`);
      const open = info.imports.length;
      return {
        type: 'graph',
        mode: 'component',
        title: `${name}: ${info.components.length} nested components, ${info.modules.length} core modules, ${open} open imports`,
        graph: componentViewGraph(componentGraph(info)),
        wit,
        // What it can reach (its imports by capability), then what the reader could not read.
        notes: [...capabilitySummary(capabilitiesOf(info)), ...info.problems.map((p) => `Could not read: ${p}`)],
      };
    } catch (e) {
      if (e instanceof NotAComponentError)
        return { type: 'error', message: `${name} is ${e.message}: there is no component graph to show.` };
      return { type: 'error', message: `Could not read ${name}: ${(e as Error).message}` };
    }
  }
}
