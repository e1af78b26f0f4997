// The WIT graph of a whole WASI 0.3 workspace (every package root under
// corpus/wasi-0.3, read in place), merged into one graph: the bench's input and
// the browser test's biggest real graph.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusRoot, ready } from '../core/helpers';
import { createWitLanguageServiceFrom } from '../../server/src/core/index';
import { nodeHost } from '../../server/src/nodeHost';
import { pathToUri } from '../../server/src/core/workspace';
import type { CompositionGraph } from '../../common/protocol';

export const wasi03 = path.join(corpusRoot, 'wasi-0.3');

export async function wasiWorkspaceGraph(only?: string): Promise<CompositionGraph> {
  const service = createWitLanguageServiceFrom(await ready(), nodeHost);
  const nodes = new Map<string, CompositionGraph['nodes'][number]>();
  const edges = new Map<string, CompositionGraph['edges'][number]>();
  for (const root of fs.readdirSync(wasi03).sort()) {
    if (only && root !== only) continue;
    const dir = path.join(wasi03, root);
    const first = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.wit'))
      .sort()[0];
    if (!first) continue;
    const uri = pathToUri(path.join(dir, first));
    const g = service.compositionGraph(uri);
    for (const n of g.nodes) {
      const known = nodes.get(n.id);
      // A package is a root in its own folder and a dependency elsewhere: keep the root's view.
      const merged = only ? n : { ...n, label: n.kind === 'package' ? n.label : qualifiedLabel(n.id, n.label) };
      if (!known || (known.dependency && !n.dependency)) nodes.set(n.id, merged);
    }
    for (const e of g.edges) edges.set(`${e.from}|${e.to}|${e.kind}`, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** In a merged graph every item is "of another package" for someone: label it by its qualified id. */
function qualifiedLabel(id: string, label: string): string {
  const m = /^(?:interface|world):([^#]+)$/.exec(id);
  return m ? m[1] : label;
}
