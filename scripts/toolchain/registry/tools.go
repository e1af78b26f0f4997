//go:build tools

// The `distribution` OCI registry (cmd/registry), which the registry live tests
// run on 127.0.0.1; its version is pinned here by go.mod (go.sum beside it).

package tools

import _ "github.com/distribution/distribution/v3/cmd/registry"
