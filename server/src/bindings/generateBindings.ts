// Generation of one request: snapshot the package as the editor holds it,
// refuse it when the server sees errors, run the language's generator. Requests run one at a time (jco's shim has process-wide state, and a
// second generation must never interleave with the first).
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { BindingsLanguage, GeneratedFile } from '../../../common/protocol';
import { LANGUAGES } from '../../../common/bindingsLanguages';
import { SnapshotStore } from './snapshotStore';
import { generateTypeScript } from './jcoTypes';
import { generateExternal, type ToolSettings } from './externalGenerator';
import { collectErrors, WitErrorsError } from './witErrors';

/** What generation needs of the language service. */
export interface BindingsSource {
  /** Text of a file as the editor holds it (open buffer, else disk). */
  textOf(file: string): string | undefined;
  openFiles(): string[];
  /** Diagnostics of the package root holding `uri`, by uri. */
  diagnostics(uri: string): Map<string, Diagnostic[]>;
}

export interface GenerateRequest {
  /** A .wit file of the package; its directory is the package root. */
  file: string;
  language: BindingsLanguage;
  world?: string;
  tools: ToolSettings;
}

let queue: Promise<unknown> = Promise.resolve();

// Kept between requests (see SnapshotStore); removed when the process exits.
const snapshots = new SnapshotStore();
process.once('exit', () => snapshots.dispose());

/** Runs `task` after every earlier one has settled. */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export function generateBindings(source: BindingsSource, req: GenerateRequest): Promise<GeneratedFile[]> {
  return serially(() => generateNow(source, req));
}

async function generateNow(source: BindingsSource, req: GenerateRequest): Promise<GeneratedFile[]> {
  const packageDir = path.dirname(req.file);
  const snapshot = snapshots.update(packageDir, { textOf: (f) => source.textOf(f), openFiles: source.openFiles() });
  try {
    const byUri = new Map(source.diagnostics(URI.file(req.file).toString()));
    for (const real of snapshot.origins.values()) {
      if (!real.endsWith('.wit')) continue;
      for (const entry of source.diagnostics(URI.file(real).toString())) byUri.set(entry[0], entry[1]);
    }
    const errors = collectErrors(byUri);
    if (errors.length > 0) throw new WitErrorsError(errors, packageDir);
    try {
      if (LANGUAGES[req.language].generator === 'jco') {
        return await generateTypeScript({ witDir: snapshot.witDir, world: req.world, guest: req.language === 'typescript-guest' });
      }
      return await generateExternal(
        { language: req.language, witDir: snapshot.witDir, outDir: snapshot.outDir, world: req.world },
        req.tools,
      );
    } catch (e) {
      // Point paths in the tool's message at the user's files, not the snapshot.
      if (e instanceof Error) e.message = e.message.split(snapshot.witDir).join(packageDir);
      throw e;
    }
  } finally {
    snapshot.dispose();
  }
}
