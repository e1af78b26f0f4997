// Reads the errors `wac` prints (miette's report: `× message`, `├─▶ cause` lines,
// `╭─[file:line:column]` and the source excerpt whose underline marks the token) into
// positions and messages. wac reports one error per run.
export interface WacError {
  /** What failed: `failed to parse document`, `failed to resolve document`, ... */
  headline: string;
  /** The error and its causes, outermost first. */
  message: string;
  causes: string[];
  /** 0-based line and column of the token, when wac gave a location. */
  line?: number;
  column?: number;
  /** The token's length in characters (from the underline); 0 when unknown. */
  length: number;
  /** The label under the token (`unknown export ...`), if any. */
  label?: string;
}

// miette's box-drawing characters, as \u escapes: the bundles stay ASCII
// (scripts/build/asciiBundles.mjs says why, and fails a build that is not).
const MESSAGE = /^\s*\u00d7 (.*)$/;
const CAUSE = /^\s*[\u251c\u2570]\u2500\u25b6 (.*)$/;
const CONTINUATION = /^\s*\u2502 (.*)$/;
const LOCATION = /\u256d\u2500\[(.*):(\d+):(\d+)\]/;
const SOURCE_LINE = /^\s*(\d+) \u2502 /;
const LABEL = /^\s*\u00b7\s*[\u2570\u256d]\u2500\u2500 (.*)$/;
const UNDERLINE = /^[\u2500\u252c\u2534]+/;

/** The errors in wac's stderr (usually one); empty when it printed none. */
export function parseWacErrors(stderr: string): WacError[] {
  const lines = stderr
    .replace(/\r\n/g, '\n')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n');
  const errors: WacError[] = [];
  let current: WacError | undefined;
  let target: 'message' | 'cause' | undefined;
  let gutter: number | undefined;
  let awaitingUnderline = false;
  for (const line of lines) {
    if (line.startsWith('error: ')) {
      current = { headline: line.slice('error: '.length).trim(), message: '', causes: [], length: 0 };
      errors.push(current);
      target = undefined;
      continue;
    }
    if (line.startsWith('Stack backtrace:')) break;
    if (!current) continue;
    let m: RegExpExecArray | null;
    if ((m = MESSAGE.exec(line))) {
      current.message = m[1].trim();
      target = 'message';
    } else if ((m = CAUSE.exec(line))) {
      current.causes.push(m[1].trim());
      target = 'cause';
    } else if ((m = LOCATION.exec(line))) {
      current.line = Number(m[2]) - 1;
      current.column = Number(m[3]) - 1;
      target = undefined;
    } else if ((m = SOURCE_LINE.exec(line))) {
      awaitingUnderline = current.line !== undefined && Number(m[1]) - 1 === current.line;
      if (awaitingUnderline) gutter = m[0].length;
    } else if ((m = LABEL.exec(line))) {
      current.label ??= m[1].trim();
    } else if (awaitingUnderline && gutter !== undefined && /^\s*\u00b7/.test(line) && current.column !== undefined) {
      const underline = UNDERLINE.exec(line.slice(gutter + current.column));
      if (underline) current.length = underline[0].length;
      awaitingUnderline = false;
    } else if ((m = CONTINUATION.exec(line)) && target) {
      if (target === 'message') current.message = `${current.message} ${m[1].trim()}`;
      else current.causes[current.causes.length - 1] += ` ${m[1].trim()}`;
    }
  }
  return errors.filter((e) => e.message || e.headline);
}

/** The diagnostic text: the error, then its causes (`because: ...`), as wac says them. */
export function wacErrorText(e: WacError): string {
  return [e.message || e.headline, ...e.causes].join('\n');
}
