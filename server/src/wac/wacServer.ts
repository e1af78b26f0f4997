// The language server's WAC support, wired beside the WIT service: documents whose uri
// ends in .wac go to WacDocuments (checked by the wac CLI) instead of the WIT analysis.
// The client only sends .wac documents in a trusted workspace, so wac never runs for an
// untrusted one.
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { Connection, Position } from 'vscode-languageserver/node';
import { isExecutableFile } from '../../../common/tools/toolLookup';
import { WacDocuments, isWacUri } from './wacDocuments';
import { WacGrammar, WacTrees } from './wacSyntaxTree';

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

/** The open WAC documents, parsed with tree-sitter-wac from `wasmDir` and checked by wac. */
export function createWacDocuments(connection: Connection, wasmDir: string): WacDocuments {
  let wac: string | undefined | null = null;
  const grammar = WacGrammar.load(wasmDir);
  grammar.catch((e: unknown) => connection.console.error(`WAC grammar failed to load: ${e instanceof Error ? e.message : String(e)}`));
  return new WacDocuments({
    syntax: new WacTrees(grammar),
    // Looked up once; a server restart finds a newly installed one.
    findWac: () => (wac === null ? (wac = findWac()) : wac),
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    debounceMs: Number(process.env.WIT_WAC_DEBOUNCE_MS) || 150,
    log: (m) => connection.console.warn(m),
  });
}

/**
 * A position request's handler that answers .wac documents from `wacAnswer` (over the
 * editor's text) and every other document from `wit`.
 */
export function forWac<P extends { textDocument: { uri: string }; position: Position }, R, W>(
  wac: WacDocuments | undefined,
  wacAnswer: (uri: string, text: string, position: Position) => R,
  wit: (params: P) => W,
): (params: P) => R | W | null {
  return (params) => {
    const { uri } = params.textDocument;
    if (!wac || !isWacUri(uri)) return wit(params);
    const text = wac.text(uri);
    return text === undefined ? null : wacAnswer(uri, text, params.position);
  };
}
