#!/bin/sh
# Builds the wasi:http fixture: a tiny JS fetch handler made into a component by
# `jco componentize` (StarlingMonkey). It takes ~40 s and ~14 MB, so it is not
# committed: it is cached at $HOME/.cache/wit-devkit/http-fixture.wasm and this
# script does nothing when that file is already there (pass --force to rebuild).
# The live serve tests use it when present and say they were skipped otherwise.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cache="${WIT_DEVKIT_CACHE:-$HOME/.cache/wit-devkit}"
out="$cache/http-fixture.wasm"
if [ -s "$out" ] && [ "${1:-}" != "--force" ]; then
  echo "http fixture present: $out"
  exit 0
fi
mkdir -p "$cache"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
builtin="$root/node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12"
# The world exports wasi:http's incoming handler, with the WASI WIT jco ships
# (0.2.12). componentize-js's StarlingMonkey has WASI 0.2.10 baked in and
# accepts only that version, so the copies are relabelled 0.2.10 (0.2.x patch
# releases keep these interfaces), and the engine's sockets `network` uses
# wasi:io's `error`, which 0.2.12 gates behind an unstable feature: ungated here.
mkdir -p "$tmp/wit/deps"
for pkg in "$builtin"/*; do
  name=${pkg##*/}
  mkdir -p "$tmp/wit/deps/$name"
  sed -e 's/@0\.2\.12/@0.2.10/g' -e '/@unstable(feature = network-error-code)/d' \
    "$pkg/package.wit" > "$tmp/wit/deps/$name/package.wit"
done
cat > "$tmp/wit/world.wit" <<'WIT'
package wit-devkit:http-fixture;

world handler {
  export wasi:http/incoming-handler@0.2.10;
}
WIT
cat > "$tmp/handler.js" <<'JS'
// Answers every request with a fixed line and the request path, so a test can
// tell the component answered (and not some other server on the port).
addEventListener('fetch', (event) => {
  const path = new URL(event.request.url).pathname;
  event.respondWith(new Response(`hello from the http fixture: ${path}\n`, {
    headers: { 'content-type': 'text/plain' },
  }));
});
JS
# Two workarounds, both in a preload module:
# - jco's in-process wasm-tools sees a WASI filesystem whose preopens start
#   empty, so it cannot read the WIT folder: open "/" on the shim instance
#   jco-transpile uses (it keeps its own copy of preview2-shim).
# - componentize-js imports @bytecodealliance/preview2-shim without declaring
#   it, and npm did not hoist a copy to the top: resolve that bare name to the
#   same copy (one instance, so the preopens above apply to it too).
shimdir="$root/node_modules/@bytecodealliance/jco-transpile/node_modules/@bytecodealliance/preview2-shim"
cat > "$tmp/hooks.mjs" <<JS
const shim = new URL('file://$shimdir/');
export async function resolve(specifier, context, next) {
  if (specifier === '@bytecodealliance/preview2-shim' || specifier.startsWith('@bytecodealliance/preview2-shim/')) {
    return next(specifier, { ...context, parentURL: new URL('../../../dist/wasm-tools.js', shim).href });
  }
  return next(specifier, context);
}
JS
cat > "$tmp/preopens.mjs" <<JS
import { register } from 'node:module';
import { _setPreopens } from '$shimdir/dist/nodejs/filesystem.js';
register('file://$tmp/hooks.mjs');
_setPreopens({ '/': '/' });
JS
node --import "$tmp/preopens.mjs" "$root/node_modules/@bytecodealliance/jco/dist/jco.js" componentize "$tmp/handler.js" \
  --wit "$tmp/wit" --world-name handler -o "$tmp/http-fixture.wasm"
mv "$tmp/http-fixture.wasm" "$out"
echo "built $out"
