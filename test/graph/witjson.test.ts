// The judge of the WIT graph: for every passing wit-parser case with worlds, the
// import and export edges of each world are the world's imports and exports in the
// case's .wit.json (what wit-parser elaborates the world to). Reads the corpus in place.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ready, corpusRoot, memoryHost } from '../core/helpers';
import { createWitLanguageServiceFrom, type WitGrammar } from '../../server/src/core/index';
import { nodeHost } from '../../server/src/nodeHost';
import { pathToUri } from '../../server/src/core/workspace';

interface JsonItem {
  interface?: { id: number };
  function?: unknown;
  type?: number;
}
interface JsonWorld {
  name: string;
  package: number;
  imports: Record<string, JsonItem>;
  exports: Record<string, JsonItem>;
}
interface JsonResolve {
  worlds: JsonWorld[];
  interfaces: { name: string | null; package: number | null }[];
  packages: { name: string }[];
}

const casesDir = path.join(corpusRoot, 'wit-parser-ui');

/** `ns:pkg@1.0.0` + `name` -> `ns:pkg/name@1.0.0`. */
function qualify(pkg: string, name: string): string {
  const at = pkg.indexOf('@');
  return at < 0 ? `${pkg}/${name}` : `${pkg.slice(0, at)}/${name}${pkg.slice(at)}`;
}

function expectedItems(json: JsonResolve, items: Record<string, JsonItem>): string[] {
  return Object.entries(items)
    .map(([key, item]) => {
      if (item.interface) {
        const iface = json.interfaces[item.interface.id];
        if (iface.name === null || iface.package === null) return `inline ${key}`;
        return `interface ${qualify(json.packages[iface.package].name, iface.name)}`;
      }
      return `${item.function ? 'function' : 'type'} ${key}`;
    })
    .sort();
}

const cases = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith('.wit.json'))
  .map((f) => ({ name: f.slice(0, -'.wit.json'.length), json: JSON.parse(fs.readFileSync(path.join(casesDir, f), 'utf8')) as JsonResolve }))
  .filter((c) => c.json.worlds.length > 0);

/** The file to ask about: the case's .wit file, or the first .wit file at the top of its folder. */
function entryFile(name: string): string | undefined {
  const p = path.join(casesDir, name);
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
    const wit = fs
      .readdirSync(p)
      .filter((f) => f.endsWith('.wit'))
      .sort()[0];
    return wit ? path.join(p, wit) : undefined;
  }
  return fs.existsSync(`${p}.wit`) ? `${p}.wit` : undefined;
}

let grammar: WitGrammar;
before(async () => {
  grammar = await ready();
});

test('the corpus has cases with worlds', () => assert.ok(cases.length > 30, `${cases.length} cases`));

for (const c of cases) {
  const file = entryFile(c.name);
  test(`${c.name}: world import/export edges equal the .wit.json`, { skip: file ? false : 'no .wit entry (binary case)' }, () => {
    // A single-file case is a package of its own (as wit-parser reads it), not one
    // file of the folder that holds all the cases: show the service that file alone.
    const single = !fs.statSync(path.join(casesDir, c.name), { throwIfNoEntry: false })?.isDirectory();
    const service = createWitLanguageServiceFrom(grammar, single ? memoryHost({ [file!]: fs.readFileSync(file!, 'utf8') }) : nodeHost);
    const uri = pathToUri(file!);
    const graph = service.compositionGraph(uri);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const w of c.json.worlds) {
      const worldId = `world:${qualify(c.json.packages[w.package].name, w.name)}`;
      assert.ok(byId.has(worldId), `world node ${worldId} (have: ${[...byId.keys()].filter((k) => k.startsWith('world:')).join(', ')})`);
      const actual = (kind: 'import' | 'export') =>
        graph.edges
          .filter((e) => e.from === worldId && e.kind === kind)
          .map((e) => {
            const n = byId.get(e.to)!;
            if (n.kind === 'interface') return n.id.includes('#') ? `inline ${n.label}` : `interface ${n.id.slice('interface:'.length)}`;
            return `${n.kind} ${n.label}`;
          })
          .sort();
      assert.deepEqual(actual('import'), expectedItems(c.json, w.imports), `imports of ${worldId}`);
      assert.deepEqual(actual('export'), expectedItems(c.json, w.exports), `exports of ${worldId}`);
    }
  });
}
