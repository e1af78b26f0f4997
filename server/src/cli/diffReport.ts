// How `diff` prints: `json` exactly as issue 14 specifies it
// ({"changes": [{"path", "change", "importers", "exporters"}], "verdict"}),
// `human` with the reasons behind each classification.
import type { EvolutionReport, Change } from '../core/index';

export function diffJson(report: EvolutionReport): string {
  const v = report.verdict;
  return (
    JSON.stringify(
      {
        changes: report.changes.map((c: Change) => ({ path: c.path, change: c.change, importers: c.importers, exporters: c.exporters })),
        verdict: { ok: v.ok, required: v.required, from: v.from ?? null, to: v.to ?? null, errors: v.errors, warnings: v.warnings },
      },
      null,
      2,
    ) + '\n'
  );
}

export function diffHuman(report: EvolutionReport, oldLabel: string, newLabel: string): string {
  const out: string[] = [`${report.oldPackage} (${oldLabel}) -> ${report.newPackage} (${newLabel})`];
  if (!report.changes.length) out.push('no changes');
  for (const c of report.changes) {
    const mark = c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~';
    out.push(`${mark} ${c.path}  ${c.change}  importers: ${c.importers}, exporters: ${c.exporters}`);
    for (const r of c.reasons) out.push(`    ${r}`);
  }
  const v = report.verdict;
  out.push('', `verdict: ${v.ok ? 'ok' : 'FAILS'} (needs a ${v.required} bump; ${v.from ?? '(no version)'} -> ${v.to ?? '(no version)'})`);
  for (const e of v.errors) out.push(`  error: ${e}`);
  for (const w of v.warnings) out.push(`  warning: ${w}`);
  return out.join('\n') + '\n';
}
