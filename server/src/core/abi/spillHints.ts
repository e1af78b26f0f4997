// An information-level hint on each function whose parameters spill to linear
// memory (more flat core values than `canon lower` passes as parameters: 16,
// or 4 for an async function), naming the parameters that cost the most.
// Off by default: a spill is legal, only slower (the caller copies a tuple).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { flattenSymbols } from '../features/symbolAt';
import { typeIndexOf } from './typeIndex';
import { abiFunction, naturalLowering } from './functions';
import { flattenFunction, flattenType } from './flatten';

const FUNCTION_KINDS = new Set(['func', 'constructor', 'method', 'static', 'import', 'export']);

export const SPILL_HINT_CODE = 'abi-param-spill';

export function spillHints(analysis: Analysis, uri: string): Diagnostic[] {
  const index = typeIndexOf(analysis);
  const out: Diagnostic[] = [];
  for (const s of flattenSymbols(analysis.symbolsByUri.get(uri) ?? [])) {
    if (s.uri !== uri || !FUNCTION_KINDS.has(s.kind)) continue;
    const f = abiFunction(index, s);
    if (!f || f.unknown) continue;
    const how = naturalLowering(f);
    const spill = flattenFunction(f, how).spill.params;
    if (!spill) continue;
    const costs = f.params
      .map((t, i) => ({ name: f.paramNames[i], n: flattenType(t).length }))
      .sort((a, b) => b.n - a.n)
      .slice(0, 3)
      .map((c) => `\`${c.name}\` (${c.n})`);
    out.push({
      range: s.nameRange,
      severity: DiagnosticSeverity.Information,
      source: 'wit canonical ABI',
      code: SPILL_HINT_CODE,
      message:
        `the parameters of \`${s.name}\` flatten to ${spill.flat} core values, more than the ${spill.limit} ${how === 'async-lower' ? 'an async `canon lower`' : '`canon lower`'} passes directly: ` +
        `they go through linear memory behind one i32 pointer. Most come from ${costs.join(', ')}.`,
    });
  }
  return out;
}
