// "Show Resolved Package": the package of a file as the server resolved it,
// as WIT: every interface of every file of the package with its types and
// functions, and every world with its elaborated imports and exports (the
// interfaces wit-parser adds implicitly are marked).
import type { Analysis, PackageModel, WitSymbol, WorldItemModel } from '../model';

export function printResolvedPackage(analysis: Analysis, uri: string): string {
  const pkg = analysis.packages.find((p) => p.uris.includes(uri));
  if (!pkg) return '// This file belongs to no package: it has no `package` declaration.\n';
  const out: string[] = [`// ${pkg.name} as resolved by wit-language-server, from ${pkg.uris.length} file(s).`];
  if (pkg.dependencies.length) out.push(`// Depends on: ${pkg.dependencies.map((d) => d.name).join(', ')}`);
  out.push(`package ${pkg.name};`, '');
  for (const i of pkg.interfaces) {
    if (i.uses.length) out.push(`// uses types of ${i.uses.map((u) => u.qualified).join(', ')}`);
    out.push(...gates(i.symbol), `interface ${i.name} {`);
    for (const member of i.symbol?.children ?? []) out.push(...printMember(member, '    '));
    out.push('}', '');
  }
  for (const w of pkg.worlds) {
    out.push(...gates(w.symbol), `world ${w.name} {`);
    for (const item of w.imports) out.push(...printWorldItem('import', item, pkg));
    for (const item of w.exports) out.push(...printWorldItem('export', item, pkg));
    out.push('}', '');
  }
  return out.join('\n');
}

function gates(s: WitSymbol | undefined): string[] {
  return s?.gates ?? [];
}

function printMember(s: WitSymbol, indent: string): string[] {
  const lines = gates(s).map((g) => indent + g);
  switch (s.kind) {
    case 'func':
      return [...lines, `${indent}${s.detail};`];
    case 'type':
      // A `use ... as` alias: shown as the use it is.
      return s.detail.startsWith('use ') ? [...lines, `${indent}// ${s.detail}`] : [...lines, `${indent}${s.detail};`];
    case 'resource':
      if (!s.children.length) return [...lines, `${indent}${s.detail};`];
      return [
        ...lines,
        `${indent}${s.detail} {`,
        ...s.children.flatMap((c) => [...gates(c).map((g) => indent + '    ' + g), `${indent}    ${c.detail};`]),
        `${indent}}`,
      ];
    case 'record':
    case 'variant':
    case 'enum':
    case 'flags':
      return [...lines, `${indent}${s.detail}`];
    default:
      return [];
  }
}

function printWorldItem(dir: 'import' | 'export', item: WorldItemModel, pkg: PackageModel): string[] {
  const implicit = item.explicit ? '' : '  // implied: used by another import or export';
  if (item.kind === 'interface') {
    const iface = item.interface;
    if (iface && !iface.name)
      return [`    ${dir} ${item.key}: interface { /* ${iface.functions.length} functions, ${iface.types.length} types */ }${implicit}`];
    const name = iface?.package === pkg && iface.name ? iface.name : item.key;
    return [`    ${dir} ${item.key === iface?.qualified ? name : `${item.key}: ${name}`};${implicit}`];
  }
  if (item.kind === 'function') {
    const sig = item.symbol?.detail.replace(/^[^:]+:\s*/, '') ?? 'func()';
    return [`    ${dir} ${item.key}: ${sig};`];
  }
  return [`    // ${dir} type ${item.key}`];
}
