// `use` and `include` cycles between the interfaces and worlds of a package,
// reported once, where wit-parser reports them. wit-parser sorts each package's
// items topologically (ast/resolve.rs + ast/toposort.rs): an interface's `use`
// of a local path and a world's `include` of one are the edges (world imports,
// world `use` and top-level `use` are not); it drains the items that depend on
// nothing and, when some are left over, stops at the first left-over item (in
// declaration order), at its first edge to another left-over item, with
// "interface or world `<edge's target>` depends on itself". The edge's place is
// the target's declaration when the file itself declares (or top-level `use`s)
// the name, else the name in the `use`. We report that one, with the members of
// the cycle it leads into as related information; a second cycle that does not
// depend on the first is reported the same way (wit-parser would stop at one).
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type * as A from '../syntax/ast';
import type { InterfaceEntity, PackageEntity, WorldEntity } from './entities';
import type { ResolveContext } from './context';
import { errorDiagnostic } from '../diagnostic';

type Node = InterfaceEntity | WorldEntity;

interface Edge {
  to: number;
  /** The target's name, as wit-parser names it in the message. */
  name: string;
  /** Where wit-parser reports the edge (see above). */
  reportUri: string;
  reportRange: Range;
  /** The name in the `use`/`include` itself (for the related information). */
  useRange: Range;
}

/** File-scoped names: what wit-parser's `decl_list_ns` records per file. */
type FileNames = Map<string, { local: A.Ident } | 'foreign'>;

export function reportPackageCycles(ctx: ResolveContext, pkg: PackageEntity): void {
  // The items in declaration order; a duplicate name (reported when declared) is its first item.
  const nodes: Node[] = [];
  const index = new Map<Node, number>();
  const ofAst = new Map<A.PackageItemAst, number>();
  for (const unit of pkg.units) {
    for (const item of unit.items) {
      if (item.kind !== 'interface' && item.kind !== 'world') continue;
      const node = pkg.items.get(item.name.name);
      if (!node || node.ast !== item) continue;
      ofAst.set(item, nodes.length);
      index.set(node, nodes.length);
      nodes.push(node);
    }
  }
  const edges: Edge[][] = nodes.map(() => []);
  for (const unit of pkg.units) {
    const names = fileNames(unit.items);
    for (const item of unit.items) {
      if (item.kind !== 'interface' && item.kind !== 'world') continue;
      const from = ofAst.get(item);
      if (from === undefined) continue;
      const paths =
        item.kind === 'interface'
          ? item.members.flatMap((m) => (m.kind === 'use' ? [m.path] : []))
          : item.members.flatMap((m) => (m.kind === 'include' ? [m.path] : []));
      for (const path of paths) {
        if (path.kind !== 'local') continue;
        const edge = edgeOf(pkg, index, names, unit.uri, path.name);
        if (edge) edges[from].push(edge);
      }
    }
  }
  report(ctx, nodes, edges);
}

function fileNames(items: readonly A.PackageItemAst[]): FileNames {
  const names: FileNames = new Map();
  for (const item of items) {
    if (item.kind === 'toplevel-use') {
      const name = item.alias ?? (item.path.kind === 'local' ? item.path.name : item.path.names[item.path.names.length - 1]);
      if (name && !names.has(name.name)) names.set(name.name, item.path.kind === 'local' ? { local: item.path.name } : 'foreign');
    } else if (item.kind === 'interface' || item.kind === 'world') {
      if (!names.has(item.name.name)) names.set(item.name.name, { local: item.name });
    }
  }
  return names;
}

function edgeOf(pkg: PackageEntity, index: Map<Node, number>, names: FileNames, uri: string, used: A.Ident): Edge | undefined {
  const inFile = names.get(used.name);
  if (inFile === 'foreign') return undefined;
  const id = inFile ? inFile.local : used;
  const target = pkg.items.get(id.name);
  const to = target ? index.get(target) : undefined;
  // A name that is not there is reported as not found elsewhere.
  if (to === undefined) return undefined;
  return { to, name: id.name, reportUri: uri, reportRange: id.range, useRange: used.range };
}

/** Kahn's algorithm; then one report per cycle, in wit-parser's order. */
function report(ctx: ResolveContext, nodes: Node[], edges: Edge[][]): void {
  const remaining = edges.map((e) => e.length);
  const dependents: number[][] = nodes.map(() => []);
  edges.forEach((out, i) => {
    for (const e of out) dependents[e.to].push(i);
  });
  const queue: number[] = [];
  remaining.forEach((n, i) => {
    if (n === 0) queue.push(i);
  });
  for (let q = 0; q < queue.length; q++) {
    for (const d of dependents[queue[q]]) if (--remaining[d] === 0) queue.push(d);
  }
  if (queue.length === nodes.length) return;
  // Left-over items already explained by a reported cycle (they lead into it).
  const explained = new Uint8Array(nodes.length);
  const open = (i: number) => remaining[i] > 0 && !explained[i];
  for (let start = 0; start < nodes.length; start++) {
    if (!open(start)) continue;
    const edge = edges[start].find((e) => open(e.to));
    if (!edge) continue;
    const cycle = cycleFrom(edge.to, edges, open);
    const related: DiagnosticRelatedInformation[] = cycle.map(({ node, via }) => ({
      location: { uri: nodes[node].uri, range: via.useRange },
      message: `\`${nameOf(nodes[node])}\` ${nodes[node].kind === 'world' ? 'includes' : 'uses'} \`${via.name}\``,
    }));
    const d = errorDiagnostic(edge.reportRange, `interface or world \`${edge.name}\` depends on itself`, 'use-cycle');
    d.relatedInformation = related;
    ctx.sink.push(edge.reportUri, d);
    explainDependents(
      cycle.map((c) => c.node),
      dependents,
      remaining,
      explained,
    );
    explained[start] = 1;
  }
}

/** The cycle reached from `from`: each member with its edge to the next, first left-over edge each time. */
function cycleFrom(from: number, edges: Edge[][], open: (i: number) => boolean): Array<{ node: number; via: Edge }> {
  const seenAt = new Map<number, number>();
  const walk: Array<{ node: number; via: Edge }> = [];
  let cur = from;
  while (!seenAt.has(cur)) {
    seenAt.set(cur, walk.length);
    // Every left-over item has an edge to another left-over item.
    const via = edges[cur].find((e) => open(e.to))!;
    walk.push({ node: cur, via });
    cur = via.to;
  }
  return walk.slice(seenAt.get(cur)!);
}

function explainDependents(members: number[], dependents: number[][], remaining: number[], explained: Uint8Array): void {
  const stack = members.filter((m) => !explained[m]);
  for (const m of stack) explained[m] = 1;
  while (stack.length) {
    const n = stack.pop()!;
    for (const d of dependents[n]) {
      if (remaining[d] > 0 && !explained[d]) {
        explained[d] = 1;
        stack.push(d);
      }
    }
  }
}

function nameOf(n: Node): string {
  return n.kind === 'world' ? n.name : (n.name ?? n.model.qualified);
}
