// The versions a file goes through in the incremental-analysis tests: every
// mutation of the differential tester (test/conformance/mutations.ts) applied to
// it as one edit and undone, and typing into it a character at a time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { WitDocument } from '../../server/src/core/document';
import { corpusRoot } from './helpers';
import { rng, textMutations, semanticMutations } from '../conformance/mutations';
const mutations = { ...textMutations, ...semanticMutations };

function witFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...witFiles(p));
    else if (e.name.endsWith('.wit')) out.push(p);
  }
  return out;
}
/** Every .wit file of ../shared/corpus, read in place. */
export const corpus = witFiles(corpusRoot);

/** The one change that turns `before` into `after` (common prefix and suffix kept). */
export function changeBetween(doc: Pick<WitDocument, 'text' | 'positionAt'>, after: string): TextDocumentContentChangeEvent {
  const before = doc.text;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(before.length - end) },
    text: after.slice(start, after.length - end),
  };
}

/** Every version a file goes through: each mutant and back, then typing and deleting. */
export function* versionsOf(file: string, text: string, typing = true): Generator<{ what: string; text: string }> {
  let seed = 0;
  for (const c of path.relative(corpusRoot, file)) seed = (seed * 31 + c.charCodeAt(0)) >>> 0;
  for (const [kind, mutate] of Object.entries(mutations)) {
    const m = mutate(text, rng(seed));
    if (!m || m.text === text) continue;
    yield { what: `${kind}: ${m.what}`, text: m.text };
    yield { what: `${kind} undone`, text };
  }
  // Typing at two places, a character at a time (a name, a comment, a new
  // line), then deleting what was typed.
  const r = rng(seed + 1);
  for (let n = 0; typing && n < 2; n++) {
    const at = Math.floor(r() * (text.length + 1));
    let typed = '';
    for (const ch of ['x', ' ', '/', '/', '\n']) {
      typed += ch;
      yield { what: `typed ${JSON.stringify(typed)} at ${at}`, text: text.slice(0, at) + typed + text.slice(at) };
    }
    while (typed) {
      typed = typed.slice(0, -1);
      yield { what: `deleted back to ${JSON.stringify(typed)} at ${at}`, text: text.slice(0, at) + typed + text.slice(at) };
    }
  }
}
