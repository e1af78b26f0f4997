# Sourced by every install script: the ONE root all caches live under, set by
# one variable, so that pointing WIT_DEVKIT_CACHE at an empty folder gives a
# truly cold install (npm cache, code-server, the component toolchain, fixtures).
WIT_DEVKIT_CACHE="${WIT_DEVKIT_CACHE:-$HOME/.cache/wit-devkit}"
export WIT_DEVKIT_CACHE
mkdir -p "$WIT_DEVKIT_CACHE"
# The folder every installed tool is linked into; tests and `npm run setup` put it first on PATH.
WIT_DEVKIT_BIN="$WIT_DEVKIT_CACHE/bin"
export npm_config_cache="$WIT_DEVKIT_CACHE/npm"
