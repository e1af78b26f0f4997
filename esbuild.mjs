// One build for everything that ships: the extension client, the language server
// (also the `wit-language-server` bin), the `wit-devkit` command line and the grammar .wasm files beside them.
import { build } from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, chmodSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseInputCopy } from './scripts/build/parseInputCopy.mjs';
import { assertAsciiBundles } from './scripts/build/asciiBundles.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // web-tree-sitter locates its files through import.meta.url, which a CommonJS
  // bundle does not have: give it this file's own URL.
  define: { 'import.meta.url': '__importMetaUrl' },
  // web-tree-sitter's text copy, made native (scripts/build/parseInputCopy.mjs).
  plugins: [parseInputCopy],
};
const importMetaUrl = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";

mkdirSync('dist', { recursive: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { server: 'server/src/main.ts' },
    outdir: 'dist',
    banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` },
    external: ['@bytecodealliance/jco-transpile', '@bytecodealliance/jco'],
  }),
  // The `wit-devkit` command line (check, fmt, diff): the core without LSP.
  build({
    ...common,
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` },
  }),
  build({
    ...common,
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
    banner: { js: importMetaUrl },
  }),
  // The composition graph webview: a browser bundle (graphviz's wasm inside, from
  // @hpcc-js/wasm-graphviz, ~800 KB) in the media folder the webview may load from.
  build({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: 'linked',
    minify: common.minify,
    logLevel: 'warning',
    entryPoints: { graph: 'media/graph/src/main.ts' },
    outdir: 'media/graph/dist',
  }),
]);
assertAsciiBundles(['dist/server.js', 'dist/cli.js', 'dist/extension.js']);
chmodSync('dist/server.js', 0o755);
chmodSync('dist/cli.js', 0o755);
// web-tree-sitter's runtime and our grammars (WIT, WAC) are loaded from dist/ at run time.
copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
copyFileSync('grammar/tree-sitter-wit.wasm', 'dist/tree-sitter-wit.wasm');
copyFileSync('grammar-wac/tree-sitter-wac.wasm', 'dist/tree-sitter-wac.wasm');
// jco-transpile, loaded at run time through common/jco/loader.ts (an ES
// module with its own WebAssembly and its own copy of preview2-shim, so it is
// shipped as files next to the bundles rather than bundled): only what its type
// generator (bindings) and its wasm-tools (a component's WIT, a world as a
// component for plug fit) load, not transpile's optimisers.
const jco = 'node_modules/@bytecodealliance/jco-transpile';
const jcoOut = 'dist/node_modules/@bytecodealliance/jco-transpile';
rmSync(jcoOut, { recursive: true, force: true });
for (const file of [
  'package.json',
  'dist/typegen.js',
  'dist/common.js',
  'dist/constants.js',
  'dist/index.js',
  'vendor/js-component-bindgen-component.js',
  'vendor/js-component-bindgen-component.core.wasm',
  'vendor/js-component-bindgen-component.core2.wasm',
  'dist/wasm-tools.js',
  'vendor/wasm-tools.js',
  'vendor/wasm-tools.core.wasm',
  'vendor/wasm-tools.core2.wasm',
]) {
  mkdirSync(dirname(`${jcoOut}/${file}`), { recursive: true });
  copyFileSync(`${jco}/${file}`, `${jcoOut}/${file}`);
}
const shim = `${jco}/node_modules/@bytecodealliance/preview2-shim`;
cpSync(`${shim}/package.json`, `${jcoOut}/node_modules/@bytecodealliance/preview2-shim/package.json`);
// Not its browser build: Node never takes the `browser` export condition.
cpSync(`${shim}/dist`, `${jcoOut}/node_modules/@bytecodealliance/preview2-shim/dist`, {
  recursive: true,
  filter: (f) => !f.endsWith('.d.ts') && !f.endsWith('.map') && !f.endsWith('/dist/browser'),
});
// The preview1 reactor adapter the go and clang builds hand to `wasm-tools
// component new --adapt` (client/src/tasks/buildTerminal.ts), for users with no
// jco of their own (52 KB, from wasmtime; Apache-2.0 WITH LLVM-exception).
mkdirSync('dist/adapters', { recursive: true });
copyFileSync(
  'node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm',
  'dist/adapters/wasi_snapshot_preview1.reactor.wasm',
);
if (watch) console.log('watch mode is not supported; rerun npm run build');
