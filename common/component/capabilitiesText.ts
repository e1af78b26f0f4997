// Capabilities as people read them: a Markdown page (`WIT: Show Capabilities`)
// and one line per capability (the component viewer's notes).
import type { Capability, CapabilityReport } from './capabilities';

const WHAT: Record<Capability, string> = {
  filesystem: 'files and folders the host preopens',
  network: 'sockets and HTTP',
  environment: 'environment variables, arguments and the working folder',
  clocks: 'wall and monotonic clocks',
  random: 'random numbers',
  stdio: 'stdin, stdout, stderr and terminals (and the streams they hand out)',
  exit: 'ending the process with a status',
  other: 'not WASI: a host or another component must provide it',
};

function groups(report: CapabilityReport): Map<Capability, string[]> {
  const out = new Map<Capability, string[]>();
  for (const i of report.imports) out.set(i.capability, [...(out.get(i.capability) ?? []), i.name]);
  return out;
}

export function capabilitySummary(report: CapabilityReport): string[] {
  if (!report.imports.length) return ['Reaches nothing outside itself: it imports nothing.'];
  return [...groups(report)].map(([c, names]) => `Reaches ${c} (${WHAT[c]}): ${names.join(', ')}`);
}

export function capabilitiesMarkdown(name: string, report: CapabilityReport): string {
  const lines = [`# Capabilities of ${name}`, '', 'A component can reach only what it imports; this is all of it.', ''];
  if (!report.imports.length) lines.push('It imports nothing.', '');
  for (const [c, names] of groups(report)) {
    lines.push(`## ${c}`, '', `${WHAT[c]}.`, '', ...names.map((n) => `- \`${n}\``), '');
  }
  lines.push(
    '## wasmtime',
    '',
    report.flags.length
      ? `\`wasmtime run ${report.flags.join(' ')} ${name}\` grants exactly these (\`--dir .\` is the working folder: name the ones it needs).`
      : `\`wasmtime run ${name}\` needs no grants.`,
    '',
  );
  if (report.imports.some((i) => i.capability === 'other'))
    lines.push('Its `other` imports must be provided by composing it with a component that exports them (`wac plug`).', '');
  if (report.nested.length) {
    lines.push('## Nested components', '');
    for (const n of report.nested)
      lines.push(
        `- ${n.path}${n.name ? ` (${n.name})` : ''}: ${n.imports.length ? n.imports.map((i) => `\`${i.name}\``).join(', ') : 'no imports'}`,
      );
    lines.push('');
  }
  return lines.join('\n');
}
