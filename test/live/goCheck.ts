// `go vet` of wit-bindgen's Go output for the target it is written for
// (GOOS=wasip1 GOARCH=wasm), in the module wit-bindgen writes (its go.mod:
// `module wit_component`, requiring go.bytecodealliance.org/pkg, the runtime
// its code imports as wit/runtime, wit/types and wit/async).
//
// Found by trying (wit-bindgen 0.63.0, Go 1.26.8):
// - The Go module proxy here answers 403 "This module version is not
//   available" for go.bytecodealliance.org/pkg v0.4.0, the version the go.mod
//   asks for. The wit-bindgen-go crate (crates.io, in the toolchain's
//   CARGO_HOME since wit-bindgen-cli was built) ships that runtime's source as
//   src/pkg, so a go.work beside the generated go.mod (which stays untouched)
//   replaces the module with a temporary copy of it.
// - That source's go.mod says `go 1.27.1`; Go here is 1.26.8 and cannot fetch
//   a newer toolchain, so the copy's go line is set to the local Go. Nothing
//   else in it is changed: a runtime API the bindings call that is missing or
//   different is still a vet (type-check) error.
// - The root package (wit_exports.go, package main) imports the export_*
//   packages the user writes (the exported functions' implementations), so
//   the packages vetted are every generated one but that root.
// - go vet's unsafeptr analyzer flags every uintptr -> unsafe.Pointer
//   conversion ("possible misuse of unsafe.Pointer"), which is how the
//   canonical ABI code reaches linear memory: over a hundred per WASI world.
//   The verdict is go vet with every other analyzer (-unsafeptr=false): any
//   other finding, and any type error, fails. (Counting the unsafeptr
//   findings is not reliable: vet with several packages stops reporting
//   after the first failing ones, and cached packages are not reported again.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { run, type Verdict } from './bindingsCompilers';

const cacheRoot = process.env.WIT_DEVKIT_CACHE ?? path.join(os.homedir(), '.cache/wit-devkit');
const toolchain = path.join(cacheRoot, 'toolchain');
const RUNTIME_MODULE = 'go.bytecodealliance.org/pkg';

/** The runtime source the installed wit-bindgen's Go generator ships, if its crate is in the toolchain's CARGO_HOME. */
export function goRuntimeSource(): string | undefined {
  const version = spawnSync('wit-bindgen', ['--version'], { encoding: 'utf8' }).stdout?.trim().split(' ').pop();
  const registry = path.join(process.env.CARGO_HOME ?? path.join(toolchain, 'cargo-home'), 'registry', 'src');
  if (!version || !fs.existsSync(registry)) return undefined;
  for (const index of fs.readdirSync(registry)) {
    const pkg = path.join(registry, index, `wit-bindgen-go-${version}`, 'src', 'pkg');
    if (fs.existsSync(path.join(pkg, 'go.mod'))) return pkg;
  }
  return undefined;
}

export function goReady(): { tool: string; why: string } | undefined {
  return goRuntimeSource()
    ? undefined
    : {
        tool: RUNTIME_MODULE,
        why: 'the wit-bindgen-go crate source (the Go runtime) is not in the toolchain CARGO_HOME (scripts/toolchain/install.sh fetches it)',
      };
}

function localGoVersion(go: string): string {
  const out = spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
  const m = /^go(\d+\.\d+)/.exec(out);
  if (!m) throw new Error(`go env GOVERSION said ${JSON.stringify(out)}`);
  return m[1];
}

/** The runtime copied into `dir` with its go line at most the local Go's. */
function runtimeCopy(source: string, dir: string, goVersion: string): void {
  fs.cpSync(source, dir, { recursive: true, filter: (p) => !/[/\\](\.git|\.github|docs)$/.test(p) });
  const mod = path.join(dir, 'go.mod');
  const text = fs.readFileSync(mod, 'utf8');
  const wanted = /^go (\d+)\.(\d+)/m.exec(text);
  const [major, minor] = goVersion.split('.').map(Number);
  if (wanted && (Number(wanted[1]) > major || (Number(wanted[1]) === major && Number(wanted[2]) > minor))) {
    fs.writeFileSync(mod, text.replace(/^go .*$/m, `go ${goVersion}`));
  }
}

function requiredRuntimeVersion(goMod: string): string {
  const m = new RegExp(`${RUNTIME_MODULE.replace(/\./g, '\\.')} (v\\S+)`).exec(goMod);
  if (!m) throw new Error(`the generated go.mod does not require ${RUNTIME_MODULE}:\n${goMod}`);
  return m[1];
}

export interface GoVetVerdict extends Verdict {
  packages: string[];
}

export async function goVet(go: string, bindingsDir: string): Promise<GoVetVerdict> {
  const goMod = path.join(bindingsDir, 'go.mod');
  if (!fs.existsSync(goMod)) return { ok: false, command: 'go vet', output: 'no go.mod was generated', packages: [] };
  const source = goRuntimeSource();
  if (!source) throw new Error('Go runtime source missing (goReady should have skipped)');
  const goVersion = localGoVersion(go);
  const runtime = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-live-go-runtime-'));
  try {
    runtimeCopy(source, runtime, goVersion);
    const version = requiredRuntimeVersion(fs.readFileSync(goMod, 'utf8'));
    fs.writeFileSync(path.join(bindingsDir, 'go.work'), `go ${goVersion}\n\nuse .\n\nreplace ${RUNTIME_MODULE} ${version} => ${runtime}\n`);
    const packages = fs
      .readdirSync(bindingsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.readdirSync(path.join(bindingsDir, e.name)).some((f) => f.endsWith('.go')))
      .map((e) => `./${e.name}`)
      .sort();
    if (packages.length === 0) return { ok: false, command: 'go vet', output: 'no Go package was generated', packages };
    const env = {
      ...process.env,
      GOOS: 'wasip1',
      GOARCH: 'wasm',
      GOTOOLCHAIN: 'local',
      GOFLAGS: '-mod=readonly',
      GOPATH: path.join(toolchain, 'go'),
      GOMODCACHE: path.join(toolchain, 'go', 'mod'),
    };
    const args = ['vet', '-unsafeptr=false', ...packages];
    const verdict = await run(go, args, { cwd: bindingsDir, env, label: `GOOS=wasip1 GOARCH=wasm go ${args.join(' ')}` });
    return { ...verdict, packages };
  } finally {
    fs.rmSync(runtime, { recursive: true, force: true });
  }
}
