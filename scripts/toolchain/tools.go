//go:build tools

package tools

import _ "go.bytecodealliance.org/cmd/wit-bindgen-go"
