// The problem matchers (package.json `problemMatchers`) each builder's task
// carries, so the compiler's errors land in Problems at their file and line.
// No `vscode` import: the live tests apply these very matchers to the real
// compilers' output (test/live/langProblems.test.ts).
import type { Builder } from './taskDefinition';

export const BUILD_PROBLEM_MATCHERS: Record<Builder, string[]> = {
  'cargo-component': ['$wasm-component-rustc'],
  cargo: ['$wasm-component-rustc'],
  go: ['$wasm-component-go'],
  clang: ['$wasm-component-clang'],
  // componentize-js gives a JS syntax error without its place, but an error
  // thrown while it initializes the module as `app.js:3:18 ReferenceError: ...`.
  'jco-componentize': ['$wasm-component-js'],
  // A traceback's innermost frame, with or without the caret line Python 3.11+ prints under it.
  'componentize-py': ['$wasm-component-python', '$wasm-component-python-caret'],
  command: ['$wasm-component-clang'],
};
