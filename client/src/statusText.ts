// What the client tells the user about the server, as plain functions (no
// vscode import) so that unit tests can check the exact words: the reason in
// the crash notice, and the package and worlds in the status bar.
import type { WorldInfo } from '../../common/protocol';

export type ServerState = 'starting' | 'running' | 'stopped' | 'crashed';

export interface ExitStatus {
  code: number | null;
  signal: string | null;
}

/** Why the server process ended, for "The WIT language server stopped (…)". */
export function describeExit(status: ExitStatus | undefined): string {
  if (!status) return 'its connection closed';
  if (status.signal) return `killed by ${status.signal}`;
  return `exit code ${status.code}`;
}

/** The notice after the server died on its own and was started again. */
export function restartedNotice(status: ExitStatus | undefined): string {
  return `The WIT language server stopped (${describeExit(status)}) and was restarted.`;
}

/** The notice when the server keeps dying and is left stopped. */
export function gaveUpNotice(status: ExitStatus | undefined, crashes: number, windowMinutes: number): string {
  return (
    `The WIT language server stopped (${describeExit(status)}) ${crashes} times in ${windowMinutes} minutes; ` +
    'it will not be restarted automatically.'
  );
}

export interface FileLocation {
  /** e.g. `wasi:http@0.3.0`; undefined when the server could not tell. */
  packageName: string | undefined;
  /** Worlds declared in the file itself, unqualified. */
  worlds: string[];
}

/** Splits the server's worlds into the file's package and the worlds the file declares. */
export function locateFile(worlds: WorldInfo[], fileUri: string): FileLocation {
  const own = worlds.filter((w) => w.uri === fileUri);
  return {
    packageName: (own[0] ?? worlds[0])?.package || undefined,
    worlds: own.map((w) => unqualifiedWorld(w.name)),
  };
}

/** `wasi:http/service@0.3.0` -> `service`. */
export function unqualifiedWorld(name: string): string {
  const afterSlash = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  return afterSlash.replace(/@.*$/, '');
}

const STATE_ICON: Record<ServerState, string> = {
  starting: '$(sync~spin)',
  running: '$(symbol-namespace)',
  stopped: '$(circle-slash)',
  crashed: '$(error)',
};

/** The status bar text: state icon, then `package › world, world` (or just `WIT`). */
export function statusBarText(state: ServerState, location: FileLocation): string {
  const where = [location.packageName, location.worlds.join(', ')].filter(Boolean).join(' › ');
  return `${STATE_ICON[state]} ${where || 'WIT'}`;
}
