// `wit-devkit capabilities FILE.wasm`: what a built component imports, grouped
// by what it reaches, and the wasmtime flags that grant exactly that. JSON is
// `{"imports": [{"name", "capability"}], "flags": [...], "nested": [...]}`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotAComponentError, readComponent } from '../../../common/component/reader';
import { capabilitiesOf, type CapabilityReport } from '../../../common/component/capabilities';
import { InputError } from './files';

export function componentCapabilities(file: string, cwd: string): CapabilityReport {
  const abs = path.resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(abs);
  } catch {
    throw new InputError(`${file}: no such file`);
  }
  try {
    return capabilitiesOf(readComponent(bytes));
  } catch (e) {
    if (e instanceof NotAComponentError) throw new InputError(`${file}: not a component (${e.message})`);
    throw e;
  }
}

export function formatCapabilities(report: CapabilityReport, format: 'human' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const lines: string[] = [];
  const groups = new Map<string, string[]>();
  for (const i of report.imports) groups.set(i.capability, [...(groups.get(i.capability) ?? []), i.name]);
  if (!groups.size) lines.push('imports nothing: it reaches nothing outside itself');
  for (const [capability, names] of groups) lines.push(`${capability}:`, ...names.map((n) => `  ${n}`));
  lines.push(`wasmtime run flags: ${report.flags.length ? report.flags.join(' ') : '(none)'}`);
  for (const n of report.nested) {
    lines.push(
      `nested component ${n.path}${n.name ? ` (${n.name})` : ''}: ${n.imports.length ? n.imports.map((i) => `${i.name} [${i.capability}]`).join(', ') : 'no imports'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
