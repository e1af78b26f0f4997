// The graph webview's page: a strict Content-Security-Policy (no remote content,
// scripts only with this page's nonce and wasm compilation for the layout, styles
// only from the extension's media) and the bundled script and stylesheet. Pure, so
// the browser test serves the same page.
import { randomBytes } from 'node:crypto';

export interface WebviewPageOptions {
  /** The webview's source expression for its own resources (webview.cspSource). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  title: string;
}

export function graphPageHtml(o: WebviewPageOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${o.cspSource} data:`,
    `style-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    // Graphviz (the layout) is WebAssembly: compiling it needs 'wasm-unsafe-eval',
    // which allows wasm and nothing else (no eval, no Function).
    `script-src 'nonce-${o.nonce}' 'wasm-unsafe-eval'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(o.styleUri)}">
<title>${escapeText(o.title)}</title>
</head>
<body>
<div id="app" role="application" aria-label="${escapeAttr(o.title)}"></div>
<script nonce="${o.nonce}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>`;
}

/** A fresh nonce per page, from the system's random source. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64url');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
