// Hover: the item's WIT signature as written (gates included), its doc comment,
// where it comes from, the type behind an alias, and its canonical ABI (abi/).
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Analysis, WitSymbol } from '../model';
import type { WitDocument } from '../document';
import { symbolAt } from './symbolAt';
import { builtinHover } from './builtins';
import { identifierAt } from './treeWalk';
import { abiFactsOf, type AbiOptions } from '../abi/facts';
import { abiHoverSection } from '../abi/hoverSection';

export function hover(analysis: Analysis, doc: WitDocument, pos: Position, abi: AbiOptions = {}): Hover | null {
  const hit = symbolAt(analysis, doc, pos);
  if (hit) {
    const facts = abiFactsOf(analysis, hit.symbol, abi);
    const value = describeSymbol(hit.symbol) + (facts ? `\n\n---\n\n${abiHoverSection(facts)}` : '');
    return { contents: { kind: MarkupKind.Markdown, value }, range: hit.range };
  }
  return builtinAt(doc, pos);
}

/** The hover text of a symbol, as Markdown. */
export function describeSymbol(s: WitSymbol): string {
  const signature = [...s.gates, s.detail || `${s.kind} ${s.name}`].join('\n');
  const parts = ['```wit\n' + signature + '\n```'];
  if (s.resolvedType && !s.detail.includes(s.resolvedType)) parts.push(`Resolves to \`${s.resolvedType}\``);
  if (s.docs) parts.push(s.docs);
  const origin = originOf(s);
  if (origin) parts.push(origin);
  return parts.join('\n\n');
}

function originOf(s: WitSymbol): string | undefined {
  const chain: string[] = [];
  for (let c = s.container; c; c = c.container) {
    if (c.kind === 'package') continue;
    chain.unshift(`${c.kind} \`${c.name}\``);
  }
  const where = chain.length ? `${chain.join(' › ')}` : '';
  if (s.kind === 'package') return undefined;
  if (!where && !s.packageName) return undefined;
  return `*Defined in* ${[where, s.packageName ? `package \`${s.packageName}\`` : ''].filter(Boolean).join(' of ')}`;
}

/** Hovering a builtin type (`u32`, `list` ...) explains it. */
function builtinAt(doc: WitDocument, pos: Position): Hover | null {
  const offset = doc.offsetAt(pos);
  const node = doc.tree.rootNode.descendantForIndex(offset, offset);
  if (!node || node.isNamed || identifierAt(doc.tree, offset)) return null;
  const text = builtinHover(node.type);
  if (!text) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: text },
    range: doc.rangeOf(node.startIndex, node.endIndex),
  };
}
