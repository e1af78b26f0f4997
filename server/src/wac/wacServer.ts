// The language server's WAC support, wired beside the WIT service: documents whose uri
// ends in .wac go to WacDocuments (checked by the wac CLI) instead of the WIT analysis.
// The client only sends .wac documents in a trusted workspace, so wac never runs for an
// untrusted one.
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { isExecutableFile } from '../../../common/tools/toolLookup';
import { WacDocuments } from './wacDocuments';

export { isWacUri, WacDocuments } from './wacDocuments';

/** wac on PATH, else where the project's toolchain installer links it ($WIT_DEVKIT_CACHE/bin). */
export function findWac(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exe = process.platform === 'win32' ? 'wac.exe' : 'wac';
  const cache = env.WIT_DEVKIT_CACHE || path.join(homedir(), '.cache', 'wit-devkit');
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), path.join(cache, 'bin')];
  for (const dir of dirs) {
    const candidate = path.join(dir, exe);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

export function createWacDocuments(connection: Connection): WacDocuments {
  let wac: string | undefined | null = null;
  return new WacDocuments({
    // Looked up once; a server restart finds a newly installed one.
    findWac: () => (wac === null ? (wac = findWac()) : wac),
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    debounceMs: Number(process.env.WIT_WAC_DEBOUNCE_MS) || 150,
    log: (m) => connection.console.warn(m),
  });
}
