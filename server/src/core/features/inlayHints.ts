// Inlay hints: the version a foreign package reference resolves to, when the
// reference leaves it out (`use wasi:io/streams.{...}` shows `@0.2.0`).
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { WitDocument } from '../document';
import { forEachNode } from './treeWalk';

export function inlayHints(analysis: Analysis, doc: WitDocument, range: Range): InlayHint[] {
  const from = doc.offsetAt(range.start),
    to = doc.offsetAt(range.end);
  const versions = new Map<string, string[]>();
  for (const p of analysis.packages) {
    const at = p.name.indexOf('@');
    if (at < 0) continue;
    const bare = p.name.slice(0, at);
    versions.set(bare, [...(versions.get(bare) ?? []), p.name.slice(at + 1)]);
  }
  const out: InlayHint[] = [];
  forEachNode(doc.tree.rootNode, (node) => {
    if (node.endIndex < from || node.startIndex > to) return 'skip';
    if (node.type !== 'use_path') return undefined;
    if (node.childForFieldName('version') || !node.children.some((c) => c?.type === ':')) return 'skip';
    const slash = node.children.findIndex((c) => c?.type === '/');
    const bare = node.children
      .slice(0, slash)
      .map((c) => c!.text)
      .join('');
    const found = versions.get(bare);
    // Only when exactly one version is around: otherwise the reference is ambiguous (and reported).
    if (found?.length === 1) {
      out.push({
        position: doc.positionAt(node.endIndex),
        label: `@${found[0]}`,
        kind: InlayHintKind.Type,
        tooltip: `resolves to ${bare}@${found[0]}`,
        paddingLeft: false,
      });
    }
    return 'skip';
  });
  return out;
}
