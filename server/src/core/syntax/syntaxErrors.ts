// Syntax errors from the tree-sitter tree, worded like wit-parser's
// ("expected `;`, found `}`"). Only the first error node of a run is reported:
// tree-sitter's recovery can split one mistake into several nodes.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Node } from '../parser';
import type { WitDocument } from '../document';
import { errorDiagnostic } from '../diagnostic';

export function syntaxErrors(doc: WitDocument): Diagnostic[] {
  const root = doc.tree.rootNode;
  if (!root.hasError) return [];
  const out: Diagnostic[] = [];
  const stack: Node[] = [root];
  let lastEnd = -1;
  while (stack.length) {
    const node = stack.pop()!;
    if (!node.hasError && !node.isMissing) continue;
    if (node.isMissing) {
      if (node.startIndex >= lastEnd) {
        const found = describeFound(doc, node.startIndex);
        const at = foundTokenRange(doc, node.startIndex);
        out.push(errorDiagnostic(doc.rangeOf(at.start, at.end), `expected ${describeExpected(node)}, found ${found}`));
        lastEnd = node.endIndex + 1;
      }
      continue;
    }
    if (node.type === 'ERROR') {
      if (node.startIndex >= lastEnd) {
        const first = firstToken(node);
        const start = first ? first.startIndex : node.startIndex;
        const end = first ? first.endIndex : Math.min(node.endIndex, start + 1);
        out.push(errorDiagnostic(doc.rangeOf(start, Math.max(end, start)), `unexpected ${describeNode(first ?? node)}`));
        lastEnd = node.endIndex;
      }
      continue;
    }
    for (let i = node.childCount - 1; i >= 0; i--) stack.push(node.child(i)!);
  }
  return out;
}

function firstToken(node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.childCount > 0) {
    // Skip comments: they are never the offending token.
    let next: Node | null = null;
    for (let i = 0; i < n.childCount; i++) {
      const c: Node = n.child(i)!;
      if (c.type !== 'line_comment' && c.type !== 'block_comment') { next = c; break; }
    }
    if (!next) break;
    n = next;
  }
  return n ?? undefined;
}

function describeExpected(node: Node): string {
  const t = node.type;
  if (t === 'identifier') return 'an identifier';
  if (/^[a-z_]+$/.test(t) && t.includes('_')) return t.replace(/_/g, ' ');
  return `'${t}'`;
}

function describeNode(node: Node): string {
  const text = node.text;
  if (node.type === 'identifier') return `an identifier \`${text.slice(0, 40)}\``;
  if (text.length === 0) return 'end of file';
  if (/^[a-z][a-z0-9-]*$/.test(node.type) && node.type === text) return `keyword \`${text}\``;
  return `'${text.slice(0, 40)}'`;
}

/** The token that starts at or after `offset`, as wit-parser would name it. */
function describeFound(doc: WitDocument, offset: number): string {
  const r = foundTokenRange(doc, offset);
  if (r.start >= doc.text.length) return 'eof';
  const text = doc.text.slice(r.start, r.end);
  if (/^[%a-zA-Z]/.test(text)) return `an identifier`;
  return `'${text}'`;
}

function foundTokenRange(doc: WitDocument, offset: number): { start: number; end: number } {
  const t = doc.text;
  let i = offset;
  // Skip whitespace and comments to the next real token.
  for (;;) {
    while (i < t.length && /\s/.test(t[i])) i++;
    if (t.startsWith('//', i)) { while (i < t.length && t[i] !== '\n') i++; continue; }
    if (t.startsWith('/*', i)) { const e = t.indexOf('*/', i + 2); i = e < 0 ? t.length : e + 2; continue; }
    break;
  }
  if (i >= t.length) return { start: t.length, end: t.length };
  const m = /^(%?[\p{L}\p{N}_-]+|->|.)/u.exec(t.slice(i, i + 200));
  return { start: i, end: i + (m ? m[0].length : 1) };
}
