// The canonical ABI section of a hover, as Markdown: what the facts (facts.ts)
// say, in the words of the spec (`canon lower`, `canon lift`, spill, realloc).
import type { AbiFacts, CoreSignatureFacts, FunctionAbiFacts, TypeAbiFacts } from './facts';
import type { Options } from './functions';
import type { Spill } from './flatten';

const SCHEME_NOTE = {
  legacy: 'legacy core names (wit-bindgen, componentize-py, TinyGo)',
  standard32: 'standard32 core names (`cm32p2|`, wasm-tools `--dummy`)',
} as const;

/** `(param i32 i32) (result i32)`, as the core module's text format writes it. */
export function watSignature(sig: CoreSignatureFacts): string {
  const parts: string[] = [];
  if (sig.params.length) parts.push(`(param ${sig.params.join(' ')})`);
  if (sig.results.length) parts.push(`(result ${sig.results.join(' ')})`);
  return parts.length ? parts.join(' ') : '(func)';
}

export function abiHoverSection(facts: AbiFacts): string {
  return facts.kind === 'type' ? typeSection(facts) : functionSection(facts);
}

function typeSection(t: TypeAbiFacts): string {
  const holds = [
    t.memory ? 'points into linear memory (strings or lists)' : '',
    t.handles ? 'carries handles (resources, futures or streams)' : '',
  ]
    .filter(Boolean)
    .join('; ');
  const lines = [
    `**Canonical ABI**: size ${t.size}, align ${t.align}; flattens to \`${t.flat.join(' ') || '(nothing)'}\``,
    holds ? `Owns: ${holds}` : 'Plain bits: no memory, no handles',
  ];
  if (t.resource) {
    const r = t.resource,
      e = r.exported;
    const imp = (n: { module: string; name: string }) => `\`(import "${n.module}" "${n.name}")\``;
    lines.push(`Imported: drop ${imp(r.drop)}`);
    lines.push(`Exported: ${imp(e.drop)}, ${imp(e.new)}, ${imp(e.rep)}, destructor \`(export "${e.dtor}")\``);
  }
  return lines.join('  \n');
}

function functionSection(f: FunctionAbiFacts): string {
  const lines = [`**Canonical ABI** · ${SCHEME_NOTE[f.scheme]}`];
  const imp = `\`(import "${f.import.module}" "${f.import.name}")\` \`${watSignature(f.lower)}\``;
  lines.push(`- import (\`canon lower${f.async ? ' async' : ''}\`): ${imp}${optionsNote(f.import.options)}`);
  lines.push(
    `- export (\`canon lift${f.async ? ' async callback' : ''}\`): \`(export "${f.export.name}")\` \`${watSignature(f.lift)}\`${optionsNote(f.export.options)}`,
  );
  if (f.export.postReturn)
    lines.push(
      `- post-return: \`${f.export.postReturn.name}\` \`${watSignature(f.export.postReturn)}\`${f.export.options.postReturn ? ' (frees what the result points to)' : ' (nothing to free)'}`,
    );
  if (f.export.callback)
    lines.push(
      `- callback: \`${f.export.callback}\`; result through \`(import "${f.export.taskReturn!.module}" "${f.export.taskReturn!.name}")\``,
    );
  for (const note of spillNotes('import', f.import.spill).concat(spillNotes('export', f.export.spill))) lines.push(`- ${note}`);
  return lines.join('\n');
}

function optionsNote(o: Options): string {
  const needs = [o.memory ? 'memory' : '', o.realloc ? 'realloc' : ''].filter(Boolean);
  return needs.length ? `; needs ${needs.join(', ')}` : '';
}

export function spillNotes(side: 'import' | 'export', s: Spill): string[] {
  const out: string[] = [];
  if (s.params)
    out.push(
      `${side}: parameters flatten to ${s.params.flat} core values, over ${s.params.limit}: passed in memory behind one \`i32\` pointer`,
    );
  if (s.results && s.results.limit > 0) {
    out.push(
      `${side}: the result flattens to ${s.results.flat} core values, over ${s.results.limit}: ${side === 'import' ? 'written where a trailing `i32` parameter points' : 'returned as an `i32` pointer'}`,
    );
  }
  return out;
}
