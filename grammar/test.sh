#!/usr/bin/env bash
# The tree-sitter CLI's corpus, highlight and query checks of tree-sitter-wit: scripts/grammar/test.sh.
exec bash "$(dirname "$0")/../scripts/grammar/test.sh" grammar ../../shared/corpus/wit-parser-ui/types.wit
