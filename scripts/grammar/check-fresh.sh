#!/usr/bin/env bash
# Fails (exit 1) when a grammar's committed generated parser no longer matches its sources
# (usage: check-fresh.sh <grammar folder> <language name>, e.g. grammar wit):
#   1. src/parser.c, src/grammar.json and src/node-types.json are regenerated from
#      grammar.js in a scratch copy and byte-compared with the committed ones;
#   2. parser.info (written by build.sh next to tree-sitter-<name>.wasm) must record the
#      sha256 of the current grammar.js and src/scanner.c (and of scripts/grammar/flatten.c
#      when it was linked in), otherwise the .wasm was built from other sources.
# The .wasm itself is not rebuilt here: that needs emscripten, see build.sh.
set -euo pipefail
folder=$1 name=$2
cd "$(dirname "$0")/../../$folder"
# Absolute, because generation runs in a scratch directory.
ts=$(realpath "${TREE_SITTER:-../../shared/tools/tree-sitter}")

stale=0
complain() {
  echo "check-fresh: $*" >&2
  stale=1
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Only the inputs are copied, so nothing committed can leak into the regenerated output.
cp grammar.js package.json "$scratch/"
(cd "$scratch" && "$ts" generate --no-bindings >/dev/null)

for generated in src/parser.c src/grammar.json src/node-types.json; do
  if ! cmp -s "$scratch/$generated" "$generated"; then
    complain "$generated is stale against grammar.js; run $folder/build.sh and commit the outputs"
  fi
done

recorded_sha() { # $1: the file name as written in parser.info
  sed -n "s|^$1 sha256: ||p" parser.info
}
for source in grammar.js src/scanner.c; do
  actual=$(sha256sum "$source" | cut -d' ' -f1)
  recorded=$(recorded_sha "$source")
  if [ "$actual" != "$recorded" ]; then
    complain "parser.info records sha256 '${recorded:-<none>}' for $source but the file has $actual;" \
      "tree-sitter-$name.wasm was built from other sources, run $folder/build.sh"
  fi
done

# flatten.c is shared by the grammars, so parser.info names it without a folder.
if grep -q '^flatten.c sha256: ' parser.info; then
  actual=$(sha256sum ../scripts/grammar/flatten.c | cut -d' ' -f1)
  recorded=$(recorded_sha flatten.c)
  if [ "$actual" != "$recorded" ]; then
    complain "parser.info records sha256 '$recorded' for flatten.c but scripts/grammar/flatten.c has $actual;" \
      "tree-sitter-$name.wasm was built from another version of it, run $folder/build.sh"
  fi
fi

if [ "$stale" -ne 0 ]; then
  exit 1
fi
echo "check-fresh: src/parser.c and parser.info match grammar.js and src/scanner.c"
