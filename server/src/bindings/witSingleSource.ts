// A package directory and its deps/ as one WIT text: the package's files under one
// `package` line, each dependency as a nested `package ns:name@v { ... }` block (WIT.md's
// nested-package-definition). jco takes WIT as a path or as such a text; from a path its
// Rust code reads every file through the WASI shim, whose file-system calls each wait for
// a worker thread (synckit): six calls a file, most of a TypeScript generation's time for
// WASI 0.3 http. From a text nothing is read.
//
// Only files this can join without changing what they mean are joined: no top-level `use`
// (those are scoped to their file), no nested packages of their own, no doc comment
// before the `package` line (it would document the next file's first item), and no
// binary (`.wasm`) dependency. Anything else gives undefined: jco then reads the path.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface FileBody {
  /** The `package` line's name, when the file has one. */
  name?: string;
  /** The text after it (the whole text without one). */
  body: string;
}

/** One file's package name and items, or undefined when it cannot be joined (see above). */
export function splitWitFile(text: string): FileBody | undefined {
  let i = 0;
  let depth = 0;
  let name: string | undefined;
  let bodyStart = 0;
  let seenItem = false;
  // A doc comment before any item: it documents the `package` line if one follows.
  let leadingDoc = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      if (!seenItem && name === undefined && text[i + 2] === '/' && text[i + 3] !== '/') leadingDoc = true;
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      if (!seenItem && name === undefined && text[i + 2] === '*' && text[i + 3] !== '*' && text[i + 3] !== '/') leadingDoc = true;
      let nest = 1;
      i += 2;
      while (i < text.length && nest > 0) {
        if (text.startsWith('/*', i)) nest++;
        else if (text.startsWith('*/', i)) nest--;
        else {
          i++;
          continue;
        }
        i += 2;
      }
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /[a-z%@]/i.test(c) && (i === 0 || !/[\w-]/.test(text[i - 1]))) {
      const word = /^[%@]?[a-z][\w-]*/i.exec(text.slice(i, i + 40))?.[0] ?? c;
      if (word === 'use') return undefined;
      if (word === 'package') {
        if (seenItem || name !== undefined || leadingDoc) return undefined;
        const semi = text.indexOf(';', i);
        const brace = text.indexOf('{', i);
        if (semi < 0 || (brace >= 0 && brace < semi)) return undefined;
        name = text.slice(i + word.length, semi).trim();
        bodyStart = semi + 1;
        i = semi + 1;
        continue;
      }
      seenItem = true;
      i += word.length;
      continue;
    }
    i++;
  }
  return { name, body: text.slice(bodyStart) };
}

/** A package directory's `.wit` files joined: its name and items, or undefined. */
function joinPackage(files: string[]): { name: string; body: string } | undefined {
  let name: string | undefined;
  const bodies: string[] = [];
  for (const file of files) {
    const split = splitWitFile(fs.readFileSync(file, 'utf8'));
    if (!split) return undefined;
    if (split.name !== undefined) {
      if (name !== undefined && name !== split.name) return undefined;
      name = split.name;
    }
    bodies.push(split.body);
  }
  return name === undefined ? undefined : { name, body: bodies.join('\n') };
}

const witFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.wit'))
    .sort()
    .map((f) => path.join(dir, f));

/** `witDir` (a package directory with its deps/) as one WIT text, or undefined when it cannot be joined. */
export function singleSource(witDir: string): string | undefined {
  try {
    const main = joinPackage(witFiles(witDir));
    if (!main) return undefined;
    const parts = [`package ${main.name};\n${main.body}`];
    const deps = path.join(witDir, 'deps');
    const entries = fs.existsSync(deps) ? fs.readdirSync(deps, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)) : [];
    for (const entry of entries) {
      const full = path.join(deps, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(full).isDirectory());
      if (!isDir && !entry.name.endsWith('.wit')) {
        if (entry.name.endsWith('.wasm')) return undefined;
        continue;
      }
      const dep = joinPackage(isDir ? witFiles(full) : [full]);
      if (!dep) return undefined;
      parts.push(`package ${dep.name} {\n${dep.body}\n}`);
    }
    return parts.join('\n');
  } catch {
    return undefined;
  }
}
