// The Node bundles must be pure ASCII. V8 keeps a script's source for its whole
// life, as Latin-1 when every character fits and as UTF-16 otherwise: one box-
// drawing character in a regular expression (esbuild escapes strings, not
// regular expressions, nor the doc comments it keeps) doubled the server's
// source in memory, 1.1 -> 2.2 MB, in every server and extension host.
import { readFileSync } from 'node:fs';

/** Throws, naming each offending line, when one of `files` holds a character above U+007F. */
export function assertAsciiBundles(files) {
  const found = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const at = line.search(/[^\x00-\x7f]/);
      if (at >= 0) found.push(`${file}:${i + 1}:${at + 1}: ${JSON.stringify(line.slice(Math.max(0, at - 30), at + 30))}`);
    });
  }
  if (found.length) {
    throw new Error(`non-ASCII characters in the bundles (write them as \\u escapes in the source):\n${found.slice(0, 20).join('\n')}`);
  }
}
