// suite: stress
// A root's deps/ are resolved once and the root package on top of them while
// they do not change (analyze.ts, resolver.ts `canResolveOnTop`). Proved equal
// to resolving everything on every change: for each WASI package of the corpus
// (read in place, deps/ included), each root file goes through every version
// incrementalVersions.ts makes of it, and the first file of each dependency
// through every mutant of the differential tester; each version's diagnostics
// (every file of the root), references and packages are compared with those of
// a service that resolves everything every time.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusRoot, wasmDir } from './helpers';
import { nodeHost } from '../../server/src/nodeHost';
import { createWitLanguageService, pathToUri, type Analysis } from '../../server/src/core/index';
import { changeBetween, versionsOf } from './incrementalVersions';

const witIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.wit'))
    .sort()
    .map((n) => path.join(dir, n));

const packages = [
  ...fs.readdirSync(path.join(corpusRoot, 'wasi-0.3')).map((n) => path.join(corpusRoot, 'wasi-0.3', n)),
  path.join(corpusRoot, 'wasi-0.2-http'),
].filter((d) => fs.existsSync(path.join(d, 'deps')));

/**
 * What a user sees of an analysis: diagnostics per file, references, packages
 * (a package's dependencies as a set: they are listed as resolution first meets
 * them, which for a dependency resolved on its own is an order of its own).
 */
function seen(a: Analysis) {
  return {
    diagnostics: [...a.diagnostics].sort(([x], [y]) => x.localeCompare(y)),
    references: a.references
      .map((r) => `${r.uri}:${r.range.start.line}:${r.range.start.character} ${r.role} -> ${r.target.uri}:${r.target.name}`)
      .sort(),
    packages: a.packages.map(
      (p) =>
        `${p.name} ${p.interfaces.length} ${p.worlds.length} ${p.dependencies
          .map((d) => d.name)
          .sort()
          .join(',')}`,
    ),
  };
}

test('resolving the root on top of its resolved deps/ equals resolving everything, on every version', async () => {
  assert.ok(packages.length >= 5, `WASI packages with deps/: ${packages.length}`);
  let compared = 0;
  let onTop = 0;
  for (const dir of packages) {
    const reusing = await createWitLanguageService(nodeHost, { wasmDir });
    const full = await createWitLanguageService(nodeHost, { wasmDir, reuseResolvedDeps: false });
    const roots = witIn(dir);
    const rootUri = pathToUri(roots[0]);
    const depFirsts = fs
      .readdirSync(path.join(dir, 'deps'))
      .sort()
      .map((d) => witIn(path.join(dir, 'deps', d))[0])
      .filter(Boolean);
    let lastDeps = reusing.analysis(rootUri).packages.filter((p) => p.isDependency);
    for (const file of [...roots, ...depFirsts]) {
      const uri = pathToUri(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const s of [reusing, full]) s.openDocument(uri, text, 1);
      let version = 1;
      for (const next of versionsOf(file, text, roots.includes(file))) {
        const change = changeBetween(reusing.document(uri)!, next.text);
        version++;
        for (const s of [reusing, full]) s.changeDocument(uri, [change], version);
        const got = reusing.analysis(rootUri);
        assert.deepEqual(seen(got), seen(full.analysis(rootUri)), `${path.relative(corpusRoot, file)}, ${next.what}`);
        compared++;
        // Resolved on top: the deps' packages are the very objects of the resolution before.
        const depModels = got.packages.filter((p) => p.isDependency);
        if (roots.includes(file) && depModels.length && depModels.every((p) => lastDeps.includes(p))) onTop++;
        lastDeps = depModels;
      }
      for (const s of [reusing, full]) s.closeDocument(uri);
    }
  }
  console.log(`packages: ${compared} versions compared in ${packages.length} packages, ${onTop} root edits resolved on top of the deps`);
  // The comparison is of the reuse only where the reuse happened.
  assert.ok(onTop > compared / 2, `${onTop} of ${compared} versions resolved on top of the deps`);
  assert.ok(compared > 1000, `${compared} versions compared`);
});
