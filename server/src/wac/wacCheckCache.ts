// The fast path of the live WAC check: a check runs `wac compose` (wacCheck.ts), a process that
// reads every component the document instantiates, so the answer is kept and reused when it
// cannot differ. Keyed two ways, both with the content hashes of the deps folder's files (each
// file hashed once per size/mtime/inode, so an unchanged component is never read again):
//  - the exact text: undo, redo, a save, a document opened twice;
//  - the text's tokens, with whether each is separated from the one before: an edit of
//    whitespace or of a comment composes the same (comments are whitespace in WAC), so the
//    answer is reused with its positions moved to where its tokens now are.
// A timed-out run is never kept: the next check runs wac again.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { checkWac, type WacCheckOptions, type WacCheckResult, type WacProblem } from './wacCheck';
import { tokenizeWac, type WacToken } from './wacScanner';

/** What a check is run with (wacCheck's options); the cache is only a faster way to the same answer. */
export type WacChecker = (text: string, options: WacCheckOptions) => Promise<WacCheckResult>;

interface Kept {
  result: WacCheckResult;
  text: string;
  tokens: WacToken[];
}

/** How the last check was answered: `wac` (a run), `text` (the same text) or `tokens` (only whitespace or comments differ). */
export type WacCheckSource = 'wac' | 'text' | 'tokens';

export class WacCheckCache {
  private readonly byText = new Map<string, Kept>();
  private readonly byTokens = new Map<string, Kept>();
  private readonly hashes = new Map<string, { stamp: string; hash: string }>();
  /** How each check so far was answered (for the bench and the tests). */
  readonly counts: Record<WacCheckSource, number> = { wac: 0, text: 0, tokens: 0 };
  lastSource: WacCheckSource | undefined;

  constructor(
    private readonly run: WacChecker = checkWac,
    private readonly size = 64,
  ) {}

  async check(text: string, options: WacCheckOptions): Promise<WacCheckResult> {
    const inputs = `${options.wac}\0${options.depsDir}\0${JSON.stringify(options.deps ?? {})}\0${this.depsKey(options.depsDir)}`;
    const textKey = digest(inputs, text);
    const exact = take(this.byText, textKey);
    if (exact) return this.answered('text', exact.result);
    const tokens = tokenizeWac(text);
    const tokensKey = digest(inputs, tokenKey(text, tokens));
    const similar = take(this.byTokens, tokensKey);
    const moved = similar && moveProblems(similar, text, tokens);
    if (similar && moved) {
      const result = { ...similar.result, problems: moved };
      this.keep(this.byText, textKey, { result, text, tokens });
      return this.answered('tokens', result);
    }
    const result = await this.run(text, options);
    this.counts.wac++;
    this.lastSource = 'wac';
    // A timeout (or a kill) says the machine was busy, not what the text is: not kept.
    if (result.code !== null) {
      const kept = { result, text, tokens };
      this.keep(this.byText, textKey, kept);
      this.keep(this.byTokens, tokensKey, kept);
    }
    return result;
  }

  private answered(source: WacCheckSource, result: WacCheckResult): WacCheckResult {
    this.counts[source]++;
    this.lastSource = source;
    return result;
  }

  private keep(map: Map<string, Kept>, key: string, kept: Kept): void {
    map.delete(key);
    map.set(key, kept);
    if (map.size > this.size) map.delete(map.keys().next().value as string);
  }

  /**
   * The files wac may read from the deps folder (three levels, as wac looks up `ns/name.wasm`,
   * `ns/name/...`), each with the hash of its content. A file is read again only when its size,
   * time or inode changed, so a check costs a directory walk of stats, not a read of the components.
   */
  private depsKey(dir: string, depth = 0): string {
    if (depth > 3) return '';
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return '';
    }
    let out = '';
    for (const name of names) {
      const p = path.join(dir, name);
      try {
        const st = statSync(p);
        if (st.isDirectory()) {
          out += `${p}/\n${this.depsKey(p, depth + 1)}`;
          continue;
        }
        const stamp = `${st.size}:${st.mtimeMs}:${st.ino}:${st.ctimeMs}`;
        let known = this.hashes.get(p);
        if (known?.stamp !== stamp) {
          known = { stamp, hash: createHash('sha256').update(readFileSync(p)).digest('hex') };
          this.hashes.set(p, known);
        }
        out += `${p}:${known.hash}\n`;
      } catch {
        // Vanished meanwhile: wac will not find it either.
      }
    }
    return out;
  }
}

function take(map: Map<string, Kept>, key: string): Kept | undefined {
  const kept = map.get(key);
  if (kept) {
    // Most recently used last, so the oldest is dropped first.
    map.delete(key);
    map.set(key, kept);
  }
  return kept;
}

function digest(inputs: string, text: string): string {
  return createHash('sha256').update(inputs).update('\0').update(text).digest('hex');
}

/**
 * What wac's answer depends on in the text: each token, and whether something separates it
 * from the one before (`foo:bar` is a package name, `foo : bar` is not). What separates them
 * is whitespace or comments, except doc comments (`///`, `/**`), which wac keeps: a gap holding
 * one is part of the key as written.
 */
export function tokenKey(text: string, tokens: WacToken[]): string {
  const parts: string[] = [];
  let end = 0;
  for (const t of tokens) {
    const gap = text.slice(end, t.start);
    // (Before the first token there is nothing to be separated from.)
    const sep = /\/\/\/|\/\*\*(?!\/)/.test(gap) ? `g${gap.length}:${gap}` : gap === '' || parts.length === 0 ? '' : 's';
    parts.push(`${sep}|${t.text.length}:${t.text}`);
    end = t.end;
  }
  const tail = text.slice(end);
  if (/\/\/\/|\/\*\*(?!\/)|\/\*/.test(tail)) parts.push(`t${tail.length}:${tail}`);
  return parts.join('\n');
}

/**
 * The kept problems at the same tokens of the new text; undefined when one cannot be placed
 * (it starts or ends between tokens, other than at the end of the text), so wac runs again.
 */
function moveProblems(kept: Kept, text: string, tokens: WacToken[]): WacProblem[] | undefined {
  const moved: WacProblem[] = [];
  const oldLines = lineStarts(kept.text);
  const newLines = lineStarts(text);
  for (const p of kept.result.problems) {
    const start = moveOffset(offsetOf(oldLines, p.start), kept, text, tokens);
    const end = moveOffset(offsetOf(oldLines, p.end), kept, text, tokens);
    if (start === undefined || end === undefined) return undefined;
    moved.push({ ...p, start: positionOf(newLines, start), end: positionOf(newLines, end) });
  }
  return moved;
}

function moveOffset(offset: number, kept: Kept, text: string, tokens: WacToken[]): number | undefined {
  if (offset >= kept.text.length) return text.length;
  // The token holding the offset (or ending at it: an end offset).
  const k = kept.tokens.findIndex((t) => t.start <= offset && offset <= t.end);
  if (k < 0) return offset === 0 && tokens.length === kept.tokens.length ? 0 : undefined;
  return tokens[k].start + (offset - kept.tokens[k].start);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function offsetOf(starts: number[], p: { line: number; character: number }): number {
  return (starts[p.line] ?? starts[starts.length - 1]) + p.character;
}

function positionOf(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}
