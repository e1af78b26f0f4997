// Finds an external tool: the path a setting gives, else the first match on
// PATH. File checks are injected so that the lookup is testable without a tool.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LocateOptions {
  /** A path from `wit.tools.*`; when set it wins, and is the only place looked at. */
  configured?: string;
  pathEnv?: string;
  /** Windows executable suffixes (PATHEXT). */
  pathExt?: string;
  platform?: NodeJS.Platform;
  isExecutable?: (file: string) => boolean;
}

export function locateTool(command: string, opts: LocateOptions = {}): string | undefined {
  const isExecutable = opts.isExecutable ?? isExecutableFile;
  const platform = opts.platform ?? process.platform;
  const configured = opts.configured?.trim();
  if (configured) return isExecutable(configured) ? configured : undefined;
  const sep = platform === 'win32' ? ';' : ':';
  const exts = platform === 'win32' ? (opts.pathExt ?? process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  for (const dir of (opts.pathEnv ?? process.env.PATH ?? '').split(sep)) {
    // An empty PATH entry means the current directory: never run a tool from there.
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = join(dir, command + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
