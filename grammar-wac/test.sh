#!/usr/bin/env bash
# The tree-sitter CLI's corpus, highlight and query checks of tree-sitter-wac: scripts/grammar/test.sh.
exec bash "$(dirname "$0")/../scripts/grammar/test.sh" grammar-wac ../test/fixtures/wac/greet.wac
