// Where tests find the repo and the shared corpus (read in place, never copied):
// the repo is /work/main here, a CI checkout elsewhere, with shared/ beside it.
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
export const wasi03Http = path.join(corpus, 'wasi-0.3', 'http');
export const wasi02Http = path.join(corpus, 'wasi-0.2-http');
export const tscBin = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
