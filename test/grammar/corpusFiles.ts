// The real WIT files the grammar tests read in place from the shared corpus beside the
// repository (<repo>/../shared/corpus); they are never copied into the repository.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');

/** wit-parser's passing UI tests that exercise the constructs the grammars must know. */
const witParserCases = [
  'async.wit', 'maps.wit', 'streams-and-futures.wit', 'feature-gates.wit',
  'packages-multiple-nested.wit', 'error-context.wit', 'resources.wit', 'types.wit',
  // comments inside an item, spanning lines, nested: the state must carry across lines
  'comments.wit',
];

function witFilesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.wit')).sort().map((name) => path.join(dir, name));
}

/** Our own WIT (test/grammar/fixtures) for the constructs and situations the corpus lacks. */
export const fixtureRoot = path.join(repoRoot, 'test', 'grammar', 'fixtures');
export function snapshotFixtures(): string[] {
  return witFilesIn(fixtureRoot).map((file) => path.basename(file));
}

/** Corpus-relative paths (with `/`) of every file the TextMate snapshots cover. */
export function snapshotCorpus(): string[] {
  const wasi03 = path.join(corpusRoot, 'wasi-0.3');
  const packages = fs.readdirSync(wasi03).sort().map((p) => path.join(wasi03, p));
  const files = [
    ...packages.flatMap(witFilesIn),
    ...witFilesIn(path.join(corpusRoot, 'wasi-0.2-http')),
    ...witParserCases.map((name) => path.join(corpusRoot, 'wit-parser-ui', name)),
  ];
  return files.map((file) => path.relative(corpusRoot, file).split(path.sep).join('/'));
}
