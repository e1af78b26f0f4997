// The LLDB commands a wasmtime debug session runs inside lldb-dap, so that a
// breakpoint in the component's source is bound when VS Code sets it:
//   initCommands     turn on the GDB JIT loader: wasmtime hands the DWARF of
//                    the code it compiles (translated to native addresses) to
//                    debuggers through the GDB JIT interface;
//   preRunCommands   a one-shot breakpoint on `__jit_debug_register_code`,
//                    which wasmtime calls once the component is compiled and
//                    registered (before any of its code runs);
//   launchCommands   `process launch -- <wasmtime args>`, run synchronously:
//                    it returns at that one-shot stop, before lldb-dap sends
//                    `initialized`, so VS Code's setBreakpoints arrive with the
//                    component's code loaded and answer `verified: true`.
// Why synchronously: lldb-dap runs launchCommands in async mode and then polls
// the process state, which can still read "stopped" from the launch's own
// stop at exec before the resume is published. Tried with lldb-vscode-16
// under load: 1 launch in 6 returned early, its breakpoints pending, and the
// one-shot then stopped the session inside wasmtime after configurationDone.
// With `script lldb.debugger.SetAsync(False)` around the launch, 27 of 27
// returned at the one-shot stop. (`script` is LLDB's Python; an LLDB built
// without it prints an error and the launch falls back to that race.)
// A plain lldb-dap launch binds them too, but only later (a `breakpoint`
// event when the JIT code appears): VS Code shows them unbound meanwhile.
// lldb-dap ignores the request's `args` when launchCommands are given, so the
// arguments travel inside the command, quoted for LLDB's own parser.
// No `vscode` import: unit tests pin these strings.

export const JIT_LOADER_ON = 'settings set plugin.jit-loader.gdb.enable on';

/**
 * The synchronous launch prints its stop in the Debug Console, with lldb's
 * disassembly of wasmtime's `__jit_debug_register_code`: noise to the user.
 * lldb-dap shows stops through DAP, never through this display.
 */
export const QUIET_STOPS = 'settings set stop-disassembly-display never';

/** wasmtime calls this (an empty function) after registering compiled code. */
export const JIT_REGISTER_SYMBOL = '__jit_debug_register_code';

export const STOP_AFTER_JIT_REGISTRATION = `breakpoint set --one-shot true --name ${JIT_REGISTER_SYMBOL}`;

/** lldb-dap expects async mode back after its launchCommands (its continue/step requests return at once). */
export const SYNC_ON = 'script lldb.debugger.SetAsync(False)';
export const SYNC_OFF = 'script lldb.debugger.SetAsync(True)';

/**
 * One argument quoted for LLDB's command parser so the program receives it
 * unchanged, or undefined when that cannot be done (a line break ends an LLDB
 * command). Found by trying lldb 16 with a program printing its argv:
 *   - inside single quotes nothing is special (not `\`, `"`, `$`, backticks);
 *   - inside double quotes `\\` and `\"` are escapes, backticks and `$` are
 *     literal, but `\`` keeps its backslash: so double quotes only for
 *     arguments holding a single quote.
 */
export function quoteLldbArg(arg: string): string | undefined {
  if (/[\r\n]/.test(arg)) return undefined;
  if (!arg.includes("'")) return `'${arg}'`;
  return `"${arg.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * `process launch [-w cwd] -- <args>`, or undefined when an argument (or the
 * folder) holds a line break and cannot be written as an LLDB command.
 */
export function processLaunchCommand(args: readonly string[], cwd?: string): string | undefined {
  const quoted = args.map(quoteLldbArg);
  const folder = cwd === undefined ? '' : quoteLldbArg(cwd);
  if (folder === undefined || quoted.some((a) => a === undefined)) return undefined;
  return ['process launch', ...(cwd === undefined ? [] : ['-w', folder]), '--', ...quoted].join(' ');
}

/** The command lists for a launch that binds breakpoints before `initialized`. */
export interface PreloadCommands {
  initCommands: string[];
  preRunCommands: string[];
  launchCommands: string[];
}

/**
 * The commands for debugging `wasmtime <args>`; undefined when the arguments
 * cannot be put in a command (the caller then launches plainly, with `args`).
 */
export function preloadCommands(args: readonly string[], cwd?: string): PreloadCommands | undefined {
  const launch = processLaunchCommand(args, cwd);
  if (launch === undefined) return undefined;
  return {
    initCommands: [JIT_LOADER_ON, QUIET_STOPS],
    preRunCommands: [STOP_AFTER_JIT_REGISTRATION],
    launchCommands: [SYNC_ON, launch, SYNC_OFF],
  };
}
