#!/usr/bin/env bash
# Installs everything the project's builds and tests use on a fresh Debian
# machine: system packages (Chromium for the webview and VS Code tests, clang
# and wasi-libc for component fixtures, lldb for the debug adapter test), the
# npm dependencies (npm ci; its cache lives in ~/.npm, outside the clone), and
# code-server, the real VS Code the extension tests run in (cached in ~/.cache).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-dejavu-core clang-16 lld-16 wasi-libc libclang-rt-16-dev-wasm32 lldb-16 python3
          build-essential pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  echo "installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund --prefer-offline
bash scripts/e2e/install-code-server.sh
# The wasi:http component the run/serve tests use: built once by jco componentize (~40 s), cached.
npm run build:http-fixture
