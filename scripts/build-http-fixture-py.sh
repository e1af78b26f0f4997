#!/bin/sh
# Builds the Python wasi:http fixture: test/fixtures/http-py/app.py made into a
# wasi:http/proxy component by componentize-py, with the WASI 0.2.12 WIT that jco
# ships (read in place from node_modules, one -d per package, dependencies
# first). It takes ~45 s and ~18 MB (componentize-py bundles CPython), so it is
# not committed: it is cached at $WIT_DEVKIT_CACHE/http-fixture-py.wasm, and
# rebuilt only when app.py or the componentize-py version changes (a stamp file
# beside it holds both). Pass --force to rebuild anyway.
# The wasmtime serve tests use it when present and say they were skipped otherwise.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cache="${WIT_DEVKIT_CACHE:-$HOME/.cache/wit-devkit}"
out="$cache/http-fixture-py.wasm"
app="$root/test/fixtures/http-py"
# The toolchain installer links componentize-py into $cache/bin; fall back to PATH.
cpy="$cache/bin/componentize-py"
[ -x "$cpy" ] || cpy=$(command -v componentize-py || true)
if [ -z "$cpy" ]; then
  echo "build-http-fixture-py: componentize-py not found (scripts/toolchain/install.sh installs it); not built" >&2
  exit 0
fi
stamp="$(sha256sum "$app/app.py" | cut -d' ' -f1) $("$cpy" --version)"
if [ -s "$out" ] && [ "$(cat "$out.stamp" 2>/dev/null)" = "$stamp" ] && [ "${1:-}" != "--force" ]; then
  echo "python http fixture present: $out"
  exit 0
fi
mkdir -p "$cache"
# Built from a copy: componentize-py leaves a __pycache__ beside the app it reads.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$app/app.py" "$tmp/"
wit="$root/node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12"
set --
for pkg in io clocks random filesystem sockets cli http; do set -- "$@" -d "$wit/wasi-$pkg"; done
"$cpy" "$@" -w wasi:http/proxy@0.2.12 componentize -p "$tmp" app -o "$out.tmp"
mv "$out.tmp" "$out"
printf '%s' "$stamp" > "$out.stamp"
echo "built $out"
