// Test helpers for the core: a language service over an in-memory file system,
// inline sources with a `|` cursor marker, and the shared corpus read in place.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { WitGrammar } from '../../server/src/core/parser';
import { createWitLanguageService, type WitLanguageService } from '../../server/src/core/index';
import type { WitHost, DirEntry } from '../../server/src/core/host';
import { nodeHost } from '../../server/src/nodeHost';
import { pathToUri } from '../../server/src/core/workspace';
import type { WitDocument } from '../../server/src/core/document';
import type { Position } from 'vscode-languageserver-types';

/** The repository root (this file is test/core/helpers.ts). */
export const repoRoot = path.resolve(__dirname, '..', '..');
/** The read-only shared material beside the repository. */
export const sharedRoot = path.resolve(repoRoot, '..', 'shared');
export const corpusRoot = path.join(sharedRoot, 'corpus');

/** Where the built grammar lives (run `npm run build` first). */
export const wasmDir = path.join(repoRoot, 'dist');

/** Loads web-tree-sitter and the WIT grammar from dist/. */
export function ready(): Promise<WitGrammar> {
  return WitGrammar.load(wasmDir);
}

/** A language service over `host`, with the grammar from dist/. */
export function serviceOver(host: WitHost, features?: readonly string[]): Promise<WitLanguageService> {
  return createWitLanguageService(host, { wasmDir, features });
}

/** A host over a map of absolute paths to file contents. Folders are implied by the paths. */
export function memoryHost(files: Record<string, string>): WitHost {
  const normalized = new Map(Object.entries(files).map(([p, t]) => [path.resolve(p), t]));
  return {
    readFile: (p) => normalized.get(path.resolve(p)),
    readDirectory(p) {
      const dir = path.resolve(p);
      const entries = new Map<string, DirEntry>();
      for (const file of normalized.keys()) {
        if (!file.startsWith(dir + path.sep)) continue;
        const rest = file.slice(dir.length + 1).split(path.sep);
        entries.set(rest[0], { name: rest[0], isDirectory: rest.length > 1 });
      }
      return entries.size || [...normalized.keys()].some((f) => f === dir) ? [...entries.values()] : undefined;
    },
  };
}

/** Splits the `|` cursor marker out of a source. */
export function cursor(src: string): { text: string; offset: number } {
  const offset = src.indexOf('|');
  if (offset < 0) throw new Error('source has no | cursor marker');
  return { text: src.slice(0, offset) + src.slice(offset + 1), offset };
}

export interface Fixture {
  service: WitLanguageService;
  /** The uri of a fixture file by its relative name. */
  uri(name: string): string;
  doc(name: string): WitDocument;
  /** The cursor position in the file that had a `|` marker. */
  position: Position;
  /** The uri of the file that had the cursor. */
  cursorUri: string;
}

const ROOT = path.resolve('/virtual/ws');

/**
 * A service over in-memory files (relative names under one package root).
 * One file may hold a `|` cursor marker; it is removed and its position returned.
 * The file with the cursor is also opened as an editor document.
 */
export async function fixture(files: Record<string, string> | string): Promise<Fixture> {
  const named = typeof files === 'string' ? { 'main.wit': files } : files;
  const onDisk: Record<string, string> = {};
  let cursorName: string | undefined;
  let offset = 0;
  for (const [name, src] of Object.entries(named)) {
    if (cursorName === undefined && src.includes('|') && !isPipeInComment(src)) {
      const c = cursor(src);
      cursorName = name;
      offset = c.offset;
      onDisk[path.join(ROOT, name)] = c.text;
    } else {
      onDisk[path.join(ROOT, name)] = src;
    }
  }
  const service = await serviceOver(memoryHost(onDisk));
  const uri = (name: string) => pathToUri(path.join(ROOT, name));
  const doc = (name: string) => {
    const d = service.document(uri(name));
    if (!d) throw new Error(`no document ${name}`);
    return d;
  };
  const first = cursorName ?? Object.keys(named)[0];
  service.openDocument(uri(first), onDisk[path.join(ROOT, first)], 1);
  return { service, uri, doc, position: doc(first).positionAt(offset), cursorUri: uri(first) };
}

// A `|` only inside a comment is not a cursor (sources may mention pipes).
function isPipeInComment(src: string): boolean {
  const i = src.indexOf('|');
  const lineStart = src.lastIndexOf('\n', i) + 1;
  return src.slice(lineStart, i).includes('//');
}

/** A service over a folder of the shared corpus, read in place. */
export async function corpusService(): Promise<WitLanguageService> {
  return serviceOver(nodeHost);
}

/** Every .wit file below a corpus folder (deps/ included), sorted. */
export function witFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.name.endsWith('.wit')) out.push(p);
    }
  }
  return out.sort();
}

/** The text a range covers in a document. */
export function textAt(doc: WitDocument, range: { start: Position; end: Position }): string {
  return doc.text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}
