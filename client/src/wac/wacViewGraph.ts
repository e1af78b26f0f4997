// The composition graph of a WAC document, from the component wac composed of it (read by
// the component reader): its instances (wac names each after its `let`), which export
// satisfies which import, the composition's own imports (open: nothing inside satisfies
// them) and exports, each tied to the statement of the document it comes from. Only the
// composition's level: what is inside each instantiated component is the component
// viewer's business. No `vscode` import: unit-tested under Node.
import { componentGraph } from '../../../common/component/componentGraph';
import { readComponent } from '../../../common/component/reader';
import type { ViewGraph } from '../graph/messages';

export interface WacStatementRef {
  kind: 'let' | 'import' | 'export';
  name: string;
  /** Offsets of the name in the document. */
  start: number;
  end: number;
}

export interface WacGraph {
  graph: ViewGraph;
  /** Node id -> where in the document it comes from. */
  sources: Map<string, { start: number; end: number }>;
}

/** The let, import and export statements of a WAC document, by a light scan of its text. */
export function wacStatements(text: string): WacStatementRef[] {
  // Comments and strings blanked out (same length), so offsets stay true.
  const plain = text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"[^"\n]*"/g, (m) =>
    m.startsWith('"') ? `"${' '.repeat(m.length - 2)}"` : ' '.repeat(m.length),
  );
  const refs: WacStatementRef[] = [];
  const ID = '%?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*';
  const statement = new RegExp(`(?<![A-Za-z0-9%-])(let|import)\\s+(${ID})`, 'g');
  for (const m of plain.matchAll(statement)) {
    const start = (m.index ?? 0) + m[0].length - m[2].length;
    refs.push({ kind: m[1] as 'let' | 'import', name: m[2].replace(/^%/, ''), start, end: start + m[2].length });
  }
  for (const m of plain.matchAll(/(?<![A-Za-z0-9%-])export\s+([^;]*)/g)) {
    const body = m[1];
    const bodyStart = (m.index ?? 0) + m[0].length - body.length;
    // `as name` names it; else its last `.name` or `["name"]` (the real text, not the blanked one).
    const real = text.slice(bodyStart, bodyStart + body.length);
    const as = /\bas\s+("?)([^"\s;]+)\1\s*$/.exec(real);
    const access = /(?:\.(%?[A-Za-z][A-Za-z0-9-]*)|\["([^"]+)"\])\s*(?:\.\.\.)?\s*$/.exec(real);
    const name = as?.[2] ?? access?.[1] ?? access?.[2] ?? real.trim().replace(/\.\.\.$/, '');
    refs.push({ kind: 'export', name, start: bodyStart, end: bodyStart + real.trimEnd().length });
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** The graph of the component `bytes` that wac composed from the WAC document `text`. */
export function wacCompositionGraph(bytes: Uint8Array, text: string): WacGraph {
  const g = componentGraph(readComponent(bytes));
  const top = g.nodes.filter((n) => !n.parent);
  const ids = new Set(top.map((n) => n.id));
  const statements = wacStatements(text);
  const sources = new Map<string, { start: number; end: number }>();
  const find = (kind: WacStatementRef['kind'], name: string) => statements.find((s) => s.kind === kind && s.name === name);
  for (const n of top) {
    const shortName =
      n.label
        .replace(/@[^/]*$/, '')
        .split('/')
        .pop() ?? n.label;
    const ref =
      n.kind === 'instance'
        ? find('let', n.label)
        : n.kind === 'export'
          ? (find('export', n.label) ??
            find('export', shortName) ??
            statements.find((s) => s.kind === 'export' && (n.label.endsWith(`/${s.name}`) || n.label.includes(`/${s.name}@`))))
          : (find('import', n.label) ?? statements.find((s) => s.kind === 'import' && s.name === shortName));
    if (ref) sources.set(n.id, { start: ref.start, end: ref.end });
  }
  // An import no statement names was made by a `...`: it belongs to the let it feeds.
  for (const n of top) {
    if (n.kind !== 'import' || sources.has(n.id)) continue;
    const fed = g.edges.find((e) => e.from === n.id && sources.has(e.to));
    if (fed) sources.set(n.id, sources.get(fed.to)!);
  }
  const graph: ViewGraph = {
    nodes: top.map((n) => ({ id: n.id, kind: n.kind, label: n.label, detail: n.detail, open: n.open, revealable: sources.has(n.id) })),
    edges: g.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => ({ from: e.from, to: e.to, kind: e.kind, label: e.label })),
  };
  return { graph, sources };
}
