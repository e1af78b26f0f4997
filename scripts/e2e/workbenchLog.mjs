// What of the workbench's log reaches the console of an e2e run. The tests'
// output (mocha's reporter in the extension host) and the workbench's own log
// arrive through the same hook; the runners save all of it to workbench.log and
// print the tests' lines and anything unexpected, without code-server's own
// stack frames: those stay in the log file, which a failing run names.
// Shared by scripts/e2e/run.mjs and scripts/run-e2e-untrusted.mjs.

/**
 * The workbench's routine chatter and the offline gallery/GitHub errors of a
 * machine without internet: never printed.
 */
export function isWorkbenchNoise(text) {
  return (
    /^\[(driver|AgentHost[^\]]*|AccountPolicyGate|ChatModelSelection|Service Worker|reconnection-grace-time)\]/.test(text) ||
    /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions|^Creation of workbench contribution/.test(
      text,
    ) ||
    /open-vsx\.org|api\.github\.com|authentication provider 'github'/.test(text)
  );
}

/**
 * A stack frame in code-server's own code: the workbench (served from
 * .../static/out/vs/...) or its server and extension host (.../lib/vscode/out/vs/...).
 * Frames of the tests and of the extension (out/test/e2e, dist/) are kept.
 */
const CODE_SERVER_FRAME = /^\s*at .*\bout\/vs\//;

/** The text to print for one log message, or undefined for none. */
export function consoleText(text) {
  if (isWorkbenchNoise(text)) return undefined;
  const lines = text.split('\n');
  const kept = lines.filter((l) => !CODE_SERVER_FRAME.test(l));
  if (kept.length === lines.length) return text;
  return kept.some((l) => l.trim()) ? kept.join('\n') : undefined;
}
