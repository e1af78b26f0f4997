// Inlay hints after each function's signature: the core signature its import
// lowers to (`canon lower`), with the spill shown, when the setting asks.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { flattenSymbols } from '../features/symbolAt';
import { typeIndexOf } from './typeIndex';
import { abiFunction, lowered, naturalLowering } from './functions';
import { watSignature } from './hoverSection';

const FUNCTION_KINDS = new Set(['func', 'constructor', 'method', 'static', 'import', 'export']);

export function abiInlayHints(analysis: Analysis, uri: string, range: Range): InlayHint[] {
  const index = typeIndexOf(analysis);
  const out: InlayHint[] = [];
  for (const s of flattenSymbols(analysis.symbolsByUri.get(uri) ?? [])) {
    if (s.uri !== uri || !FUNCTION_KINDS.has(s.kind)) continue;
    if (s.range.end.line < range.start.line || s.range.start.line > range.end.line) continue;
    const f = abiFunction(index, s);
    if (!f || f.unknown) continue;
    const how = naturalLowering(f);
    const sig = lowered(f, how);
    const spilled = sig.spill.params ? ' · params in memory' : '';
    out.push({
      position: s.range.end,
      label: ` core ${watSignature(sig)}${spilled}`,
      kind: InlayHintKind.Type,
      tooltip: `canon lower${how === 'async-lower' ? ' async' : ''}: the core signature of the import`,
      paddingLeft: true,
    });
  }
  // Symbols list types (with their methods) before functions: hints go in text order.
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
