// Folding ranges: every braced block (packages, interfaces, worlds, resources,
// records, variants, enums, flags, inline interfaces), runs of comments, and
// runs of `use` lines.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { WitDocument } from '../document';
import type { Node } from '../parser';
import { forEachNode } from './treeWalk';

/** Nodes whose `{ ... }` folds. */
const BLOCKS = new Set([
  'nested_package',
  'interface_item',
  'world_item',
  'resource_item',
  'inline_interface',
  'record_item',
  'variant_item',
  'enum_item',
  'flags_item',
  'use_item',
  'include_item',
]);

export function foldingRanges(doc: WitDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const comments: Node[] = [];
  const uses: Node[] = [];
  forEachNode(doc.tree.rootNode, (node) => {
    if (BLOCKS.has(node.type)) {
      const open = firstChildOfType(node, '{') ?? firstBodyOpen(node);
      const close = lastChildOfType(node, '}') ?? lastBodyClose(node);
      if (open && close) {
        const start = open.startPosition.row,
          end = close.startPosition.row - 1;
        if (end > start) out.push({ startLine: start, endLine: end });
      }
    }
    if (node.type === 'block_comment' && node.endPosition.row > node.startPosition.row) {
      out.push({ startLine: node.startPosition.row, endLine: node.endPosition.row, kind: FoldingRangeKind.Comment });
    }
    if (node.type === 'line_comment') comments.push(node);
    if (node.type === 'toplevel_use' || node.type === 'use_item') uses.push(node);
  });
  out.push(...runs(comments, FoldingRangeKind.Comment), ...runs(uses, FoldingRangeKind.Imports));
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Consecutive lines holding one node each fold together. */
function runs(nodes: Node[], kind: string): FoldingRange[] {
  const out: FoldingRange[] = [];
  const sorted = [...nodes].sort((a, b) => a.startIndex - b.startIndex);
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].startPosition.row === sorted[j].endPosition.row + 1) j++;
    if (j > i) out.push({ startLine: sorted[i].startPosition.row, endLine: sorted[j].endPosition.row, kind });
    i = j + 1;
  }
  return out;
}

function firstChildOfType(node: Node, type: string): Node | undefined {
  for (let i = 0; i < node.childCount; i++) if (node.child(i)!.type === type) return node.child(i)!;
  return undefined;
}

function lastChildOfType(node: Node, type: string): Node | undefined {
  for (let i = node.childCount - 1; i >= 0; i--) if (node.child(i)!.type === type) return node.child(i)!;
  return undefined;
}

function body(node: Node): Node | undefined {
  return node.childForFieldName('body') ?? undefined;
}

function firstBodyOpen(node: Node): Node | undefined {
  const b = body(node);
  return b ? firstChildOfType(b, '{') : undefined;
}

function lastBodyClose(node: Node): Node | undefined {
  const b = body(node);
  return b ? lastChildOfType(b, '}') : undefined;
}
