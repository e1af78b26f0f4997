// Checks of wkg.toml, wkg.lock and deps.toml (wit-deps), each problem at its
// line and columns: bad TOML lines, unknown tables and fields, overrides that
// are neither a path nor a version, versions and digests that are not what
// the tools accept, wkg's workspace/overrides exclusion. A small line-based
// reader (these files are flat: tables, `key = value`, inline tables, arrays).
// No `vscode` import: unit-tested in test/packages/.

export interface ManifestProblem {
  /** 0-based. */
  line: number;
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
}

export type ManifestKind = 'wkg.toml' | 'wkg.lock' | 'deps.toml';

export function manifestKind(fileName: string): ManifestKind | undefined {
  const base = fileName.replace(/^.*[\\/]/, '');
  return base === 'wkg.toml' || base === 'wkg.lock' || base === 'deps.toml' ? base : undefined;
}

interface Entry {
  /** The table the entry is in (`''` at the top), dotted, quotes removed. */
  table: string;
  /** Whether the table was opened by `[[...]]`. */
  arrayTable: boolean;
  key: string;
  value: string;
  line: number;
  keyStart: number;
  valueStart: number;
}

interface Header {
  table: string;
  arrayTable: boolean;
  line: number;
  start: number;
  end: number;
}

function unquote(s: string): string {
  const t = s.trim();
  return (t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")) ? t.slice(1, -1) : t;
}

/** Splits `a."b.c".d` on dots outside quotes. */
function dotted(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote = '';
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if (ch === '.') {
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur.trim());
  return parts;
}

/** Removes a trailing comment outside strings. */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return line.slice(0, i);
  }
  return line;
}

function balance(s: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth;
}

function read(text: string, problems: ManifestProblem[]): { entries: Entry[]; headers: Header[] } {
  const lines = text.split(/\r?\n/);
  const entries: Entry[] = [];
  const headers: Header[] = [];
  let table = '';
  let arrayTable = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = stripComment(raw);
    const trimmed = line.trim();
    if (!trimmed) continue;
    const indent = line.length - line.trimStart().length;
    const header = /^(\[\[?)\s*(.+?)\s*(\]\]?)$/.exec(trimmed);
    if (trimmed.startsWith('[')) {
      if (!header || (header[1] === '[[') !== (header[3] === ']]')) {
        problems.push({ line: i, start: indent, end: line.trimEnd().length, message: 'not a TOML table header', severity: 'error' });
        continue;
      }
      table = dotted(header[2]).join('.');
      arrayTable = header[1] === '[[';
      headers.push({ table, arrayTable, line: i, start: indent, end: line.trimEnd().length });
      continue;
    }
    const eq = /^((?:"[^"]*"|'[^']*'|[A-Za-z0-9_.:-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=\s*(.*)$/.exec(trimmed);
    if (!eq) {
      problems.push({ line: i, start: indent, end: line.trimEnd().length, message: 'expected `key = value`', severity: 'error' });
      continue;
    }
    let value = eq[2].trim();
    const valueStart = line.indexOf(eq[2], indent + eq[1].length);
    // A value over several lines: an array or a multi-line string.
    const startLine = i;
    if (value.startsWith('"""') || value.startsWith("'''")) {
      const fence = value.slice(0, 3);
      while (!(value.length > 3 && value.endsWith(fence)) && i + 1 < lines.length) value += `\n${lines[++i]}`;
    } else {
      while (balance(value) > 0 && i + 1 < lines.length) value += ` ${stripComment(lines[++i]).trim()}`;
    }
    if (!value)
      problems.push({ line: startLine, start: indent, end: line.trimEnd().length, message: 'a key with no value', severity: 'error' });
    entries.push({ table, arrayTable, key: dotted(eq[1]).join('.'), value, line: startLine, keyStart: indent, valueStart });
  }
  return { entries, headers };
}

/** The fields of an inline table `{ a = "x", b = 1 }`, or undefined when the value is not one. */
export function inlineTable(value: string): Map<string, string> | undefined {
  const v = value.trim();
  if (!v.startsWith('{') || !v.endsWith('}')) return undefined;
  const out = new Map<string, string>();
  let depth = 0;
  let quote = '';
  let cur = '';
  const flush = () => {
    const m = /^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=\s*([\s\S]*?)\s*$/.exec(cur);
    if (m) out.set(unquote(m[1]), m[2]);
    cur = '';
  };
  for (const ch of v.slice(1, -1)) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    if (ch === '{' || ch === '[') depth++;
    if (ch === '}' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      flush();
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) flush();
  return out;
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** A Cargo-style version requirement, as wkg takes for an override's `version`. */
const REQ_PART = /^(?:[=^~]|[<>]=?)?\s*\d+(?:\.(?:\d+|\*|x))?(?:\.(?:\d+|\*|x))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$|^\*$/;
const PACKAGE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*:[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function isVersionRequirement(req: string): boolean {
  const parts = req.split(',').map((p) => p.trim());
  return parts.length > 0 && parts.every((p) => REQ_PART.test(p));
}

function isString(v: string): boolean {
  return /^"(?:[^"\\]|\\.)*"$/.test(v.trim()) || /^'[^']*'$/.test(v.trim());
}

function at(e: Entry, message: string, severity: 'error' | 'warning' = 'error', onValue = false): ManifestProblem {
  const start = onValue ? e.valueStart : e.keyStart;
  const end = onValue ? e.valueStart + e.value.split('\n')[0].length : e.keyStart + e.key.length + (/^["']/.test(e.key) ? 2 : 0);
  return { line: e.line, start, end: Math.max(end, start + 1), message, severity };
}

const METADATA_KEYS = ['authors', 'author', 'description', 'license', 'licenses', 'homepage', 'repository', 'source', 'revision'];

function checkMetadata(e: Entry, problems: ManifestProblem[]): void {
  if (!METADATA_KEYS.includes(e.key))
    problems.push(
      at(
        e,
        `unknown metadata field \`${e.key}\` (wkg knows ${METADATA_KEYS.filter((k) => !['author', 'licenses', 'source'].includes(k)).join(', ')})`,
      ),
    );
  else if (!isString(e.value)) problems.push(at(e, `\`${e.key}\` must be a string`, 'error', true));
}

function checkOverride(e: Entry, fields: Map<string, string>, problems: ManifestProblem[]): void {
  if (!PACKAGE_NAME.test(e.key.split('.')[0])) problems.push(at(e, `\`${e.key}\` is not a package name (\`namespace:name\`)`));
  if (!fields.has('path') && !fields.has('version')) problems.push(at(e, 'an override needs `path` or `version`', 'error', true));
  for (const [k, v] of fields) {
    if (k !== 'path' && k !== 'version')
      problems.push(at(e, `unknown override field \`${k}\` (expected \`path\` or \`version\`)`, 'error', true));
    else if (!isString(v)) problems.push(at(e, `\`${k}\` must be a string`, 'error', true));
    else if (k === 'version' && !isVersionRequirement(unquote(v)))
      problems.push(at(e, `\`${unquote(v)}\` is not a version requirement (e.g. \`=0.2.0\`, \`^0.2\`)`, 'error', true));
  }
}

export function checkWkgToml(text: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const { entries, headers } = read(text, problems);
  const known = new Set(['overrides', 'metadata', 'workspace', 'workspace.metadata']);
  for (const h of headers) {
    const top = h.table.split('.')[0];
    if (!known.has(h.table) && !(top === 'overrides' && h.table.split('.').length >= 2)) {
      problems.push({
        line: h.line,
        start: h.start,
        end: h.end,
        message: `unknown table [${h.table}] (wkg.toml has [overrides], [metadata], [workspace] and [workspace.metadata])`,
        severity: 'error',
      });
    }
  }
  const workspace = headers.find((h) => h.table === 'workspace');
  const exclusive = headers.filter((h) => h.table === 'overrides' || h.table === 'metadata');
  if (workspace) {
    for (const h of exclusive)
      problems.push({
        line: h.line,
        start: h.start,
        end: h.end,
        message: `a workspace root has no [${h.table}]${h.table === 'metadata' ? ' (use [workspace.metadata])' : ' (members keep their own)'}`,
        severity: 'error',
      });
  }
  for (const e of entries) {
    if (e.table === '') {
      if (e.key === 'overrides' || e.key === 'metadata' || e.key === 'workspace') continue;
      problems.push(at(e, `unknown field \`${e.key}\` at the top of wkg.toml`));
    } else if (e.table === 'overrides') {
      const fields = inlineTable(e.value);
      if (!fields)
        problems.push(at(e, 'an override is an inline table: `{ path = "../dep/wit" }` or `{ version = "=0.2.0" }`', 'error', true));
      else checkOverride(e, fields, problems);
    } else if (e.table.startsWith('overrides.')) {
      const name = e.table.slice('overrides.'.length);
      const fake = { ...e, key: name };
      if (e.key !== 'path' && e.key !== 'version')
        problems.push(at(e, `unknown override field \`${e.key}\` (expected \`path\` or \`version\`)`));
      else if (!isString(e.value)) problems.push(at(e, `\`${e.key}\` must be a string`, 'error', true));
      else if (e.key === 'version' && !isVersionRequirement(unquote(e.value)))
        problems.push(at(e, `\`${unquote(e.value)}\` is not a version requirement (e.g. \`=0.2.0\`, \`^0.2\`)`, 'error', true));
      if (!PACKAGE_NAME.test(name)) problems.push(at(fake, `\`${name}\` is not a package name (\`namespace:name\`)`, 'error', true));
    } else if (e.table === 'metadata' || e.table === 'workspace.metadata') {
      checkMetadata(e, problems);
    } else if (e.table === 'workspace') {
      if (e.key === 'members') {
        if (!/^\[[\s\S]*\]$/.test(e.value.trim())) problems.push(at(e, '`members` is a list of paths', 'error', true));
      } else if (e.key !== 'metadata') problems.push(at(e, `unknown workspace field \`${e.key}\` (expected \`members\`)`));
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.start - b.start);
}

export function checkWkgLock(text: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const { entries, headers } = read(text, problems);
  for (const h of headers) {
    if (!(h.arrayTable && (h.table === 'packages' || h.table === 'packages.versions'))) {
      problems.push({
        line: h.line,
        start: h.start,
        end: h.end,
        message: `unexpected table ${h.arrayTable ? `[[${h.table}]]` : `[${h.table}]`} in wkg.lock (it has [[packages]] and [[packages.versions]])`,
        severity: 'error',
      });
    }
  }
  const version = entries.find((e) => e.table === '' && e.key === 'version');
  if (!version) problems.push({ line: 0, start: 0, end: 1, message: 'wkg.lock has no `version = 1`', severity: 'error' });
  else if (version.value.trim() !== '1')
    problems.push(at(version, `lock file version ${version.value.trim()} is not one wkg 0.16 reads (1)`, 'error', true));
  for (const e of entries) {
    if (e.table === 'packages') {
      if (e.key === 'name') {
        if (!PACKAGE_NAME.test(unquote(e.value)))
          problems.push(at(e, `\`${unquote(e.value)}\` is not a package name (\`namespace:name\`)`, 'error', true));
      } else if (e.key !== 'registry') problems.push(at(e, `unknown field \`${e.key}\` in [[packages]]`, 'warning'));
    } else if (e.table === 'packages.versions') {
      const v = unquote(e.value);
      if (e.key === 'version' && !SEMVER.test(v)) problems.push(at(e, `\`${v}\` is not a semver version`, 'error', true));
      else if (e.key === 'requirement' && !isVersionRequirement(v))
        problems.push(at(e, `\`${v}\` is not a version requirement`, 'error', true));
      else if (e.key === 'digest' && !/^sha256:[0-9a-f]{64}$/.test(v))
        problems.push(at(e, `\`${v}\` is not a digest (\`sha256:\` and 64 hex digits)`, 'error', true));
      else if (!['version', 'requirement', 'digest'].includes(e.key))
        problems.push(at(e, `unknown field \`${e.key}\` in [[packages.versions]]`, 'warning'));
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.start - b.start);
}

export function checkDepsToml(text: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const { entries, headers } = read(text, problems);
  const checkFields = (e: Entry, fields: Map<string, string>) => {
    const url = fields.get('url');
    const path = fields.get('path');
    if (!url && !path) problems.push(at(e, 'a dependency needs `url` (a .tar.gz of the package) or `path`', 'error', true));
    if (url && path) problems.push(at(e, 'a dependency has either `url` or `path`, not both', 'error', true));
    for (const [k, v] of fields) {
      if (!['url', 'path', 'sha256', 'sha512', 'subdir'].includes(k))
        problems.push(at(e, `unknown field \`${k}\` (wit-deps knows url, path, sha256, sha512, subdir)`, 'error', true));
      else if (!isString(v)) problems.push(at(e, `\`${k}\` must be a string`, 'error', true));
      else if (k === 'url' && !/^https?:\/\/\S+$/.test(unquote(v)))
        problems.push(at(e, `\`${unquote(v)}\` is not an http(s) URL`, 'error', true));
      else if (k === 'sha256' && !/^[0-9a-f]{64}$/.test(unquote(v))) problems.push(at(e, '`sha256` is 64 hex digits', 'error', true));
      else if (k === 'sha512' && !/^[0-9a-f]{128}$/.test(unquote(v))) problems.push(at(e, '`sha512` is 128 hex digits', 'error', true));
    }
  };
  const tables = new Map<string, Map<string, string>>();
  for (const h of headers) {
    if (h.arrayTable || h.table.includes('.'))
      problems.push({
        line: h.line,
        start: h.start,
        end: h.end,
        message: `deps.toml lists dependencies as \`name = "url"\` or [name] tables, not ${h.arrayTable ? `[[${h.table}]]` : `[${h.table}]`}`,
        severity: 'error',
      });
    else tables.set(h.table, new Map());
  }
  for (const e of entries) {
    if (e.table === '') {
      if (!/^[a-z0-9][a-z0-9_-]*$/i.test(e.key))
        problems.push(at(e, `\`${e.key}\` is not a dependency name (it names the folder under deps/)`));
      if (isString(e.value)) {
        const url = unquote(e.value);
        if (!/^https?:\/\/\S+$/.test(url))
          problems.push(at(e, `\`${url}\` is not an http(s) URL (a local dependency is \`{ path = "..." }\`)`, 'error', true));
      } else {
        const fields = inlineTable(e.value);
        if (!fields)
          problems.push(at(e, 'a dependency is a URL string or an inline table `{ url = "...", sha256 = "..." }`', 'error', true));
        else checkFields(e, fields);
      }
    } else {
      const fields = tables.get(e.table);
      if (fields) fields.set(e.key, e.value);
      const one = new Map([[e.key, e.value]]);
      // Field by field in a [name] table: only what each field must look like.
      if (!['url', 'path', 'sha256', 'sha512', 'subdir'].includes(e.key))
        problems.push(at(e, `unknown field \`${e.key}\` (wit-deps knows url, path, sha256, sha512, subdir)`));
      else checkFieldsShape(e, one, problems);
    }
  }
  for (const h of headers) {
    const fields = tables.get(h.table);
    if (fields && !fields.has('url') && !fields.has('path'))
      problems.push({ line: h.line, start: h.start, end: h.end, message: `[${h.table}] needs \`url\` or \`path\``, severity: 'error' });
  }
  return problems.sort((a, b) => a.line - b.line || a.start - b.start);
}

function checkFieldsShape(e: Entry, fields: Map<string, string>, problems: ManifestProblem[]): void {
  for (const [k, v] of fields) {
    if (!isString(v)) problems.push(at(e, `\`${k}\` must be a string`, 'error', true));
    else if (k === 'url' && !/^https?:\/\/\S+$/.test(unquote(v)))
      problems.push(at(e, `\`${unquote(v)}\` is not an http(s) URL`, 'error', true));
    else if (k === 'sha256' && !/^[0-9a-f]{64}$/.test(unquote(v))) problems.push(at(e, '`sha256` is 64 hex digits', 'error', true));
    else if (k === 'sha512' && !/^[0-9a-f]{128}$/.test(unquote(v))) problems.push(at(e, '`sha512` is 128 hex digits', 'error', true));
  }
}

export function checkManifest(kind: ManifestKind, text: string): ManifestProblem[] {
  return kind === 'wkg.toml' ? checkWkgToml(text) : kind === 'wkg.lock' ? checkWkgLock(text) : checkDepsToml(text);
}

export interface LockedPackage {
  name: string;
  registry?: string;
  versions: Array<{ requirement?: string; version?: string; digest?: string }>;
}

/** The [[packages]] of a wkg.lock. */
export function lockedPackages(text: string): LockedPackage[] {
  const out: LockedPackage[] = [];
  let target: 'package' | 'version' | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = stripComment(raw).trim();
    if (/^\[\[\s*packages\s*\]\]$/.test(line)) {
      out.push({ name: '', versions: [] });
      target = 'package';
      continue;
    }
    if (/^\[\[\s*packages\.versions\s*\]\]$/.test(line)) {
      out[out.length - 1]?.versions.push({});
      target = out.length ? 'version' : undefined;
      continue;
    }
    if (line.startsWith('[')) {
      target = undefined;
      continue;
    }
    const kv = /^([A-Za-z_-]+)\s*=\s*(.+)$/.exec(line);
    if (!kv || !target) continue;
    const pkg = out[out.length - 1];
    const value = unquote(kv[2]);
    if (target === 'package' && (kv[1] === 'name' || kv[1] === 'registry')) pkg[kv[1]] = value;
    if (target === 'version' && (kv[1] === 'requirement' || kv[1] === 'version' || kv[1] === 'digest'))
      pkg.versions[pkg.versions.length - 1][kv[1]] = value;
  }
  return out.filter((p) => p.name);
}
