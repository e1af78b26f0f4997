// `wit-devkit`: the analysis core on the command line, for pipelines. One
// function from arguments to an exit code (0 clean, 1 problems found, 2 bad
// input), writing through `io` so tests can run it in-process; main.ts is the
// executable. Every failure ends in a message, never a stack trace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWitLanguageService, type WitLanguageService } from '../core/index';
import { nodeHost } from '../nodeHost';
import { parseArgs, UsageError, USAGE, type CheckFormat, type DiffFormat } from './args';
import { InputError, witFilesOf } from './files';
import { checkFiles } from './check';
import { formatGithub, formatHuman, formatJson, countErrors } from './checkReport';
import { formatSarif } from './sarif';
import { formatFiles, reportFmt } from './fmt';
import { runDiff } from './diff';
import { componentCapabilities, formatCapabilities } from './capabilities';

export const VERSION = '0.1.0';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The folder with tree-sitter.wasm and tree-sitter-wit.wasm (dist/). */
  wasmDir: string;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length ? io.stdout : io.stderr)(USAGE + '\n');
    return argv.length ? 0 : 2;
  }
  if (argv[0] === '--version') {
    io.stdout(`wit-devkit ${VERSION}\n`);
    return 0;
  }
  try {
    const args = parseArgs(argv);
    // A built component needs no WIT grammar: read it and answer.
    if (args.command === 'capabilities') {
      io.stdout(formatCapabilities(componentCapabilities(args.operands[0], io.cwd), (args.format ?? 'human') as 'human' | 'json'));
      return 0;
    }
    const started = performance.now();
    const service = await createWitLanguageService(nodeHost, {
      wasmDir: io.wasmDir,
      ...(args.features ? { features: args.features } : {}),
    });
    const loaded = performance.now();
    const code =
      args.command === 'check'
        ? check(service, args.operands, (args.format ?? 'human') as CheckFormat, io)
        : args.command === 'fmt'
          ? fmt(service, args.operands, args.check, io)
          : runDiff(service, { operands: args.operands, base: args.base, format: (args.format ?? 'human') as DiffFormat }, io);
    // WIT_DEVKIT_TIMING=1: the grammar's load and the command's own work, apart (stderr).
    if (process.env.WIT_DEVKIT_TIMING)
      io.stderr(`timing: grammar ${(loaded - started).toFixed(0)} ms, ${args.command} ${(performance.now() - loaded).toFixed(0)} ms\n`);
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`wit-devkit: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`wit-devkit: ${e.message}\n`);
      return 2;
    }
    // Anything else is our bug; still a message and exit code 2, not a trace.
    io.stderr(`wit-devkit: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function check(service: WitLanguageService, operands: string[], format: CheckFormat, io: CliIo): number {
  const result = checkFiles(service, witFilesOf(operands, io.cwd));
  const text =
    format === 'github'
      ? formatGithub(result, io.cwd)
      : format === 'sarif'
        ? formatSarif(result, io.cwd, VERSION)
        : format === 'json'
          ? formatJson(result, io.cwd)
          : formatHuman(result, io.cwd);
  io.stdout(text);
  return countErrors(result).errors > 0 ? 1 : 0;
}

function fmt(service: WitLanguageService, operands: string[], checkOnly: boolean, io: CliIo): number {
  const outcome = formatFiles(service, witFilesOf(operands, io.cwd), !checkOnly);
  const { stdout, stderr, code } = reportFmt(outcome, checkOnly, io.cwd);
  if (stdout) io.stdout(stdout);
  if (stderr) io.stderr(stderr);
  return code;
}

/** dist/ beside the bundle, else the repository's dist/ when run from source. */
export function defaultWasmDir(here: string): string {
  if (fs.existsSync(path.join(here, 'tree-sitter-wit.wasm'))) return here;
  return path.resolve(here, '..', '..', '..', 'dist');
}
