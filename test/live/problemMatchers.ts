// The problem matchers of package.json applied to a compiler's real output
// the way VS Code's task system applies them (problemCollectors.ts and
// problemMatcher.ts in microsoft/vscode): ANSI escapes removed, a window of the
// last N lines (N = the longest pattern of the task's matchers), and on each
// new line the matchers whose patterns end at that line tried, longest first;
// a multi-line pattern matches consecutive lines; after a match the window is
// cleared. `fileLocation` autoDetect: relative to the workspace folder when
// that file exists, else the path as it is. So a test asserts the file, line
// and column a user would see in Problems, from the regexps that ship.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  code?: number;
  message?: number;
}

interface Matcher {
  name: string;
  severity?: string;
  fileLocation?: string | string[];
  pattern: Pattern | Pattern[];
}

export interface Problem {
  matcher: string;
  /** Absolute path of the file, as VS Code resolves it. */
  file: string;
  line: number;
  column?: number;
  severity: string;
  message: string;
  code?: string;
}

const repo = path.resolve(__dirname, '../..');

/** The named matcher (`$name` or `name`) from the repository's package.json. */
export function packageMatcher(name: string): Matcher {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { contributes: { problemMatchers: Matcher[] } };
  const found = pkg.contributes.problemMatchers.find((m) => m.name === name.replace(/^\$/, ''));
  if (!found) throw new Error(`no problem matcher ${name} in package.json`);
  return found;
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

function resolveFile(matcher: Matcher, file: string, workspaceFolder: string): string {
  const location = Array.isArray(matcher.fileLocation) ? matcher.fileLocation : [matcher.fileLocation ?? 'relative', '${workspaceFolder}'];
  const [kind, prefix = '${workspaceFolder}'] = location;
  const base = prefix.replace('${workspaceFolder}', workspaceFolder);
  if (kind === 'absolute') return file;
  const relative = path.join(base, file);
  if (kind === 'relative') return relative;
  return existsSync(relative) ? relative : file; // autoDetect
}

function tryMatch(matcher: Matcher, lines: string[], workspaceFolder: string): Problem | undefined {
  const patterns = Array.isArray(matcher.pattern) ? matcher.pattern : [matcher.pattern];
  const fields: Partial<Record<'file' | 'line' | 'column' | 'severity' | 'code' | 'message', string>> = {};
  for (let i = 0; i < patterns.length; i++) {
    const m = new RegExp(patterns[i].regexp).exec(lines[i]);
    if (!m) return undefined;
    for (const key of ['file', 'line', 'column', 'severity', 'code', 'message'] as const) {
      const group = patterns[i][key];
      if (group !== undefined && m[group] !== undefined && fields[key] === undefined) fields[key] = m[group];
    }
  }
  if (!fields.file || !fields.line || fields.message === undefined) return undefined;
  return {
    matcher: matcher.name,
    file: resolveFile(matcher, fields.file, workspaceFolder),
    line: Number(fields.line),
    column: fields.column ? Number(fields.column) : undefined,
    severity: fields.severity ?? matcher.severity ?? 'error',
    message: fields.message,
    code: fields.code,
  };
}

/** Every problem the named matchers find in `output`, in order. */
export function matchProblems(output: string, matcherNames: readonly string[], workspaceFolder: string): Problem[] {
  const matchers = matcherNames.map(packageMatcher);
  const size = (m: Matcher) => (Array.isArray(m.pattern) ? m.pattern.length : 1);
  const windowSize = Math.max(...matchers.map(size));
  const problems: Problem[] = [];
  let window: string[] = [];
  for (const raw of output.replace(ANSI, '').split(/\r?\n/)) {
    window.push(raw);
    if (window.length > windowSize) window.shift();
    let found: Problem | undefined;
    for (let start = 0; start < window.length && !found; start++) {
      for (const matcher of matchers.filter((m) => size(m) === window.length - start)) {
        found = tryMatch(matcher, window.slice(start), workspaceFolder);
        if (found) break;
      }
    }
    if (found) {
      problems.push(found);
      window = [];
    }
  }
  return problems;
}
