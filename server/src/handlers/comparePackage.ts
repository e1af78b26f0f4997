// `wit/comparePackage`: the classified diff of a package against a git ref or
// another folder, as Markdown, for `WIT: Compare Package With…`. A ref is
// checked out into a temporary folder (cli/gitBase.ts) kept until the server
// exits, so that the view's links to the base side stay valid.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ComparePackageRequest, type ComparePackageParams } from '../../../common/protocol';
import { pathToUri, uriToPath, type WitLanguageService } from '../core/index';
import { checkoutBase } from '../cli/gitBase';
import type { Handler } from './context';

/** Per ref and package folder: the folder as it is at the ref. */
const checkouts = new Map<string, { dir: string; tempRoot: string }>();
process.once('exit', () => {
  for (const c of checkouts.values()) fs.rmSync(c.tempRoot, { recursive: true, force: true });
});

export const comparePackageHandler: Handler = {
  capabilities: {},
  register({ connection, service }) {
    connection.onRequest(ComparePackageRequest, async (params) => ({ markdown: compare(await service, params) }));
  },
};

function compare(s: WitLanguageService, { uri, base }: ComparePackageParams): string {
  const rootFile = s.analysis(uri).packages.find((p) => !p.isDependency)?.uris[0];
  if (!rootFile) return 'This file belongs to no package: nothing to compare.\n';
  const rootDir = path.dirname(uriToPath(rootFile));
  let baseDir: string;
  let label: string;
  try {
    if (base.kind === 'ref') {
      const key = `${base.ref}\0${rootDir}`;
      let out = checkouts.get(key);
      if (!out) {
        checkouts.set(key, (out = checkoutBase(base.ref, rootDir)));
        // deps/ is often fetched and not committed: then the base uses today's.
        const depsNow = path.join(rootDir, 'deps');
        if (!fs.existsSync(path.join(out.dir, 'deps')) && fs.existsSync(depsNow))
          fs.cpSync(depsNow, path.join(out.dir, 'deps'), { recursive: true });
      }
      baseDir = out.dir;
      label = base.ref;
    } else {
      baseDir = base.path;
      label = base.path;
    }
    const first = fs
      .readdirSync(baseDir)
      .filter((f) => f.endsWith('.wit'))
      .sort()[0];
    if (!first) return `${label} has no .wit files in ${baseDir}: nothing to compare.\n`;
    const baseUri = pathToUri(path.join(baseDir, first));
    const errors = [...s.diagnostics(baseUri).values()].flat().filter((d) => d.severity === 1).length;
    const note = errors ? `> The base has ${errors} error(s); the comparison is of what resolved.\n\n` : '';
    return note + s.comparisonMarkdown(baseUri, rootFile, { base: label, now: 'working tree' });
  } catch (e) {
    // Bad input (no such ref, a folder without a package): said in the view, not thrown.
    if (e instanceof Error) return `Cannot compare: ${e.message}\n`;
    throw e;
  }
}
