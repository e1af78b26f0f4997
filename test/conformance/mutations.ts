// Small, realistic edits to WIT sources for differential testing: each takes a
// package copied to a temp folder and changes one thing, the way a user typing
// (or a careless refactor) would. A mutation returns undefined when it does not
// apply to the file it was given, and the caller picks another.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Rng = () => number;

/** mulberry32: a tiny deterministic PRNG, so a seed replays the same mutants. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

interface Token {
  start: number;
  end: number;
  text: string;
  kind: 'ident' | 'int' | 'punct' | 'version';
}

/** WIT tokens (comments and whitespace skipped); versions after `@` are one token. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /(\/\/[^\n]*)|(\/\*[\s\S]*?\*\/)|(\s+)|(@\d+\.\d+\.\d+[0-9A-Za-z.+-]*)|(%?[A-Za-z][A-Za-z0-9-]*)|(\d+)|(->|[^\sA-Za-z0-9])/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[1] || m[2] || m[3]) continue;
    const kind = m[4] ? 'version' : m[5] ? 'ident' : m[6] ? 'int' : 'punct';
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind });
  }
  return out;
}

const KEYWORDS = [
  'use',
  'type',
  'func',
  'u32',
  'string',
  'record',
  'resource',
  'interface',
  'world',
  'import',
  'export',
  'package',
  'include',
  'with',
  'as',
  'from',
  'static',
  'constructor',
  'own',
  'borrow',
  'list',
  'result',
  'option',
  'flags',
  'enum',
  'variant',
  'async',
  'stream',
  'future',
  'tuple',
  'bool',
  'char',
  'error-context',
];
const PUNCT = ['{', '}', '(', ')', '<', '>', ';', ':', ',', '.', '/', '@', '=', '->', '*', '_', '%'];

const splice = (s: string, start: number, end: number, insert: string) => s.slice(0, start) + insert + s.slice(end);

/** A text mutation: the new text and a description, or undefined when it does not apply. */
type TextMutation = (src: string, r: Rng) => { text: string; what: string } | undefined;

const lines = (src: string) => src.split('\n');
/** Lines that carry code (not blank, not only a comment). */
const codeLines = (ls: string[]) => ls.map((l, i) => ({ l, i })).filter(({ l }) => l.trim() && !/^\s*\/\//.test(l));

export const textMutations: Record<string, TextMutation> = {
  'delete-token': (src, r) => {
    const toks = tokenize(src);
    if (!toks.length) return undefined;
    const t = pick(r, toks);
    return { text: splice(src, t.start, t.end, ''), what: `deleted \`${t.text}\`` };
  },
  'replace-token': (src, r) => {
    const toks = tokenize(src);
    if (!toks.length) return undefined;
    const t = pick(r, toks);
    const w = r() < 0.5 ? pick(r, PUNCT) : pick(r, KEYWORDS);
    return { text: splice(src, t.start, t.end, w), what: `replaced \`${t.text}\` by \`${w}\`` };
  },
  'insert-token': (src, r) => {
    const toks = tokenize(src);
    if (!toks.length) return undefined;
    const t = pick(r, toks);
    const w = r() < 0.6 ? pick(r, PUNCT) : pick(r, KEYWORDS);
    return { text: splice(src, t.start, t.start, `${w} `), what: `inserted \`${w}\` before \`${t.text}\`` };
  },
  'delete-line': (src, r) => {
    const ls = lines(src);
    const c = codeLines(ls);
    if (!c.length) return undefined;
    const { i } = pick(r, c);
    const removed = ls.splice(i, 1);
    return { text: ls.join('\n'), what: `deleted line ${i + 1}: ${removed[0].trim()}` };
  },
  'duplicate-line': (src, r) => {
    const ls = lines(src);
    const c = codeLines(ls).filter(({ l }) => /;\s*$|}\s*$/.test(l));
    if (!c.length) return undefined;
    const { i } = pick(r, c);
    ls.splice(i, 0, ls[i]);
    return { text: ls.join('\n'), what: `duplicated line ${i + 1}: ${ls[i].trim()}` };
  },
  'duplicate-item': (src, r) => {
    // A whole brace-balanced item starting on a line that opens a block.
    const ls = lines(src);
    const starts = codeLines(ls).filter(({ l }) => /\{\s*$/.test(l));
    if (!starts.length) return undefined;
    const { i } = pick(r, starts);
    let depth = 0;
    for (let j = i; j < ls.length; j++) {
      for (const ch of ls[j].replace(/\/\/.*$/, '')) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      if (depth <= 0) {
        const block = ls.slice(i, j + 1);
        ls.splice(j + 1, 0, ...block);
        return { text: ls.join('\n'), what: `duplicated item at line ${i + 1}: ${ls[i].trim()}` };
      }
    }
    return undefined;
  },
  'swap-lines': (src, r) => {
    const ls = lines(src);
    const c = codeLines(ls);
    if (c.length < 2) return undefined;
    const k = Math.floor(r() * (c.length - 1));
    const a = c[k].i,
      b = c[k + 1].i;
    [ls[a], ls[b]] = [ls[b], ls[a]];
    return { text: ls.join('\n'), what: `swapped lines ${a + 1} and ${b + 1}` };
  },
  'rename-ident': (src, r) => {
    const toks = tokenize(src).filter((t) => t.kind === 'ident' && !KEYWORDS.includes(t.text));
    if (!toks.length) return undefined;
    const t = pick(r, toks);
    const w = `${t.text}-x`;
    return { text: splice(src, t.start, t.end, w), what: `renamed \`${t.text}\` to \`${w}\`` };
  },
  'uppercase-ident': (src, r) => {
    const toks = tokenize(src).filter((t) => t.kind === 'ident' && !KEYWORDS.includes(t.text));
    if (!toks.length) return undefined;
    const t = pick(r, toks);
    const mode = Math.floor(r() * 3);
    const w = mode === 0 ? t.text.toUpperCase() : mode === 1 ? t.text[0].toUpperCase() + t.text.slice(1) : t.text.replace(/-/g, '_');
    if (w === t.text) return undefined;
    return { text: splice(src, t.start, t.end, w), what: `changed \`${t.text}\` to \`${w}\`` };
  },
  'keyword-as-name': (src, r) => {
    const toks = tokenize(src).filter((t) => t.kind === 'ident' && !KEYWORDS.includes(t.text));
    if (!toks.length) return undefined;
    const t = pick(r, toks);
    const w = pick(r, KEYWORDS);
    return { text: splice(src, t.start, t.end, w), what: `renamed \`${t.text}\` to keyword \`${w}\`` };
  },
  'change-version': (src, r) => {
    const toks = tokenize(src).filter((t) => t.kind === 'version');
    if (!toks.length) return undefined;
    const t = pick(r, toks);
    const variants = ['@0.2.0', '@0.3.0-rc-2020-01-01', '@1.0.0', '@0.2', '@0.2.0-', '@00.2.0', '@0.2.0+build', '@9.9.9'];
    const w = pick(r, variants);
    if (w === t.text) return undefined;
    return { text: splice(src, t.start, t.end, w), what: `version \`${t.text}\` -> \`${w}\`` };
  },
  'remove-use': (src, r) => {
    const ls = lines(src);
    const c = codeLines(ls).filter(({ l }) => /^\s*use\s/.test(l));
    if (!c.length) return undefined;
    const { i } = pick(r, c);
    const removed = ls.splice(i, 1);
    return { text: ls.join('\n'), what: `removed ${removed[0].trim()}` };
  },
  'add-since': (src, r) => {
    const ls = lines(src);
    const c = codeLines(ls).filter(({ l }) =>
      /^\s*(interface|world|type|record|resource|variant|enum|flags|[a-z%][a-z0-9-]*\s*:\s*(async\s+)?func|import|export|use|include|constructor)\b/.test(
        l,
      ),
    );
    if (!c.length) return undefined;
    const { i } = pick(r, c);
    const gate = pick(r, [
      '@since(version = 99.0.0)',
      '@since(version = 0.1.0)',
      '@unstable(feature = not-active)',
      '@unstable(feature = active)',
      '@deprecated(version = 0.1.0)',
      '@since(version = 0.2.0, feature = x)',
      '@since(version = 0.2.0-rc)',
    ]);
    ls.splice(i, 0, `${ls[i].match(/^\s*/)![0]}${gate}`);
    return { text: ls.join('\n'), what: `added ${gate} before line ${i + 1}` };
  },
  'borrow-result': (src, r) => {
    const m = [...src.matchAll(/->\s*([a-z%][a-z0-9-]*)/g)];
    const own = [...src.matchAll(/own<([a-z%][a-z0-9-]*)>/g)];
    const choices = [
      ...m.map((x) => ({ at: x.index! + x[0].length - x[1].length, name: x[1] })),
      ...own.map((x) => ({ at: x.index! + 4, name: x[1] })),
    ];
    if (!choices.length) return undefined;
    const c = pick(r, choices);
    const text = splice(src, c.at, c.at + c.name.length, `borrow<${c.name}>`);
    return { text, what: `borrow<${c.name}> at offset ${c.at}` };
  },
  'break-nested-package': (src, r) => {
    const m = [...src.matchAll(/package\s+[a-z0-9:%-]+(@[0-9A-Za-z.+-]+)?\s*(\{|;)/g)];
    if (!m.length) return undefined;
    const x = pick(r, m);
    const end = x.index! + x[0].length;
    const variant = Math.floor(r() * 3);
    if (variant === 0) return { text: splice(src, end - 1, end, ''), what: `dropped \`${x[2]}\` of package decl` };
    if (variant === 1)
      return { text: splice(src, x.index!, x.index!, 'package x:y {\n'), what: 'opened a nested package before the package decl' };
    const other = x[2] === '{' ? ';' : '{';
    return { text: splice(src, end - 1, end, other), what: `package decl \`${x[2]}\` -> \`${other}\`` };
  },
  'rename-package': (src, r) => {
    const m = [...src.matchAll(/package\s+([a-z0-9%-]+):([a-z0-9%-]+)/g)];
    if (!m.length) return undefined;
    const x = pick(r, m);
    const at = x.index! + x[0].length;
    return { text: splice(src, at, at, '-z'), what: `renamed package ${x[1]}:${x[2]} to ${x[2]}-z` };
  },
  'add-item': (src, r) => {
    const ls = lines(src);
    const c = codeLines(ls).filter(({ l }) => /\{\s*$/.test(l));
    if (!c.length) return undefined;
    const { i } = pick(r, c);
    const item = pick(r, [
      'type t = u32;',
      'f: func();',
      'use self.x;',
      'import f: func();',
      'export a: interface {}',
      'resource r;',
      'include w;',
      'enum e {}',
      'flags f {}',
      'variant v {}',
      'record r {}',
      'type t2 = tuple<>;',
      'f: async func() -> stream;',
      'constructor();',
      'x: func() -> result<_, u8>;',
    ]);
    ls.splice(i + 1, 0, `  ${item}`);
    return { text: ls.join('\n'), what: `inserted \`${item}\` after line ${i + 1}` };
  },
};

/** More edits that keep the text well-formed, so they reach name resolution and elaboration. */
export const semanticMutations: Record<string, TextMutation> = {
  'add-world-ref': (src, r) => {
    const names = [...src.matchAll(/^\s*(?:@[^\n]*\n\s*)*(interface|world)\s+(%?[a-z][a-z0-9-]*)/gm)].map((m) => ({
      kind: m[1],
      name: m[2],
    }));
    const worlds = [...src.matchAll(/^(\s*)world\s+%?[a-z][a-z0-9-]*\s*\{[^\n]*$/gm)];
    if (!names.length || !worlds.length) return undefined;
    const w = pick(r, worlds);
    const n = pick(r, names);
    const item = n.kind === 'world' ? `include ${n.name};` : `${pick(r, ['import', 'export'])} ${n.name};`;
    const at = w.index! + w[0].length;
    return { text: splice(src, at, at, `\n  ${item}`), what: `added \`${item}\` to a world` };
  },
  'rename-all': (src, r) => {
    const toks = tokenize(src).filter((t) => t.kind === 'ident' && !KEYWORDS.includes(t.text) && !t.text.startsWith('%'));
    if (!toks.length) return undefined;
    const name = pick(r, toks).text;
    const w = pick(r, [`${name}-y`, 'x', 'types', 'f']);
    const text = src.replace(new RegExp(`(?<![A-Za-z0-9%-])${name.replace(/[-]/g, '\\-')}(?![A-Za-z0-9-])`, 'g'), w);
    return { text, what: `renamed every \`${name}\` to \`${w}\`` };
  },
  'change-type': (src, r) => {
    const toks = tokenize(src).filter((t) => /^(u8|u16|u32|u64|s8|s16|s32|s64|f32|f64|bool|char|string)$/.test(t.text));
    if (!toks.length) return undefined;
    const t = pick(r, toks);
    const named = tokenize(src)
      .filter((x) => x.kind === 'ident' && !KEYWORDS.includes(x.text))
      .map((x) => x.text);
    const n = named.length ? pick(r, named) : 'x';
    const w = pick(r, [
      'list<u8>',
      `option<${n}>`,
      `own<${n}>`,
      `borrow<${n}>`,
      `result<${n}>`,
      'tuple<u8, u8>',
      `future<${n}>`,
      `stream<${n}>`,
      n,
      'list<u8, 4>',
      'error-context',
      '_',
    ]);
    return { text: splice(src, t.start, t.end, w), what: `type \`${t.text}\` -> \`${w}\`` };
  },
  'async-func': (src, r) => {
    const m = [...src.matchAll(/:\s*(async\s+)?func\b/g)];
    if (!m.length) return undefined;
    const x = pick(r, m);
    const repl = x[1] ? ': func' : ': async func';
    return { text: splice(src, x.index!, x.index! + x[0].length, repl), what: `${x[0].trim()} -> ${repl.trim()}` };
  },
};

/** Folder mutations: remove a dependency, so `use` paths into it dangle. */
export function removeDep(root: string, r: Rng): string | undefined {
  const deps = path.join(root, 'deps');
  if (!fs.existsSync(deps)) return undefined;
  const entries = fs.readdirSync(deps).sort();
  if (!entries.length) return undefined;
  const e = pick(r, entries);
  fs.rmSync(path.join(deps, e), { recursive: true, force: true });
  return `removed deps/${e}`;
}
