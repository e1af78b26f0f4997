// Document links on package references (`ns:pkg/iface@ver` in use, import,
// export and include): a click opens the file in deps/ that declares it.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { WitDocument } from '../document';
import { forEachNode, unescapeName } from './treeWalk';

export function documentLinks(analysis: Analysis, doc: WitDocument): DocumentLink[] {
  const out: DocumentLink[] = [];
  forEachNode(doc.tree.rootNode, (node) => {
    if (node.type !== 'use_path') return undefined;
    const parts = node.children.filter((c) => c !== null);
    const slash = parts.findIndex((c) => c.type === '/');
    if (slash < 0 || !parts.some((c) => c.type === ':')) return 'skip';
    const bare = parts
      .slice(0, slash)
      .map((c) => c.text)
      .join('');
    const version = node.childForFieldName('version')?.text;
    const ifaceName = unescapeName(parts[slash + 1]?.text ?? '');
    const pkg = analysis.packages.find((p) => {
      const at = p.name.indexOf('@');
      const pBare = at < 0 ? p.name : p.name.slice(0, at);
      const pVersion = at < 0 ? undefined : p.name.slice(at + 1);
      return pBare === bare && (!version || version === pVersion);
    });
    if (!pkg) return 'skip';
    const target =
      pkg.interfaces.find((i) => i.name === ifaceName)?.symbol?.uri ??
      pkg.worlds.find((w) => w.name === ifaceName)?.symbol?.uri ??
      pkg.uris[0];
    if (!target || target === doc.uri) return 'skip';
    out.push({ range: doc.rangeOf(node.startIndex, node.endIndex), target, tooltip: `Open ${pkg.name}` });
    return 'skip';
  });
  return out;
}
