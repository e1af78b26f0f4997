// Snapshot tests on corpus files (read in place): the canonical formatting and
// the document outline, compared with the committed .snap files beside this
// test. Regenerate after an intended change: UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs test/core/features
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusRoot, corpusService } from '../helpers';
import { pathToUri } from '../../../server/src/core/workspace';
import { formatText } from '../../../server/src/core/features/formatting';
import { documentSymbols } from '../../../server/src/core/features/documentSymbols';
import { foldingRanges } from '../../../server/src/core/features/folding';
import type { DocumentSymbol } from 'vscode-languageserver-types';

const FILES = [
  'wasi-0.3/clocks/types.wit',
  'wasi-0.3/http/types.wit',
  'wasi-0.3/filesystem/types.wit',
  'wasi-0.2-http/proxy.wit',
  'wit-parser-ui/comments.wit',
  'wit-parser-ui/feature-gates.wit',
  'wit-parser-ui/resources.wit',
];
const SNAPSHOTS = path.join(__dirname, 'snapshots');

function outline(symbols: DocumentSymbol[]): string[] {
  const out: string[] = [];
  const stack = symbols.map((s) => ({ s, depth: 0 })).reverse();
  while (stack.length) {
    const { s, depth } = stack.pop()!;
    out.push(`${'  '.repeat(depth)}${s.name} [${s.selectionRange.start.line + 1}:${s.selectionRange.start.character + 1}]`);
    for (const c of [...(s.children ?? [])].reverse()) stack.push({ s: c, depth: depth + 1 });
  }
  return out;
}

for (const rel of FILES) {
  test(`snapshot: ${rel}`, async () => {
    const service = await corpusService();
    const uri = pathToUri(path.join(corpusRoot, rel));
    const doc = service.document(uri)!;
    const actual = [
      '=== formatted',
      formatText(doc) ?? '(not formatted: syntax errors)',
      '=== outline',
      ...outline(documentSymbols(service.analysis(uri), uri)),
      '=== folding',
      foldingRanges(doc)
        .map((r) => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}`)
        .join(', '),
      '',
    ].join('\n');
    const file = path.join(SNAPSHOTS, `${rel.replace(/[/]/g, '__')}.snap`);
    if (process.env.UPDATE_SNAPSHOTS) {
      fs.mkdirSync(SNAPSHOTS, { recursive: true });
      fs.writeFileSync(file, actual);
    }
    assert.ok(fs.existsSync(file), `no snapshot ${path.basename(file)}: run with UPDATE_SNAPSHOTS=1`);
    assert.equal(actual, fs.readFileSync(file, 'utf8'));
  });
}
