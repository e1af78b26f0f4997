// The files the core knows: open documents (unsaved text wins) over files read
// from disk through the host. Keyed by file path; each keeps the uri the client
// used so that diagnostics go back under the same name.
import { URI } from 'vscode-uri';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { WitHost, DirEntry } from './host';
import { WitDocument } from './document';
import { editedInvalidCharacters } from './invalidCharacters';
import { computeLineStarts, editedLineStarts, type LineStarts } from './lineStarts';
import { wasAbandoned, type WitGrammar, type WitParser, type Tree } from './parser';

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}

/**
 * Below this size a file with syntax errors is reparsed from scratch after an
 * edit. A fresh parse of 16 KB takes ~2 ms here; at 64 KB it was ~10 ms of
 * every keystroke in a broken 1,000-line file, twice the edit budget.
 */
const FRESH_PARSE_LIMIT = 16 * 1024;

export class Workspace {
  private readonly parser: WitParser;
  private readonly open = new Map<string, WitDocument>();
  private readonly disk = new Map<string, WitDocument | null>();
  private readonly dirs = new Map<string, DirEntry[] | null>();
  /** Bumped on every change; analyses cache against it. */
  generation = 0;

  constructor(
    private readonly host: WitHost,
    grammar: WitGrammar,
  ) {
    this.parser = grammar.createParser();
  }

  openDocument(uri: string, text: string, version: number): WitDocument {
    const path = uriToPath(uri);
    const doc = new WitDocument(uri, text, version, this.parser.parse(text));
    this.open.set(path, doc);
    this.generation++;
    return doc;
  }

  changeDocument(uri: string, changes: TextDocumentContentChangeEvent[], version: number): WitDocument {
    const path = uriToPath(uri);
    const doc = this.open.get(path);
    if (!doc) return this.openDocument(uri, changes.map((c) => c.text).join(''), version);
    let text = doc.text;
    let lineStarts: LineStarts = doc.lines();
    let invalid = doc.knownInvalidCharacters;
    // A tree whose parse was given up stands for no text: nothing to edit incrementally.
    let tree: Tree | undefined = wasAbandoned(doc.tree) ? undefined : doc.tree;
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        text = change.text;
        tree = undefined;
        lineStarts = computeLineStarts(text);
        invalid = undefined;
        continue;
      }
      // The first change is against the open document, whose line index is built already.
      const current = text === doc.text ? doc : new WitDocument(uri, text, version, doc.tree, lineStarts);
      const start = current.offsetAt(change.range.start);
      const oldEnd = current.offsetAt(change.range.end);
      const newText = text.slice(0, start) + change.text + text.slice(oldEnd);
      if (tree) {
        const startPos = current.positionAt(start);
        tree.edit({
          startIndex: start,
          oldEndIndex: oldEnd,
          newEndIndex: start + change.text.length,
          startPosition: toPoint(startPos),
          oldEndPosition: toPoint(current.positionAt(oldEnd)),
          newEndPosition: endOfInsert(startPos, change.text),
        });
      }
      text = newText;
      lineStarts = editedLineStarts(lineStarts, text, start, oldEnd, change.text.length);
      if (invalid) invalid = editedInvalidCharacters(invalid, text, start, oldEnd, change.text.length);
    }
    let parsed = this.parser.parse(text, tree);
    // tree-sitter's error recovery can depend on the edit history; a broken file
    // of ordinary size is parsed afresh so that the same text always gets the
    // same diagnostics (large files keep the fast incremental tree).
    if (parsed.rootNode.hasError && text.length < FRESH_PARSE_LIMIT) {
      parsed.delete();
      parsed = this.parser.parse(text);
    }
    const next = new WitDocument(uri, text, version, parsed, lineStarts, invalid);
    doc.tree.delete();
    this.open.set(path, next);
    this.generation++;
    return next;
  }

  closeDocument(uri: string): void {
    const path = uriToPath(uri);
    this.open.get(path)?.tree.delete();
    this.open.delete(path);
    this.disk.delete(path);
    this.generation++;
  }

  /** A file or folder on disk changed: forget what was read of it. */
  fileChanged(uri: string): void {
    const path = uriToPath(uri);
    this.disk.get(path)?.tree.delete();
    this.disk.delete(path);
    this.dirs.clear();
    this.generation++;
  }

  isOpen(uri: string): boolean {
    return this.open.has(uriToPath(uri));
  }

  openDocuments(): Iterable<WitDocument> {
    return this.open.values();
  }

  /** The document at `path`: the open one, else the file on disk (parsed once). */
  documentAtPath(path: string): WitDocument | undefined {
    const opened = this.open.get(path);
    if (opened) return opened;
    const cached = this.disk.get(path);
    if (cached !== undefined) return cached ?? undefined;
    const text = this.host.readFile(path);
    const doc = text === undefined ? null : new WitDocument(pathToUri(path), text, 0, this.parser.parse(text));
    this.disk.set(path, doc);
    return doc ?? undefined;
  }

  document(uri: string): WitDocument | undefined {
    return this.documentAtPath(uriToPath(uri));
  }

  /** A binary file's bytes as a latin1 string (for names inside encoded packages). */
  readBinaryAsLatin1(path: string): string | undefined {
    return this.host.readBinary?.(path);
  }

  readDirectory(path: string): DirEntry[] | undefined {
    const cached = this.dirs.get(path);
    if (cached !== undefined) return cached ?? undefined;
    const entries = this.host.readDirectory(path);
    this.dirs.set(path, entries ?? null);
    return entries;
  }
}

/** Where text inserted at `start` ends (tree-sitter points: row and UTF-16 column). */
function endOfInsert(start: { line: number; character: number }, inserted: string): { row: number; column: number } {
  const lines = inserted.split(/\r\n|\r|\n/);
  if (lines.length === 1) return { row: start.line, column: start.character + inserted.length };
  return { row: start.line + lines.length - 1, column: lines[lines.length - 1].length };
}

function toPoint(p: { line: number; character: number }) {
  return { row: p.line, column: p.character };
}
