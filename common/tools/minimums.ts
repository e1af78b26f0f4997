// The external tools WIT DevKit starts, and the oldest version of each that
// does what the extension asks of it: ONE table, each row with the use it
// covers (named in messages) and why that version. The reasons name the
// upstream change that the extension depends on, so that raising or lowering
// a minimum is a decision about a fact, not a guess.
// No `vscode` import: the client's tasks and the server's bindings share it.

export type ToolId =
  | 'wasmtime'
  | 'jco'
  | 'lldbDap'
  | 'cargoComponent'
  | 'componentizePy'
  | 'witBindgen'
  | 'wasmTools'
  | 'wac'
  | 'wkg'
  | 'witBindgenGo'
  | 'go'
  | 'clang';

export interface ToolInfo {
  /** The name the user knows it by. */
  name: string;
  /** Arguments that make it print its version and exit (on the executable found for it). */
  versionArgs: readonly string[];
  /** The setting that points the extension at another one, when there is one. */
  setting?: string;
  /** How to install or update it, said in the message. */
  install: string;
  /**
   * Its version flag is younger than versions the extension supports, so an
   * exit code other than 0 from it means "flag unknown", not "broken" (a crash
   * or a hang still counts as failing).
   */
  versionFlagOptional?: true;
}

export const TOOLS: Record<ToolId, ToolInfo> = {
  wasmtime: {
    name: 'wasmtime',
    versionArgs: ['--version'],
    setting: 'wit.tools.wasmtime',
    install: 'curl https://wasmtime.dev/install.sh -sSf | bash, see https://docs.wasmtime.dev/cli-install.html',
  },
  jco: { name: 'jco', versionArgs: ['--version'], setting: 'wit.tools.jco', install: 'npm install -D @bytecodealliance/jco' },
  // lldb-dap has --version from LLVM 21 (llvm-project#134114); lldb-vscode-16
  // given it starts the adapter, which ends at once because the probe closes
  // its input (measured). versionFromName then reads the major version from
  // Debian/LLVM names such as lldb-vscode-16.
  lldbDap: {
    name: 'lldb-dap',
    versionArgs: ['--version'],
    versionFlagOptional: true,
    setting: 'wit.tools.lldbDap',
    install:
      'LLDB with its DAP server, lldb-dap (formerly lldb-vscode; Debian: apt-get install lldb-16), see https://lldb.llvm.org/resources/lldbdap.html',
  },
  // Probed as `cargo component --version` on the cargo found: that is how builds start it.
  cargoComponent: { name: 'cargo-component', versionArgs: ['component', '--version'], install: 'cargo install cargo-component' },
  componentizePy: {
    name: 'componentize-py',
    versionArgs: ['--version'],
    setting: 'wit.tools.componentizePy',
    install: 'pip install componentize-py',
  },
  witBindgen: {
    name: 'wit-bindgen',
    versionArgs: ['--version'],
    setting: 'wit.tools.witBindgen',
    install: 'cargo install wit-bindgen-cli',
  },
  wasmTools: { name: 'wasm-tools', versionArgs: ['--version'], install: 'cargo install wasm-tools' },
  wac: { name: 'wac', versionArgs: ['--version'], install: 'cargo install wac-cli' },
  wkg: { name: 'wkg', versionArgs: ['--version'], install: 'cargo install wkg' },
  witBindgenGo: {
    name: 'wit-bindgen-go',
    versionArgs: ['--version'],
    install: 'go install go.bytecodealliance.org/cmd/wit-bindgen-go@latest',
  },
  // `go --version` is an error ("flag provided but not defined"); `go version` is the command.
  go: { name: 'go', versionArgs: ['version'], install: 'https://go.dev/dl/' },
  clang: { name: 'clang', versionArgs: ['--version'], install: 'wasi-sdk, https://github.com/WebAssembly/wasi-sdk/releases' },
};

export interface Requirement {
  tool: ToolId;
  /** What the extension does with the tool, as the message says it: `for "wasmtime serve"`. */
  use: string;
  /** The oldest version that does it. */
  min: string;
  /** Why that version: the upstream change the extension relies on. */
  why: string;
}

export const MINIMUMS = {
  wasmtimeRun: {
    tool: 'wasmtime',
    use: 'wasmtime run',
    min: '19.0.0',
    why:
      'the run task speaks the CLI of wasmtime 14 (-S, --dir HOST::GUEST, --env, options before the component: wasmtime#6925, #6946), ' +
      'and components built today import WASI 0.2.x with x > 0 (the C fixture imports wasi:cli@0.2.12), which links only where the linker ' +
      'matches semver-compatible versions: wasmtime 19 (wasmtime#7994)',
  },
  wasmtimeServe: {
    tool: 'wasmtime',
    use: 'wasmtime serve',
    min: '19.0.0',
    why:
      '`serve` is in default builds from 14.0.3 (wasmtime#7392) and takes --dir/--env from 14 (wasmtime#7134); ' +
      'wasi:http components import wasi:http@0.2.x, linked by semver from 19 (wasmtime#7994)',
  },
  wasmtimeDebug: {
    tool: 'wasmtime',
    use: 'debugging with wasmtime',
    min: '19.0.0',
    why:
      'the launch runs `wasmtime run -D debug-info -O opt-level=0`: the -D/-O option groups are wasmtime 14 (wasmtime#6925); ' +
      'the component links as for `wasmtime run` (19, wasmtime#7994)',
  },
  lldbDapDebug: {
    tool: 'lldbDap',
    use: 'debugging with wasmtime',
    min: '16.0.0',
    why:
      "the oldest LLDB the launch request has been run against (test/live/lldbDap.test.ts, Debian's lldb-vscode-16): " +
      'initCommands turning on plugin.jit-loader.gdb, through which lldb reads the DWARF of the code wasmtime compiles',
  },
  jcoRun: {
    tool: 'jco',
    use: 'jco run',
    min: '1.0.0',
    why: 'jco 1.0 is the first with the WASI 0.2.0 host; jco 0.x implemented the pre-0.2.0 release candidates',
  },
  jcoServe: {
    tool: 'jco',
    use: 'jco serve',
    min: '1.0.0',
    why: "as for jco run: the wasi:http 0.2 host is jco 1.0's",
  },
  jcoDebug: {
    tool: 'jco',
    use: 'debugging with jco',
    min: '1.0.0',
    why: "the debug runner transpiles with `jco transpile` and links jco's WASI 0.2 shim, as `jco run` does",
  },
  jcoComponentize: {
    tool: 'jco',
    use: 'jco componentize',
    min: '1.0.0',
    why: 'the build task targets WASI 0.2 worlds, which jco (ComponentizeJS) builds from 1.0',
  },
  cargoComponentBuild: {
    tool: 'cargoComponent',
    use: 'cargo component build',
    min: '0.14.0',
    why: 'it builds for wasm32-wasip1 (cargo-component#313): Rust 1.84 removed the wasm32-wasi target that older releases build for',
  },
  componentizePyBuild: {
    tool: 'componentizePy',
    use: 'componentize-py componentize',
    min: '0.10.0',
    why: 'WASI 0.2.0 (componentize-py#62, January 2024); older releases build against release candidates no runtime here links',
  },
  componentizePyBindings: {
    tool: 'componentizePy',
    use: 'componentize-py bindings',
    min: '0.10.0',
    why: 'the same WASI 0.2.0 line as componentize (componentize-py#62); `-d WIT -w WORLD bindings OUT` is checked in its --help',
  },
  witBindgenBindings: {
    tool: 'witBindgen',
    use: 'wit-bindgen bindings',
    min: '0.26.0',
    why:
      'it must read @since/@unstable gates, which every WASI 0.2.1+ package in deps/ carries: wit-bindgen#957 (wasm-tools 1.209) ' +
      "landed after 0.25.0 (2024-05-20); the language's own generator is checked in its --help",
  },
  // The go and clang builders (client/src/tasks/buildSteps.ts) run several tools in turn.
  goBuild: {
    tool: 'go',
    use: 'go build -buildmode=c-shared (GOOS=wasip1)',
    min: '1.24.0',
    why: 'a WASI reactor from big Go (-buildmode=c-shared for wasip1, //go:wasmexport) is Go 1.24 (go.dev/doc/go1.24)',
  },
  wasmToolsComponent: {
    tool: 'wasmTools',
    use: 'wasm-tools component embed/new',
    min: '1.209.0',
    why: 'embedding reads the WIT, whose WASI 0.2.1+ deps carry @since gates: wasm-tools 1.209.0 is the first to read them (wasm-tools#1508)',
  },
} as const satisfies Record<string, Requirement>;

export type RequirementKey = keyof typeof MINIMUMS;
