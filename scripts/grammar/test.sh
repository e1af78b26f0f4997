#!/usr/bin/env bash
# Runs the tree-sitter CLI's own checks of a grammar (usage: test.sh <grammar folder> <sample file
# for the queries, relative to the folder>):
#   - test/corpus/*.txt: parse trees of every construct, and error recovery;
#   - test/highlight/*: the `// <- capture` assertions against queries/highlights.scm;
#   - queries/*.scm must compile in the CLI's (Rust) query engine, the one Helix and Zed use.
# The CLI caches compiled parsers by grammar name (~/.cache/tree-sitter/lib/<name>.so) and only
# rebuilds when parser.c is newer, so another checkout's parser could be tested instead of
# this one; a scratch TREE_SITTER_LIBDIR makes it compile the src/parser.c that is here.
set -euo pipefail
cd "$(dirname "$0")/../../$1"
ts=$(realpath "${TREE_SITTER:-../../shared/tools/tree-sitter}")
sample=$2

libdir=$(mktemp -d)
trap 'rm -rf "$libdir"' EXIT
export TREE_SITTER_LIBDIR=$libdir

"$ts" test
for query in queries/*.scm; do
  if ! "$ts" query --quiet "$query" "$sample" >/dev/null 2>"$libdir/query-errors"; then
    echo "test.sh: $query does not compile:" >&2
    head -n 5 "$libdir/query-errors" >&2
    exit 1
  fi
done
echo "test.sh: corpus and highlight tests pass; queries/*.scm compile"
