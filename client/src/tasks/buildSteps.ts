// Builds that take several processes, as a list of command lines run one after
// the other (stepRunner.ts), each a program and an argument LIST, never a shell
// string. Neither Go nor Debian's clang can write a component themselves, so:
//   go     wit-bindgen-go generate --world <w> --out <bindings> <wit>
//          go build -buildmode=c-shared -o <scratch>/core.wasm [args] .   (GOOS=wasip1 GOARCH=wasm)
//          wasm-tools component embed <wit> --world <w> <scratch>/core.wasm -o <scratch>/embedded.wasm
//          wasm-tools component new <scratch>/embedded.wasm --adapt wasi_snapshot_preview1=<adapter> -o <output>
//   clang  wit-bindgen c <wit> --world <w> --out-dir <bindings>
//          clang --target=wasm32-wasi [--sysroot=<s>] -mexec-model=reactor -g -O0 -I<bindings> -o <scratch>/core.wasm
//                <sources> <bindings>/<w>.c <bindings>/<w>_component_type.o [args]
//          wasm-tools component new <scratch>/core.wasm --adapt wasi_snapshot_preview1=<adapter> -o <output>
// Both build a REACTOR (-buildmode=c-shared, -mexec-model=reactor) adapted with
// the reactor adapter: the component's exports are the world's, implemented
// through the generated bindings (a command world exports wasi:cli/run and the
// program implements `run`), and the standard library's preview1 calls
// (printf, fmt.Println, os.Args) are carried over to WASI 0.2 by the adapter.
// Big Go's wasip1 port is 64-bit, and its go:wasmimport refuses pointers to
// the list/string shapes wit-bindgen-go passes (bytecodealliance/go-modules#427):
// a Go program calls imports whose signatures are scalars, and reaches args,
// env, files and stdout through Go's own library and the adapter.
// Every path handed to a compiler is absolute, so the file names in its
// errors are too and the problem matchers find the file whatever the cwd.
// wit-bindgen c names its files after the world, so the clang builder needs
// the world's name (buildDetection.ts reads it from the WIT when there is one).
// No `vscode` import: unit tests pin these lists exactly.
import * as path from 'node:path';
import type { CommandLine } from './commandLines';
import type { BuildTask } from './taskDefinition';

export interface StepTools {
  go?: string;
  witBindgenGo?: string;
  clang?: string;
  witBindgen?: string;
  wasmTools?: string;
  /** The wasi_snapshot_preview1 reactor adapter found (jcoLayout.ts), unless the task names one. */
  adapter?: string;
  /** The sysroot clang needs, when it has none built in (Debian's clang with wasi-libc: /usr). */
  clangSysroot?: string;
}

export interface BuildPaths {
  /** The absolute folder the build runs in (the workspace folder joined with the task's cwd). */
  cwd: string;
  /** An absolute, empty folder for the intermediate core modules, removed after the build. */
  scratch: string;
}

export interface BuildStep extends CommandLine {
  /** What the step does, printed before it runs. */
  title: string;
}

/** The component a go/clang build writes when the task names none: `<folder name>.wasm`. */
export function defaultStepOutput(cwd: string): string {
  return `${path.basename(cwd)}.wasm`;
}

/** The file stem wit-bindgen c gives a world: `my-world` (or `ns:pkg/my-world@1.0`) -> `my_world`. */
export function cWorldStem(world: string): string {
  const name = world.replace(/^.*\//, '').replace(/@.*$/, '');
  return name.replace(/-/g, '_');
}

const worldArgs = (flag: string, world: string | undefined) => (world ? [flag, world] : []);

function componentNew(input: string, adapter: string, output: string, wasmTools: string, cwd: string): BuildStep {
  return {
    title: 'wasm-tools: make the component (preview1 reactor adapter)',
    command: wasmTools,
    args: ['component', 'new', input, '--adapt', `wasi_snapshot_preview1=${adapter}`, '-o', output],
    cwd,
  };
}

function goSteps(task: BuildTask, tools: StepTools, paths: BuildPaths, adapter: string): BuildStep[] {
  const { cwd, scratch } = paths;
  const abs = (p: string) => path.resolve(cwd, p);
  const wit = abs(task.wit ?? 'wit');
  const wasmTools = tools.wasmTools ?? 'wasm-tools';
  const core = path.join(scratch, 'core.wasm');
  const embedded = path.join(scratch, 'embedded.wasm');
  const release = task.release ? ['-trimpath', '-ldflags=-s -w'] : [];
  return [
    {
      title: 'wit-bindgen-go: generate the bindings',
      command: tools.witBindgenGo ?? 'wit-bindgen-go',
      args: ['generate', ...worldArgs('--world', task.world), '--out', abs(task.bindings ?? 'gen'), wit],
      cwd,
    },
    {
      title: 'go build (GOOS=wasip1 GOARCH=wasm, reactor)',
      command: tools.go ?? 'go',
      args: ['build', '-buildmode=c-shared', ...release, '-o', core, ...(task.args ?? []), '.'],
      cwd,
      env: { GOOS: 'wasip1', GOARCH: 'wasm' },
    },
    {
      title: 'wasm-tools: embed the world',
      command: wasmTools,
      args: ['component', 'embed', wit, ...worldArgs('--world', task.world), core, '-o', embedded],
      cwd,
    },
    componentNew(embedded, adapter, abs(task.output ?? defaultStepOutput(cwd)), wasmTools, cwd),
  ];
}

function clangSteps(task: BuildTask, tools: StepTools, paths: BuildPaths, adapter: string): BuildStep[] | string {
  const { cwd, scratch } = paths;
  if (!task.world) return 'the clang build needs "world": the WIT world to build (wit-bindgen c names its files after it)';
  if (!task.sources || task.sources.length === 0) return 'the clang build needs "sources": the C files to compile, e.g. ["main.c"]';
  const abs = (p: string) => path.resolve(cwd, p);
  const bindings = abs(task.bindings ?? 'gen');
  const stem = cWorldStem(task.world);
  const core = path.join(scratch, 'core.wasm');
  const sysroot = task.sysroot ?? tools.clangSysroot;
  return [
    {
      title: 'wit-bindgen c: generate the bindings',
      command: tools.witBindgen ?? 'wit-bindgen',
      args: ['c', abs(task.wit ?? 'wit'), '--world', task.world, '--out-dir', bindings],
      cwd,
    },
    {
      title: 'clang (wasm32-wasi, reactor)',
      command: tools.clang ?? 'clang',
      args: [
        '--target=wasm32-wasi',
        ...(sysroot ? [`--sysroot=${sysroot}`] : []),
        '-mexec-model=reactor',
        ...(task.release ? ['-O2'] : ['-g', '-O0']),
        `-I${bindings}`,
        '-o',
        core,
        ...task.sources.map(abs),
        path.join(bindings, `${stem}.c`),
        path.join(bindings, `${stem}_component_type.o`),
        ...(task.args ?? []),
      ],
      cwd,
    },
    componentNew(core, adapter, abs(task.output ?? defaultStepOutput(cwd)), tools.wasmTools ?? 'wasm-tools', cwd),
  ];
}

/** The steps of a go or clang build, or a message saying what the task is missing. */
export function buildSteps(task: BuildTask, tools: StepTools, paths: BuildPaths): BuildStep[] | string {
  const adapter = task.adapter ? path.resolve(paths.cwd, task.adapter) : tools.adapter;
  if (!adapter) {
    return `the ${task.builder} build needs the wasi_snapshot_preview1 reactor adapter: install jco (npm install -D @bytecodealliance/jco), which ships it, or set "adapter" to its path`;
  }
  if (task.builder === 'go') return goSteps(task, tools, paths, adapter);
  if (task.builder === 'clang') return clangSteps(task, tools, paths, adapter);
  return `builder "${task.builder}" is not built in steps`;
}
