// Keyboard navigation between nodes: arrow keys move the focus to the nearest node
// in that direction, Enter or Space reveals it, + / - zoom, 0 fits the graph.
import type { PlacedNode } from './layout';

export type Direction = 'left' | 'right' | 'up' | 'down';

/** The nearest node from `from` in a direction (a cone of 45° either side), if any. */
export function nearestInDirection(from: PlacedNode, nodes: PlacedNode[], dir: Direction): PlacedNode | undefined {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: PlacedNode | undefined;
  let bestScore = Infinity;
  for (const n of nodes) {
    if (n === from) continue;
    const dx = n.x + n.width / 2 - cx;
    const dy = n.y + n.height / 2 - cy;
    const along = dir === 'right' ? dx : dir === 'left' ? -dx : dir === 'down' ? dy : -dy;
    const across = dir === 'left' || dir === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0 || across > along * 1.5 + 20) continue;
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = n;
    }
  }
  return best;
}
