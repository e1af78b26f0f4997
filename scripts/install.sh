#!/usr/bin/env bash
# Installs everything the project's builds and tests use on a fresh Debian
# machine. Every cache lives under ONE root, $WIT_DEVKIT_CACHE (default
# ~/.cache/wit-devkit, see scripts/cache-root.sh), outside the clone:
#   - Debian packages: Chromium (webview and VS Code tests), clang-16 + wasi-libc
#     (C components) + libc++ for wasm32-wasi (C++ bindings), lldb-16 (debug adapter), code-server's build deps;
#   - npm dependencies (npm ci, npm's cache under the root);
#   - code-server, the real VS Code the extension tests run in, twice: the newest
#     tested and the oldest engines.vscode allows (scripts/e2e/install-code-server.sh);
#   - the component toolchain (scripts/toolchain/install.sh, pins in pins.env);
#   - the wasi:http fixtures the serve tests use.
# Each step skips what is already there, so a warm run takes well under a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/cache-root.sh
start=$SECONDS

packages=(chromium fonts-dejavu-core clang-16 lld-16 wasi-libc libclang-rt-16-dev-wasm32 libc++-16-dev-wasm32 libc++abi-16-dev-wasm32 lldb-16 python3 python3-venv ripgrep
          build-essential pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  # Another apt (an unattended upgrade, a second job) may hold the lock: wait for it.
  apt_opts=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
  echo "installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" install -y -q --no-install-recommends "${missing[@]}"
fi

# The toolchain (cargo builds, the long part of a cold run) runs beside the npm
# installs, which mostly wait on the network: on a cold machine this saves the
# ~10 minutes code-server takes. Its output goes to a log, printed when it ends.
mkdir -p "$WIT_DEVKIT_CACHE/logs"
toolchain_log="$WIT_DEVKIT_CACHE/logs/toolchain-install.log"
# setsid: its own process group, so that stopping it stops its cargo builds too.
setsid bash scripts/toolchain/install.sh >"$toolchain_log" 2>&1 &
toolchain_pid=$!
echo "install: the component toolchain is installing in the background (log: $toolchain_log)"
# Stop the background install too if this script is interrupted or an npm step fails.
trap 'kill -- "-$toolchain_pid" 2>/dev/null || true' EXIT
npm ci --no-audit --no-fund --prefer-offline
bash scripts/e2e/install-code-server.sh
bash scripts/e2e/install-code-server.sh --oldest
toolchain_status=0
wait "$toolchain_pid" || toolchain_status=$?
trap - EXIT
sed 's/^/[toolchain] /' "$toolchain_log"
if ((toolchain_status)); then
  echo "install: the toolchain install failed (exit $toolchain_status; log above, kept in $toolchain_log)" >&2
  exit "$toolchain_status"
fi
# The wasi:http components the run/serve tests use, cached under the root.
bash scripts/build-http-fixture.sh
# The Python one (componentize-py, served by wasmtime serve in the live tests).
sh scripts/build-http-fixture-py.sh
echo "install: done in $((SECONDS - start)) s (caches in $WIT_DEVKIT_CACHE)"
