// `wit.compatibility.base`: each package root's files as they are at a git
// ref, checked out once into a temporary folder (git archive, no shell) and
// kept until the setting changes, so that every publish of diagnostics can
// compare the working tree with it cheaply. A root outside git, or a ref that
// does not exist, gets no compatibility diagnostics (and one log line).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { pathToUri, uriToPath, type WitLanguageService } from './core/index';
import { checkoutBase } from './cli/gitBase';

export interface CompatibilitySetting {
  /** A git ref; empty: off. */
  base: string;
  breaking: 'warning' | 'error';
}

export class CompatibilityBases {
  /** Per package root folder: the base's copy of it, or null when it cannot be had. */
  private readonly checkouts = new Map<string, { dir: string; tempRoot: string } | null>();
  private ref = '';

  constructor(private readonly log: (message: string) => void) {
    process.once('exit', () => this.clear());
  }

  /** A new setting: forget every checkout (the ref may point elsewhere now). */
  configure(ref: string): void {
    if (ref === this.ref) return;
    this.clear();
    this.ref = ref;
  }

  /** The compatibility diagnostics of the root holding `uri`, by file; empty when off or not possible. */
  diagnostics(service: WitLanguageService, uri: string, setting: CompatibilitySetting): Map<string, Diagnostic[]> {
    this.configure(setting.base);
    if (!this.ref) return new Map();
    const rootFile = service.analysis(uri).packages.find((p) => !p.isDependency)?.uris[0];
    if (!rootFile) return new Map();
    const rootDir = path.dirname(uriToPath(rootFile));
    const base = this.checkout(rootDir);
    if (!base) return new Map();
    const first = fs.existsSync(base.dir)
      ? fs
          .readdirSync(base.dir)
          .filter((f) => f.endsWith('.wit'))
          .sort()[0]
      : undefined;
    // Not in the base at all: the whole package is new, nothing to compare with.
    if (!first) return new Map();
    return service.compatibilityDiagnostics(pathToUri(path.join(base.dir, first)), rootFile, {
      baseLabel: this.ref,
      breaking: setting.breaking,
    });
  }

  private checkout(rootDir: string): { dir: string; tempRoot: string } | null {
    const known = this.checkouts.get(rootDir);
    if (known !== undefined) return known;
    let result: { dir: string; tempRoot: string } | null = null;
    try {
      result = checkoutBase(this.ref, rootDir);
      const depsNow = path.join(rootDir, 'deps');
      if (!fs.existsSync(path.join(result.dir, 'deps')) && fs.existsSync(depsNow))
        fs.cpSync(depsNow, path.join(result.dir, 'deps'), { recursive: true });
    } catch (e) {
      this.log(`wit.compatibility.base: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.checkouts.set(rootDir, result);
    return result;
  }

  private clear(): void {
    for (const c of this.checkouts.values()) if (c) fs.rmSync(c.tempRoot, { recursive: true, force: true });
    this.checkouts.clear();
  }
}
