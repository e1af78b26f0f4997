// `wit-devkit diff OLD NEW` and `diff --base REF [DIR]`: both packages are
// analysed by one language service; each must resolve without errors (a
// broken side is bad input, exit 2), then the evolution engine compares them.
// Exit code 1 when the verdict fails (semver or `@since`), 0 otherwise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { SurfaceError, type WitLanguageService, type EvolutionReport } from '../core/index';
import { pathToUri, uriToPath } from '../core/index';
import type { DiffFormat } from './args';
import { InputError, displayPath } from './files';
import { checkoutBase } from './gitBase';
import { messageText } from './checkReport';
import { diffHuman, diffJson } from './diffReport';
import type { CliIo } from './run';

export interface DiffOptions {
  operands: string[];
  base?: string;
  format: DiffFormat;
}

export function runDiff(service: WitLanguageService, options: DiffOptions, io: CliIo): number {
  let tempRoot: string | undefined;
  try {
    let oldDir: string, newDir: string, oldLabel: string;
    if (options.base !== undefined) {
      newDir = packageDir(options.operands[0] ?? '.', io.cwd, 'the package folder');
      const base = checkoutBase(options.base, newDir);
      tempRoot = base.tempRoot;
      oldDir = base.dir;
      oldLabel = `${options.base}:${displayPath(newDir, io.cwd)}`;
      // deps/ is often fetched (wkg) and not committed: then the base uses today's.
      const depsNow = path.join(newDir, 'deps');
      if (!fs.existsSync(path.join(oldDir, 'deps')) && fs.existsSync(depsNow))
        fs.cpSync(depsNow, path.join(oldDir, 'deps'), { recursive: true });
    } else {
      oldDir = packageDir(options.operands[0], io.cwd, 'OLD');
      newDir = packageDir(options.operands[1], io.cwd, 'NEW');
      oldLabel = displayPath(oldDir, io.cwd);
    }
    const oldUri = rootUri(oldDir, oldLabel),
      newUri = rootUri(newDir, displayPath(newDir, io.cwd));
    requireClean(service, oldUri, oldLabel, io.cwd, tempRoot);
    requireClean(service, newUri, displayPath(newDir, io.cwd), io.cwd);
    let report: EvolutionReport;
    try {
      report = service.comparePackages(oldUri, newUri);
    } catch (e) {
      if (e instanceof SurfaceError) throw new InputError(e.message);
      throw e;
    }
    const newLabel = displayPath(newDir, io.cwd);
    // Markdown (a pull-request comment, the editor's Compare view) links both sides; a --base checkout is gone by then.
    io.stdout(
      options.format === 'json'
        ? diffJson(report)
        : options.format === 'markdown'
          ? service.comparisonMarkdown(oldUri, newUri, { base: oldLabel, now: newLabel })
          : diffHuman(report, oldLabel, newLabel),
    );
    return report.verdict.ok ? 0 : 1;
  } finally {
    if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
  }
}

function packageDir(operand: string, cwd: string, what: string): string {
  const abs = path.resolve(cwd, operand);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new InputError(`${what} ${operand}: no such folder`);
  }
  if (!stat.isDirectory()) throw new InputError(`${what} ${operand}: not a folder (diff compares package folders)`);
  return abs;
}

/** A file of the folder's root package: the service analyses the root that holds it. */
function rootUri(dir: string, label: string): string {
  const first = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.wit'))
    .sort()[0];
  if (!first) throw new InputError(`${label}: no .wit files in this folder`);
  return pathToUri(path.join(dir, first));
}

function requireClean(service: WitLanguageService, uri: string, label: string, cwd: string, tempRoot?: string): void {
  const errors: string[] = [];
  for (const [fileUri, list] of service.diagnostics(uri)) {
    for (const d of list) {
      if (d.severity !== undefined && d.severity !== DiagnosticSeverity.Error) continue;
      let file = uriToPath(fileUri);
      // A base checked out into a temporary folder is named by the ref.
      file = tempRoot && file.startsWith(tempRoot) ? path.relative(tempRoot, file) : displayPath(file, cwd);
      errors.push(`  ${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: error: ${messageText(d).replace(/\n/g, ' / ')}`);
    }
  }
  if (errors.length) {
    const shown = errors.slice(0, 10).join('\n') + (errors.length > 10 ? `\n  ... and ${errors.length - 10} more` : '');
    throw new InputError(
      `${label}: the package has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them before comparing:\n${shown}`,
    );
  }
}
