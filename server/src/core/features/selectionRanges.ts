// Selection ranges: from the token under the cursor out through every enclosing
// syntax node (type, parameter, function, interface, file), each range once.
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { WitDocument } from '../document';
import { ancestry } from './treeWalk';

export function selectionRanges(doc: WitDocument, positions: Position[]): SelectionRange[] {
  return positions.map((pos) => selectionAt(doc, doc.offsetAt(pos)));
}

function selectionAt(doc: WitDocument, offset: number): SelectionRange {
  const chain: Range[] = [];
  const at = doc.tree.rootNode.descendantForIndex(offset, offset);
  let last: { start: number; end: number } | undefined;
  for (const node of at ? ancestry(at) : []) {
    const start = node.startIndex,
      end = node.endIndex;
    if (last && last.start === start && last.end === end) continue;
    chain.push(doc.rangeOf(start, end));
    last = { start, end };
  }
  const whole = doc.rangeOf(0, doc.text.length);
  if (!last || last.start !== 0 || last.end !== doc.text.length) chain.push(whole);
  let result: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) result = { range: chain[i], parent: result };
  return result!;
}
