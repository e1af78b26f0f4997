#!/usr/bin/env bash
# Fails when the committed tree-sitter-wit parser is stale against its sources: scripts/grammar/check-fresh.sh.
exec bash "$(dirname "$0")/../scripts/grammar/check-fresh.sh" grammar wit
