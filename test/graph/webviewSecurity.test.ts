// What the extension accepts from the graph webview, and the page it serves it:
// only well-formed messages; a CSP with a fresh nonce and no remote sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../client/src/graph/messages';
import { graphPageHtml, makeNonce } from '../../client/src/graph/webviewHtml';

test('messages from the webview are validated', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseWebviewMessage({ type: 'reveal', id: 'world:a:b/w' }), { type: 'reveal', id: 'world:a:b/w' });
  assert.deepEqual(parseWebviewMessage({ type: 'selectWorld', world: '' }), { type: 'selectWorld', world: '' });
  assert.equal(parseWebviewMessage({ type: 'reveal', id: 42 }), undefined);
  assert.equal(parseWebviewMessage({ type: 'reveal', id: 'x'.repeat(5000) }), undefined, 'bounded');
  assert.equal(parseWebviewMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' }), undefined);
  assert.equal(parseWebviewMessage({ type: 'exportSvg', svg: '<script>alert(1)</script>' }), undefined);
  assert.equal(parseWebviewMessage(null), undefined);
  assert.equal(parseWebviewMessage('ready'), undefined);
  // Only the fields it knows are passed on.
  assert.deepEqual(parseWebviewMessage({ type: 'reveal', id: 'a', extra: 'ignored' }), { type: 'reveal', id: 'a' });
});

test('the page: strict CSP, nonce on the only script, nothing remote', () => {
  const nonce = makeNonce();
  assert.notEqual(nonce, makeNonce(), 'a fresh nonce each time');
  assert.match(nonce, /^[A-Za-z0-9_-]{24}$/);
  const page = graphPageHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce,
    title: 'Graph <of> "x"',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/graph/dist/graph.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/graph/graph.css',
  });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  // Scripts by nonce only; besides them, WebAssembly compilation (graphviz) and nothing else.
  assert.match(csp, new RegExp(`script-src 'nonce-${nonce}' 'wasm-unsafe-eval'(;|$)`));
  assert.doesNotMatch(csp.replace("'wasm-unsafe-eval'", ''), /unsafe-inline|unsafe-eval|\*/);
  assert.equal((page.match(/<script/g) ?? []).length, 1);
  assert.match(page, new RegExp(`<script nonce="${nonce}" src=`));
  assert.match(page, /<title>Graph &lt;of> "x"<\/title>/, 'the title is escaped');
});
