#!/usr/bin/env bash
# Rebuilds tree-sitter-wac (src/parser.c and tree-sitter-wac.wasm) from grammar.js: scripts/grammar/build.sh.
exec bash "$(dirname "$0")/../scripts/grammar/build.sh" grammar-wac wac
