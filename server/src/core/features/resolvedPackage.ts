// "Show Resolved Package": the declarations of the package as the server resolved them.
import type { Analysis, WitSymbol } from '../model';

export function printResolvedPackage(analysis: Analysis, uri: string): string {
  const out: string[] = [];
  const walk = (s: WitSymbol, depth: number) => {
    out.push(`${'  '.repeat(depth)}${s.detail || `${s.kind} ${s.name}`}`);
    for (const c of s.children) walk(c, depth + 1);
  };
  for (const [fileUri, symbols] of analysis.symbolsByUri) {
    if (fileUri !== uri && !symbols.some((s) => s.kind === 'package')) continue;
    out.push(`// ${fileUri}`);
    for (const s of symbols) walk(s, 0);
  }
  return out.join('\n') + '\n';
}
