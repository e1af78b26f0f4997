// What the user reads when a tool is missing, too old or failing: the tool,
// where it is (or where it was looked for), the version found and the one
// needed, and the setting that points at another one. A failing tool is
// reported by its exit code or signal and the lines of its error output that
// say what went wrong; stack traces (Rust backtraces, Python tracebacks, JS
// `at` frames, Go goroutine dumps, wasm backtraces) never reach the message.
// No `vscode` import.
import { MINIMUMS, TOOLS, type RequirementKey, type ToolId } from './minimums';
import type { RunOutcome } from './probe';
import type { Version } from './versions';

/** Where the lookup looked, for the "not found" message. */
export interface WhereLooked {
  /** The path a setting (or a launch config) gave, when one did. */
  configured?: string;
  /** The folders searched, in order, when no path was given. */
  searched: readonly string[];
}

const MAX_FOLDERS = 6;

function folders(dirs: readonly string[]): string {
  if (dirs.length === 0) return 'no folders (PATH is empty)';
  const shown = dirs.slice(0, MAX_FOLDERS).join(', ');
  return dirs.length > MAX_FOLDERS ? `${shown} and ${dirs.length - MAX_FOLDERS} more` : shown;
}

/** How to point the extension at another one of this tool. */
function elsewhere(tool: ToolId, what: 'its path' | 'a newer one' | 'one that works'): string {
  const setting = TOOLS[tool].setting;
  return setting ? `set ${setting} to ${what}` : `put ${what === 'its path' ? 'it' : what} first on PATH`;
}

// The install command comes early: a collapsed notification shows only the start.
export function missingMessage(tool: ToolId, where: WhereLooked): string {
  const { name, setting, install } = TOOLS[tool];
  const fix = `Install it with: ${install} (or ${elsewhere(tool, 'its path')})`;
  if (where.configured !== undefined)
    return `${name} not found: ${setting ?? name} is set to "${where.configured}", which is not an executable file. ${fix}.`;
  return `${name} not found. ${fix}. Looked in ${folders(where.searched)}${setting ? ` (${setting} is not set)` : ''}.`;
}

export function tooOldMessage(key: RequirementKey, found: Version, executable: string): string {
  const req = MINIMUMS[key];
  const { name, install } = TOOLS[req.tool];
  return (
    `${name} ${found.text} at ${executable} is too old: WIT DevKit needs ${name} >= ${req.min} for "${req.use}". ` +
    `Update it (${install}) or ${elsewhere(req.tool, 'a newer one')}.`
  );
}

/** The tool lacks the subcommand a use needs (e.g. a wit-bindgen without a `cpp` generator). */
export function lacksSubcommandMessage(
  tool: ToolId,
  executable: string,
  version: Version | undefined,
  subcommand: string,
  has: readonly string[],
): string {
  const { name, install } = TOOLS[tool];
  const which = version ? `${name} ${version.text}` : name;
  const list = has.length > 0 ? ` (it has: ${has.join(', ')})` : '';
  return `${which} at ${executable} has no "${subcommand}" subcommand${list}. Update it (${install}) or ${elsewhere(tool, 'a newer one')}.`;
}

/** How a run ended, in words: exit code, signal, timeout, or why it never started. */
export function howItEnded(run: RunOutcome, timeoutMs?: number): string {
  if (run.startError) return `could not be started (${run.startError})`;
  if (run.timedOut) return `did not finish${timeoutMs ? ` within ${Math.round(timeoutMs / 1000)} s` : ''} and was stopped`;
  if (run.signal) return `was killed by ${run.signal}`;
  return `exited with code ${run.code}`;
}

/** The command as the user would type it: the tool's name, not its path (cargo-component runs as `cargo component`). */
export function commandText(tool: ToolId, args: readonly string[]): string {
  return [tool === 'cargoComponent' ? 'cargo' : TOOLS[tool].name, ...args].join(' ');
}

/**
 * `wasmtime at /x failed: "wasmtime --version" exited with code 1: error: ...`.
 * `command` is what was run, as commandText() says it (for a long generator
 * command line, just its subcommand: `wit-bindgen rust`).
 */
export function failedMessage(tool: ToolId, executable: string, command: string, run: RunOutcome, timeoutMs?: number): string {
  // Eight lines: enough for an error chain and a WIT error's `--> file:line:col` with its source line.
  const lines = meaningfulLines(run.stderr || run.stdout, 8);
  const detail = lines.length > 0 ? `: ${lines.join('\n')}` : '';
  const fix = run.startError ? `. Reinstall it or ${elsewhere(tool, 'one that works')}.` : '';
  return `${TOOLS[tool].name} at ${executable} failed: "${command}" ${howItEnded(run, timeoutMs)}${detail}${fix}`;
}

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Lines that begin a stack trace: they and the frames under them are dropped. */
const TRACE_STARTS = [
  /^stack backtrace:/i, // Rust with RUST_BACKTRACE; anyhow prints "Stack backtrace:"
  /^goroutine \d+ \[/, // Go panics
  /^Traceback \(most recent call last\):/, // Python: the exception line after the frames is kept
];
/** A cause that ends by announcing a trace: the cause is kept, the deeper-indented frames under it are not. */
const TRACE_ANNOUNCED = /\bwasm backtrace:$/; // wasmtime traps ("1: error while executing at wasm backtrace:")
/** Single lines that are trace or noise wherever they appear. */
const NOISE = [
  /^\s+at\s/, // JS frames
  /^note: run with `RUST_BACKTRACE/,
  /^note: Some details are omitted/,
  /^\s*\^+\s*$/, // Node's caret under the throwing line
  /^Node\.js v\d/,
];

const indentOf = (line: string) => /^\s*/.exec(line)![0].replace(/\t/g, '    ').length;

/**
 * The lines of a tool's error output that say what went wrong, at most `max`:
 * from the first line that reads as an error, without stack traces.
 */
export function meaningfulLines(output: string, max = 4): string[] {
  const lines = output
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''));
  const kept: string[] = [];
  // Inside a trace: Python's ends at its unindented exception line; the others at the
  // first line (not a Go `pkg.fn(...)` frame) no deeper than where the trace began.
  let trace: { python: boolean; indent: number } | undefined;
  for (const line of lines) {
    if (TRACE_STARTS.some((re) => re.test(line))) {
      trace = { python: line.startsWith('Traceback'), indent: 0 };
      continue;
    }
    if (trace) {
      if (line === '' || indentOf(line) > trace.indent) continue;
      if (!trace.python && /^[\w.:<>$*()/-]+\(.*\)$/.test(line)) continue;
      trace = undefined;
    }
    if (line.trim() === '' || NOISE.some((re) => re.test(line))) continue;
    kept.push(line.trim() === line ? line : line.replace(/^\s+/, '  '));
    if (TRACE_ANNOUNCED.test(line)) trace = { python: false, indent: indentOf(line) };
  }
  // A line that starts as an error ("error: ...", "Error: ...", "ValueError: ...", a Rust panic) wins over
  // one that merely mentions one (Node prints the throwing source line first).
  const strong = kept.findIndex((l) => /^(\w*(Error|Exception)|error|ERROR|fatal|FATAL|panic)(\[\w+\])?:|panicked at/.test(l));
  const weak = kept.findIndex((l) => /\b(error|Error|ERROR|fatal|failed|Failed)\b/.test(l));
  const firstError = strong >= 0 ? strong : weak;
  const from = firstError >= 0 ? kept.slice(firstError) : kept;
  const chosen = from.slice(0, max);
  const text = chosen.join('\n');
  return text.length > 800 ? [`${text.slice(0, 797)}...`] : chosen;
}
