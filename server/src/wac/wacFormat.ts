// Formatting of WAC documents: each line indented two spaces per open brace, bracket or
// parenthesis (a line starting with closers that many fewer), trailing spaces dropped, runs
// of blank lines collapsed to one, one newline at the end. What a line says is kept as
// written, and the lines inside a block comment are untouched, so formatting is idempotent
// and changes no token (wac composes the formatted text to the same component).
import { tokenizeWac } from './wacScanner';

const INDENT = '  ';

export function formatWac(text: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const source = text.replace(/\r\n/g, '\n');
  const tokens = tokenizeWac(source);
  // Depth before each line, and whether the line lies inside a block comment or a string.
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const depthAtLine: number[] = new Array(lineStarts.length).fill(0);
  let depth = 0;
  let k = 0;
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    while (k < tokens.length && tokens[k].start < start) {
      const t = tokens[k].text;
      if (t === '{' || t === '[' || t === '(') depth++;
      else if ((t === '}' || t === ']' || t === ')') && depth > 0) depth--;
      k++;
    }
    depthAtLine[line] = depth;
  }
  const inComment = commentLines(source, lineStarts);
  const out: string[] = [];
  const lines = source.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const raw = lines[line];
    if (inComment[line]) {
      out.push(raw.replace(/\s+$/, ''));
      continue;
    }
    const trimmed = raw.trim();
    if (!trimmed) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      continue;
    }
    const closes = /^[}\])]/.test(trimmed) ? leadingClosers(trimmed) : 0;
    out.push(INDENT.repeat(Math.max(0, depthAtLine[line] - closes)) + trimmed);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join(eol) + eol;
}

/** How many closers start the line before anything else (`};` is one, `})` two). */
function leadingClosers(trimmed: string): number {
  let n = 0;
  for (const c of trimmed) {
    if (c === '}' || c === ']' || c === ')') n++;
    else if (c !== ' ' && c !== '\t') break;
  }
  return n;
}

/** Lines that start inside a block comment (their text is kept as written). */
function commentLines(source: string, lineStarts: number[]): boolean[] {
  const inside = new Array(lineStarts.length).fill(false);
  let i = 0;
  let line = 0;
  let depth = 0;
  let inString = false;
  while (i < source.length) {
    if (source[i] === '\n') {
      line++;
      inside[line] = depth > 0;
      inString = false;
      i++;
      continue;
    }
    if (depth === 0 && source[i] === '"') {
      inString = !inString;
      i++;
      continue;
    }
    if (inString) {
      i++;
      continue;
    }
    if (depth === 0 && source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (source.startsWith('/*', i)) {
      depth++;
      i += 2;
      continue;
    }
    if (depth > 0 && source.startsWith('*/', i)) {
      depth--;
      i += 2;
      continue;
    }
    i++;
  }
  return inside;
}
