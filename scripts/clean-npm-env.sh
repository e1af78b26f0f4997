# Sourced by installers that start a DIFFERENT npm/node than the one running
# them. Under `npm run`, the outer npm exports its settings (npm_config_*,
# npm_lifecycle_*, npm_package_*...), and npm_config_user_agent names Node 20:
# code-server's install reads it and refuses ("code-server currently requires
# node v24"). Drop them all, keeping only the npm cache under the cache root.
for name in $(compgen -e); do
  case "$name" in
    npm_config_cache) ;;
    npm_*|NPM_*|INIT_CWD|NODE|NODE_OPTIONS) unset "$name" ;;
  esac
done
