// The VS Code side of the manifests and the hover: problems of wkg.toml,
// wkg.lock and deps.toml as diagnostics while they are open, and on a foreign
// package reference in a WIT document a hover saying what it resolved to and
// from where (deps/ folder, lock entry, registry). The checks and the
// resolution are in manifests.ts and resolution.ts (vscode-free).
import * as os from 'node:os';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { checkManifest, manifestKind } from './manifests';
import { parsePackageRef } from './packageRef';
import { resolutionMarkdown, resolvePackage } from './resolution';
import { registryFor, wkgConfigPath } from './wkgToml';

const REF =
  /%?[a-z][a-z0-9]*(?:-[a-z0-9]+)*:%?[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\/%?[a-z][a-z0-9-]*)*(?:@\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)?/g;
const OWN = /^\s*package\s+(%?[a-z][a-z0-9-]*:%?[a-z][a-z0-9-]*)/m;

function wkgConfigText(): string | undefined {
  try {
    return readFileSync(wkgConfigPath(process.env, os.homedir()), 'utf8');
  } catch {
    return undefined;
  }
}

class ForeignPackageHover implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    if (doc.uri.scheme !== 'file') return undefined;
    const line = doc.lineAt(pos.line).text;
    if (/^\s*(?:\/\/|package\s)/.test(line)) return undefined;
    for (const m of line.matchAll(REF)) {
      const start = m.index ?? 0;
      if (pos.character < start || pos.character > start + m[0].length) continue;
      const ref = parsePackageRef(m[0]);
      const own = OWN.exec(doc.getText())?.[1]?.replace(/%/g, '');
      if (!ref || ref.key === own) return undefined;
      const packageDir = path.dirname(doc.uri.fsPath);
      const md = resolutionMarkdown(resolvePackage(packageDir, ref, registryFor(ref, wkgConfigText())));
      return new vscode.Hover(new vscode.MarkdownString(md), new vscode.Range(pos.line, start, pos.line, start + m[0].length));
    }
    return undefined;
  }
}

export function registerEditorFeatures(context: vscode.ExtensionContext): void {
  const problems = vscode.languages.createDiagnosticCollection('wit-packages');
  const check = (doc: vscode.TextDocument) => {
    const kind = doc.uri.scheme === 'file' ? manifestKind(doc.uri.fsPath) : undefined;
    if (!kind) return;
    problems.set(
      doc.uri,
      checkManifest(kind, doc.getText()).map((p) => {
        const d = new vscode.Diagnostic(
          new vscode.Range(p.line, p.start, p.line, p.end),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = kind;
        return d;
      }),
    );
  };
  context.subscriptions.push(
    problems,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => problems.delete(doc.uri)),
    vscode.languages.registerHoverProvider({ scheme: 'file', language: 'wit' }, new ForeignPackageHover()),
  );
  vscode.workspace.textDocuments.forEach(check);
}
