// The classified diff as Markdown: what `WIT: Compare Package With…` shows,
// each item linked to where it is declared on both sides (file links with a
// `#L<line>` fragment, which VS Code's Markdown preview opens at the line).
import type { Change, EvolutionReport, SurfaceItem } from './types';

const MARK: Record<Change['change'], string> = { added: '+', removed: '−', changed: '~' };

export function comparisonMarkdown(report: EvolutionReport, baseLabel: string, newLabel: string): string {
  const v = report.verdict;
  const out = [
    `# ${report.oldPackage} (${escape(baseLabel)}) → ${report.newPackage} (${escape(newLabel)})`,
    '',
    `**Verdict: ${v.ok ? 'ok' : 'fails'}**: the changes need a ${v.required} bump; ${v.from ?? '(no version)'} → ${v.to ?? '(no version)'}.`,
    ...v.errors.map((e) => `- error: ${e}`),
    ...v.warnings.map((w) => `- warning: ${w}`),
    '',
  ];
  if (!report.changes.length) out.push('No changes.');
  const counts = (side: 'importers' | 'exporters') => report.changes.filter((c) => c[side] === 'breaking').length;
  if (report.changes.length) {
    out.push(
      `${report.changes.length} change(s): ${counts('importers')} break components that import them, ${counts('exporters')} break components that export them.`,
      '',
    );
  }
  for (const c of report.changes) {
    const side = (s: string) => (s === 'breaking' ? '**breaking**' : s);
    const links = [link('base', c.old), link('now', c.new)].filter(Boolean).join(' · ');
    out.push(
      `- ${MARK[c.change]} \`${c.path}\` ${c.change}: importers ${side(c.importers)}, exporters ${side(c.exporters)}${links ? ` · ${links}` : ''}`,
    );
    for (const r of c.reasons) out.push(`  - ${escape(r)}`);
  }
  return out.join('\n') + '\n';
}

function link(label: string, item: SurfaceItem | undefined): string | undefined {
  if (!item?.uri || !item.range) return undefined;
  const line = item.range.start.line + 1;
  const file = decodeURIComponent(item.uri.split('/').pop() ?? '');
  return `[${label}: ${escape(file)}:${line}](${item.uri}#L${line})`;
}

/** Markdown's special characters, outside code spans (reasons quote WIT in backticks). */
function escape(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 ? part : part.replace(/([\\*_[\]<>|])/g, '\\$1')))
    .join('`');
}
