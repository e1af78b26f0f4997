// Turns the graphs the server and the component reader produce into what the
// webview draws (the same shape for both; locations stay on this side).
import type { CompositionGraph } from '../../../common/protocol';
import type { ComponentGraph } from '../../../common/component/componentGraph';
import type { PlugFit } from '../../../common/component/plugFit';
import type { ViewGraph } from './messages';

export function toViewGraph(g: CompositionGraph): ViewGraph {
  return {
    nodes: g.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      parent: n.parent,
      dependency: n.dependency,
      revealable: n.uri !== undefined,
    })),
    edges: g.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind })),
  };
}

export function componentViewGraph(g: ComponentGraph): ViewGraph {
  return {
    nodes: g.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      detail: n.detail,
      parent: n.parent,
      open: n.open,
      revealable: true,
    })),
    edges: g.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind, label: e.label })),
  };
}

/** Plug fit as a graph: the provider's exports on the left feed the consumer's imports on the right. */
export function plugFitViewGraph(fit: PlugFit, providerExports: string[]): ViewGraph {
  const provider = `provider:${fit.provider}`;
  const consumer = `consumer:${fit.consumer}`;
  const g: ViewGraph = {
    nodes: [
      { id: provider, kind: 'provider', label: fit.provider },
      { id: consumer, kind: 'consumer', label: fit.consumer },
    ],
    edges: [],
  };
  for (const name of providerExports) g.nodes.push({ id: `export:${name}`, kind: 'export', label: name, parent: provider });
  for (const m of fit.matches) {
    const id = `import:${m.import}`;
    g.nodes.push({ id, kind: 'import', label: m.import, parent: consumer, status: m.status, detail: m.reasons.join('; ') || undefined });
    if (m.export)
      g.edges.push({
        from: `export:${m.export}`,
        to: id,
        kind: m.status,
        label: m.status === 'satisfied' ? undefined : m.status.replace('-', ' '),
      });
  }
  return g;
}

export function plugFitNotes(fit: PlugFit): string[] {
  return fit.matches.map((m) => {
    if (m.status === 'satisfied') return `✓ ${m.import} is satisfied by ${fit.provider}'s ${m.export}`;
    const head = m.status === 'missing' ? `✗ ${m.import}` : `≈ ${m.import} (near miss with ${m.export})`;
    return `${head}: ${m.reasons.join('; ')}`;
  });
}
