#!/usr/bin/env bash
# Rebuilds tree-sitter-wit (src/parser.c and tree-sitter-wit.wasm, with the one-call subtree copy) from grammar.js: scripts/grammar/build.sh.
exec bash "$(dirname "$0")/../scripts/grammar/build.sh" grammar wit flatten
