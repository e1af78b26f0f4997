// The messages between the graph webview and the extension, declared once for both
// sides. Everything the webview sends is untrusted input: parseWebviewMessage
// accepts only these shapes, with bounded strings, and drops anything else.

/** A graph as the webview draws it: the WIT graph and the component graph both fit. */
export interface ViewNode {
  id: string;
  kind: string;
  label: string;
  detail?: string;
  /** The compound node drawn around this one. */
  parent?: string;
  /** An import nothing satisfies. */
  open?: boolean;
  /** An item of a deps/ package. */
  dependency?: boolean;
  /** Plug fit: how well this import is satisfied. */
  status?: 'satisfied' | 'near-miss' | 'missing';
  /** Whether a click can reveal it somewhere (its declaration, its WIT). */
  revealable?: boolean;
}
export interface ViewEdge {
  from: string;
  to: string;
  kind: string;
  label?: string;
}
export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

export interface GraphMessage {
  type: 'graph';
  title: string;
  /** 'wit' offers a world filter; 'component' and 'plug' are read from binaries. */
  mode: 'wit' | 'component' | 'plug';
  graph: ViewGraph;
  /** WIT mode: the worlds to filter to, and the current one ('' = all). */
  worlds?: string[];
  world?: string;
  /** Lines shown beside the graph (plug fit reasons, reader problems). */
  notes?: string[];
  /** The component's WIT, for the .wasm editor's WIT tab. */
  wit?: string;
}
export interface ErrorMessage {
  type: 'error';
  message: string;
}
export type ToWebview = GraphMessage | ErrorMessage;

export type FromWebview =
  { type: 'ready' } | { type: 'reveal'; id: string } | { type: 'selectWorld'; world: string } | { type: 'exportSvg'; svg: string };

const MAX_ID = 2_000;
const MAX_SVG = 20_000_000;

function boundedString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

export function parseWebviewMessage(raw: unknown): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return boundedString(m.id, MAX_ID) ? { type: 'reveal', id: m.id } : undefined;
    case 'selectWorld':
      return boundedString(m.world, MAX_ID) ? { type: 'selectWorld', world: m.world } : undefined;
    case 'exportSvg':
      return boundedString(m.svg, MAX_SVG) && m.svg.trimStart().startsWith('<svg') ? { type: 'exportSvg', svg: m.svg } : undefined;
    default:
      return undefined;
  }
}
