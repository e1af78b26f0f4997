// The command line of `wit-devkit`: a command, its flags and its operands.
// Hand-written rather than a dependency: four commands with a handful of
// flags, and usage errors must end in exit code 2 with our own message.

export type Command = 'check' | 'fmt' | 'diff' | 'capabilities';
export type CheckFormat = 'human' | 'github' | 'sarif' | 'json';
export type DiffFormat = 'human' | 'json' | 'markdown';

export interface ParsedArgs {
  command: Command;
  operands: string[];
  format?: string;
  /** Undefined when not given: the core's default (`active`). */
  features?: string[];
  check: boolean;
  base?: string;
}

export class UsageError extends Error {}

export const USAGE = `usage:
  wit-devkit check [--format human|github|sarif|json] [--features a,b] [DIR...]
  wit-devkit fmt [--check] [PATH...]
  wit-devkit diff [--format human|json|markdown] [--features a,b] OLD NEW
  wit-devkit diff [--format human|json|markdown] [--features a,b] --base GIT_REF [DIR]
  wit-devkit capabilities [--format human|json] FILE.wasm

exit codes: 0 clean, 1 errors found (diagnostics, unformatted files, a diff
that breaks semver), 2 bad input (usage, missing folder or ref, broken package)`;

const FLAGS_WITH_VALUE = new Set(['--format', '--features', '--base']);
const FLAGS_OF: Record<Command, string[]> = {
  check: ['--format', '--features'],
  fmt: ['--check'],
  diff: ['--format', '--features', '--base'],
  capabilities: ['--format'],
};
const FORMATS: Record<Command, string[]> = {
  check: ['human', 'github', 'sarif', 'json'],
  fmt: [],
  diff: ['human', 'json', 'markdown'],
  capabilities: ['human', 'json'],
};

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'fmt' && command !== 'diff' && command !== 'capabilities') {
    throw new UsageError(command ? `unknown command \`${command}\`` : 'no command given');
  }
  const parsed: ParsedArgs = { command, operands: [], check: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      parsed.operands.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      parsed.operands.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS_OF[command].includes(flag)) throw new UsageError(`\`${command}\` has no option \`${flag}\``);
    if (!FLAGS_WITH_VALUE.has(flag)) {
      if (eq > 0) throw new UsageError(`\`${flag}\` takes no value`);
      parsed.check = true;
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < rest.length) value = rest[++i];
    if (value === undefined) throw new UsageError(`\`${flag}\` needs a value`);
    if (flag === '--format') {
      if (!FORMATS[command].includes(value))
        throw new UsageError(`unknown format \`${value}\` for \`${command}\` (one of ${FORMATS[command].join(', ')})`);
      parsed.format = value;
    } else if (flag === '--features') {
      // Repeatable and comma-separated, like wasm-tools' `--features`; an empty value means none.
      parsed.features = [
        ...(parsed.features ?? []),
        ...value
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean),
      ];
    } else {
      if (!value) throw new UsageError('`--base` needs a git ref');
      parsed.base = value;
    }
  }
  if (command === 'capabilities' && parsed.operands.length !== 1) throw new UsageError('`capabilities` needs one component, FILE.wasm');
  if (command === 'diff') {
    const wanted = parsed.base === undefined ? 2 : [0, 1];
    const n = parsed.operands.length;
    if (typeof wanted === 'number' ? n !== wanted : !wanted.includes(n)) {
      throw new UsageError(
        parsed.base === undefined ? '`diff` needs two folders, OLD and NEW (or --base GIT_REF)' : '`diff --base` takes at most one folder',
      );
    }
  }
  return parsed;
}
