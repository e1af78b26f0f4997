// `npm run fuzz`: mutates real WIT (../shared/corpus, read in place) and feeds
// every mutant to the running server (dist/server.js over stdio), then asks it
// for the features an editor asks for. Fails on a crash, a hang, a request not
// answered within a second, an internal error, or a version left without
// diagnostics. Bounded: FUZZ_ITERATIONS (default 300) and FUZZ_SECONDS (120).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, corpusRoot } from '../server/lspClient';

const iterations = Number(process.env.FUZZ_ITERATIONS ?? 300);
const seconds = Number(process.env.FUZZ_SECONDS ?? 120);
let seed = Number(process.env.FUZZ_SEED ?? Date.now() % 100000);
const initialSeed = seed;

/** A small deterministic generator, so a failure can be replayed with FUZZ_SEED. */
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % Math.max(1, n);
}

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '<',
  '>',
  ',',
  ';',
  ':',
  '.',
  '@',
  '/',
  '->',
  '%',
  '_',
  '=',
  'use',
  'type',
  'func',
  'record',
  'resource',
  'world',
  'interface',
  'import',
  'export',
  'include',
  'with',
  'as',
  'package',
  'list<',
  'borrow<',
  'own<',
  'result<',
  'map<',
  'future',
  'stream',
  'async',
  'constructor',
  'static',
  '@since(version = 0.2.0)',
  '@unstable(feature = x)',
  '/*',
  '*/',
  '///',
  '\u202e',
  '\u0000',
  'é',
  '𝕏',
  'a'.repeat(2000),
  '1.2.3',
];

const NESTINGS: Array<[string, string]> = [
  ['list<', '>'],
  ['option<', '>'],
  ['tuple<u8, ', '>'],
  ['result<', ', u8>'],
  ['borrow<', '>'],
];

function mutate(text: string): string {
  const at = random(text.length + 1);
  switch (random(7)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + random(40)); // delete a span
    case 1:
      return text.slice(0, at) + TOKENS[random(TOKENS.length)] + text.slice(at); // insert a token
    case 2: {
      const len = random(200);
      return text.slice(0, at) + text.slice(at, at + len).repeat(2) + text.slice(at + len);
    }
    case 3: {
      const lines = text.split('\n');
      const i = random(lines.length),
        j = random(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 4:
      return text.slice(0, at) + String.fromCharCode(random(0x3000)) + text.slice(at);
    case 5: {
      // Deep nesting, closed or not: up to 20,000 levels (issue 17 measured 28 s formatting one).
      const [open, close] = NESTINGS[random(NESTINGS.length)];
      const depth = random(2) ? random(300) : random(20_000);
      return text.slice(0, at) + open.repeat(depth) + (random(2) ? `u32${close.repeat(depth)}` : '') + text.slice(at);
    }
    default:
      return text.slice(0, at);
  }
}

function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of fs.readdirSync(d)) {
      const p = path.join(d, n);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.wit')) out.push(p);
    }
  };
  walk(path.join(corpusRoot, 'wasi-0.3'));
  walk(path.join(corpusRoot, 'wit-parser-ui'));
  return out.sort();
}

function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
}

(async () => {
  const files = corpusFiles();
  const client = new LspClient();
  await client.start();
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  const failures: string[] = [];
  try {
    for (; done < iterations && Date.now() < deadline; done++) {
      const file = files[random(files.length)];
      let text = fs.readFileSync(file, 'utf8');
      for (let k = 0, n = 1 + random(4); k < n; k++) text = mutate(text);
      const uri = pathToFileURL(file).href;
      const opened = client.nextDiagnostics(uri, 1);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wit', version: 1, text } });
      try {
        await within(2000, `diagnostics of ${path.basename(file)}`, opened);
        const pos = { line: random(text.split('\n').length), character: random(40) };
        const td = { uri };
        const requests: Array<[string, unknown]> = [
          ['textDocument/hover', { textDocument: td, position: pos }],
          ['textDocument/definition', { textDocument: td, position: pos }],
          ['textDocument/completion', { textDocument: td, position: pos }],
          ['textDocument/documentSymbol', { textDocument: td }],
          ['textDocument/semanticTokens/full', { textDocument: td }],
          ['textDocument/foldingRange', { textDocument: td }],
          ['textDocument/formatting', { textDocument: td, options: { tabSize: 4, insertSpaces: true } }],
          ['textDocument/references', { textDocument: td, position: pos, context: { includeDeclaration: true } }],
          ['textDocument/codeAction', { textDocument: td, range: { start: pos, end: pos }, context: { diagnostics: [] } }],
          ['wit/syntaxTree', { uri }],
        ];
        for (const [method, params] of requests) await within(1000, method, client.request(method, params));
      } catch (e) {
        failures.push(`seed ${initialSeed}, iteration ${done}, ${path.relative(corpusRoot, file)}: ${(e as Error).message}`);
        if (failures.length > 5) break;
      }
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await client.stop().catch(() => undefined);
  }
  if (/Error|Unhandled|exception/i.test(client.stderr)) failures.push(`server stderr: ${client.stderr.slice(-1500)}`);
  console.log(`fuzz: ${done} mutants of ${files.length} corpus files (seed ${initialSeed})`);
  for (const f of failures) console.log(`FAIL ${f}`);
  console.log(`${done - Math.min(done, failures.length)} passed, ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
})();
