#!/usr/bin/env bash
# Rebuilds tree-sitter-wit (src/parser.c and tree-sitter-wit.wasm) from grammar.js: scripts/grammar/build.sh.
exec bash "$(dirname "$0")/../scripts/grammar/build.sh" grammar wit
