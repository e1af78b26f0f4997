// A WIT source file as the core sees it: its text, its tree, its AST.
// Cached by uri and version (open documents) or by file content (disk files).
import type { Tree } from './parser';
import type { Position, Range } from 'vscode-languageserver-types';
import { invalidCharactersIn } from './invalidCharacters';
import { computeLineStarts, type LineStarts } from './lineStarts';

/**
 * A range of a document in one object of four small integers. The AST and the
 * symbols hold one for every name and item (180,000 at 50,000 lines), and as a
 * Range literal each was three objects, 120 bytes; this is 56. Its `start` and
 * `end` are made when read, and it turns into a plain Range for JSON (LSP).
 */
export class SourceRange implements Range {
  constructor(
    private readonly startLine: number,
    private readonly startCharacter: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {}
  get start(): Position {
    return { line: this.startLine, character: this.startCharacter };
  }
  get end(): Position {
    return { line: this.endLine, character: this.endCharacter };
  }
  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

export class WitDocument {
  /** The line lineOf found last: where the next ask (in document order) most likely is. */
  private lastLine = 0;

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly version: number,
    readonly tree: Tree,
    /** Where each line starts, when known already (an edit derives them from the previous version). */
    private lineStarts?: LineStarts,
    /** Where its invalid characters are, when known already (an edit derives them too). */
    private invalid?: readonly number[],
  ) {}

  /** The offsets of the characters wit-parser's lexer rejects (invalidCharacters.ts), found once. */
  invalidCharacters(): readonly number[] {
    this.invalid ??= invalidCharactersIn(this.text);
    return this.invalid;
  }

  /** The same, if they were found: an edit then derives the next version's from them. */
  get knownInvalidCharacters(): readonly number[] | undefined {
    return this.invalid;
  }

  /** Offset (UTF-16 code units) of an LSP position. */
  offsetAt(pos: Position): number {
    const starts = this.lines();
    if (pos.line >= starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] : this.text.length;
    return Math.max(starts[pos.line], Math.min(starts[pos.line] + pos.character, lineEnd));
  }

  positionAt(offset: number): Position {
    offset = this.clamp(offset);
    const line = this.lineOf(offset);
    return { line, character: offset - this.lines()[line] };
  }

  /**
   * The line of an offset within the text (the line part of positionAt, with no
   * object made). Lowering asks in document order, mostly on the line asked
   * last or the next one: those are tried before the binary search.
   */
  lineOf(offset: number): number {
    const starts = this.lines();
    const hint = this.lastLine;
    if (starts[hint] <= offset) {
      if (hint + 1 >= starts.length || offset < starts[hint + 1]) return hint;
      if (hint + 2 >= starts.length || offset < starts[hint + 2]) return (this.lastLine = hint + 1);
    }
    let lo = 0,
      hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] > offset) hi = mid;
      else lo = mid + 1;
    }
    return (this.lastLine = lo - 1);
  }

  /** An offset moved into the text (positions past either end are at that end). */
  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  rangeOf(start: number, end: number): Range {
    start = this.clamp(start);
    end = this.clamp(end);
    const starts = this.lines();
    const a = this.lineOf(start),
      b = this.lineOf(end);
    return new SourceRange(a, start - starts[a], b, end - starts[b]);
  }

  get lineCount(): number {
    return this.lines().length;
  }

  /** Where each line starts (offsets), computed once. */
  lines(): LineStarts {
    this.lineStarts ??= computeLineStarts(this.text);
    return this.lineStarts;
  }
}
