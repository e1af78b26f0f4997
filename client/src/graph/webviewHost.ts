// What every graph webview shares: the page with its CSP and nonce, resource roots
// limited to the extension's media/graph folder, validated messages, and saving an
// exported SVG where the user chooses.
import * as vscode from 'vscode';
import { graphPageHtml, makeNonce } from './webviewHtml';
import { parseWebviewMessage, type FromWebview, type ToWebview } from './messages';

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'graph');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [mediaRoot(extensionUri)] };
}

export function setGraphHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): void {
  const root = mediaRoot(extensionUri);
  webview.html = graphPageHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'graph.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'graph.css')).toString(),
    nonce: makeNonce(),
    title,
  });
}

/**
 * Listens to a webview: only well-formed messages reach `handle`; exports are saved
 * here. `ready` fires each time the page (re)loads, so the owner sends its graph then.
 */
export function onWebviewMessage(webview: vscode.Webview, suggestedName: string, handle: (m: FromWebview) => void): vscode.Disposable {
  return webview.onDidReceiveMessage(async (raw: unknown) => {
    const m = parseWebviewMessage(raw);
    if (!m) return;
    if (m.type === 'exportSvg') await saveSvg(m.svg, suggestedName);
    else handle(m);
  });
}

async function saveSvg(svg: string, suggestedName: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${suggestedName}.svg`) : undefined,
    filters: { SVG: ['svg'] },
    title: 'Export graph as SVG',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
  void vscode.window.showInformationMessage(`Graph exported to ${vscode.workspace.asRelativePath(target)}`);
}

export function post(webview: vscode.Webview, message: ToWebview): void {
  void webview.postMessage(message);
}
