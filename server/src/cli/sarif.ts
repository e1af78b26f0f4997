// `check --format sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts
// (upload-sarif): relative artifact URIs against %SRCROOT%, 1-based regions
// in UTF-16 columns (LSP's unit), a rule per kind of diagnostic, and a
// partial fingerprint so that code scanning can follow an alert across pushes.
import { createHash } from 'node:crypto';
import type { CheckResult } from './check';
import { messageText, severityName } from './checkReport';
import { displayPath } from './files';
import * as path from 'node:path';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function formatSarif(result: CheckResult, cwd: string, version: string): string {
  const ruleIds: string[] = [];
  const results = result.diagnostics.map(({ file, diagnostic: d }) => {
    const level = severityName(d);
    const ruleId = d.code !== undefined ? `wit/${d.code}` : `wit/${level}`;
    if (!ruleIds.includes(ruleId)) ruleIds.push(ruleId);
    const shown = displayPath(file, cwd);
    // Relative paths as URIs with forward slashes; outside the folder, a file URI.
    const uri = path.isAbsolute(shown)
      ? `file://${shown.split(path.sep).map(encodeURIComponent).join('/')}`
      : shown.split(path.sep).map(encodeURIComponent).join('/');
    return {
      ruleId,
      ruleIndex: ruleIds.indexOf(ruleId),
      level,
      message: { text: messageText(d) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: path.isAbsolute(shown) ? { uri } : { uri, uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
      partialFingerprints: {
        primaryLocationLineHash: createHash('sha256')
          .update(`${shown}\0${messageText(d)}`)
          .digest('hex')
          .slice(0, 16),
      },
    };
  });
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wit-devkit',
            version,
            rules: ruleIds.map((id) => ({
              id,
              name: id.replace(/^wit\//, 'wit-'),
              shortDescription: { text: describeRule(id) },
              defaultConfiguration: { level: id.endsWith('/warning') ? 'warning' : 'error' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileUri(cwd)}/` } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function describeRule(id: string): string {
  if (id === 'wit/error') return 'A WIT syntax or resolution error (what wit-parser rejects)';
  if (id === 'wit/warning') return 'A WIT warning';
  return `WIT diagnostic ${id.slice(4)}`;
}

function pathToFileUri(p: string): string {
  return `file://${p.split(path.sep).map(encodeURIComponent).join('/')}`;
}
