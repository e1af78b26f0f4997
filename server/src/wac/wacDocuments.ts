// The open WAC documents of the language server: their text (kept up to date from the
// editor's incremental changes), the checker's own diagnostics published on every edit
// (syntax errors from the tree, then the semantic check of wacSemantics.ts: every error at
// once, no process), a check by the real wac after each pause in typing (debounced; results
// reused by wacCheckCache.ts when they cannot differ) merged into them (wacMerge.ts),
// document symbols from the tree, and the last composed component (the composition graph
// reads it). WIT documents never come here.
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type DocumentSymbol, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { uriToPath } from '../core/index';
import { positionAt } from './wacCheck';
import { WacCheckCache } from './wacCheckCache';
import { mergeWacDiagnostics, semanticDiagnostics } from './wacMerge';
import { wacPackage } from './wacPackages';
import { checkWacSemantics } from './wacSemantics';
import { wacDocumentSymbols } from './wacOutline';
import type { WacTrees } from './wacSyntaxTree';
import type { Tree } from '../core/index';

export const isWacUri = (uri: string): boolean => /\.wac$/i.test(uri.split(/[?#]/)[0]);

export interface WacDocumentsOptions {
  /** The wac executable, or undefined when there is none (then a notice is published). */
  findWac: () => string | undefined;
  publish: (uri: string, version: number | undefined, diagnostics: Diagnostic[]) => void;
  /** Pause after the last edit before wac runs. */
  debounceMs?: number;
  log?: (message: string) => void;
  /** The documents' syntax trees (tree-sitter-wac): syntax errors, symbols, tokens, folding. */
  syntax?: WacTrees;
}

interface Entry {
  doc: TextDocument;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  /** Another check was asked for while one ran. */
  again: boolean;
  composed?: Uint8Array;
  /** The messages of the problems last published. */
  problems: string[];
  /** Settles after the next publication (tests and the graph wait on it). */
  waiters: Array<() => void>;
  /** The version wac's answer was last published for (the checker's own then waits for the next edit). */
  checkedVersion?: number;
  /** The checker's own answer for the last text it checked (the wac check after the pause reuses it). */
  own?: { text: string; answer: Promise<OwnAnswer> };
}

interface OwnAnswer {
  syntax: boolean;
  diagnostics: Diagnostic[];
}

export class WacDocuments {
  private readonly docs = new Map<string, Entry>();
  /** The checks' answers, reused for the same text or the same tokens with the same deps. */
  readonly checks = new WacCheckCache();
  private readonly debounceMs: number;

  constructor(private readonly options: WacDocumentsOptions) {
    this.debounceMs = options.debounceMs ?? 150;
  }

  open(uri: string, text: string, version: number): void {
    const entry: Entry = { doc: TextDocument.create(uri, 'wac', version, text), again: false, waiters: [], problems: [] };
    this.docs.set(uri, entry);
    void this.publishOwn(uri, entry);
    this.schedule(uri, 0);
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[], version: number): void {
    const entry = this.docs.get(uri);
    if (!entry) return;
    entry.doc = TextDocument.update(entry.doc, changes, version);
    void this.publishOwn(uri, entry);
    this.schedule(uri, this.debounceMs);
  }

  close(uri: string): void {
    const entry = this.docs.get(uri);
    if (entry?.timer) clearTimeout(entry.timer);
    this.docs.delete(uri);
    this.options.syntax?.forget(uri);
    this.options.publish(uri, undefined, []);
  }

  /** Something under a deps folder changed: check every open document again. */
  recheckAll(): void {
    for (const [uri, entry] of this.docs) {
      // The components may differ now: the checker's own answer is found again too.
      entry.own = undefined;
      void this.publishOwn(uri, entry);
      this.schedule(uri, this.debounceMs);
    }
  }

  text(uri: string): string | undefined {
    return this.docs.get(uri)?.doc.getText();
  }

  /** The component the last successful check composed. */
  composed(uri: string): Uint8Array | undefined {
    return this.docs.get(uri)?.composed;
  }

  /** The messages of the problems last published for the document. */
  problems(uri: string): string[] {
    return this.docs.get(uri)?.problems ?? [];
  }

  /** Resolves once the checks asked for so far are published. */
  async settled(uri: string): Promise<void> {
    const entry = this.docs.get(uri);
    if (!entry || (!entry.timer && !entry.running)) return;
    await new Promise<void>((resolve) => entry.waiters.push(resolve));
  }

  /** The syntax tree of the document's current text; undefined when it is not open or has none. */
  async tree(uri: string): Promise<Tree | undefined> {
    const text = this.text(uri);
    return text === undefined || !this.options.syntax ? undefined : this.options.syntax.tree(uri, text);
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const tree = await this.tree(uri);
    return tree ? wacDocumentSymbols(tree) : [];
  }

  /** The document's syntax errors from its tree, worded as wac words them. */
  private async syntaxErrors(uri: string, text: string): Promise<Diagnostic[]> {
    const errors = (await this.options.syntax?.syntaxErrors(uri, text)) ?? [];
    return errors.map((e) => ({
      range: { start: positionAt(text, e.start), end: positionAt(text, e.end) },
      severity: DiagnosticSeverity.Error,
      source: 'wac',
      code: 'syntax-error',
      message: e.message,
    }));
  }

  private schedule(uri: string, delayMs: number): void {
    const entry = this.docs.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (entry.running) entry.again = true;
      else entry.running = this.run(uri, entry);
    }, delayMs);
  }

  private publishTo(uri: string, entry: Entry, version: number, diagnostics: Diagnostic[]): void {
    entry.problems = diagnostics
      .filter((d) => d.severity === DiagnosticSeverity.Error)
      .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
    this.options.publish(uri, version, diagnostics);
  }

  /** The checker's own diagnostics of the current text, published at once (wac's follow after the pause). */
  private async publishOwn(uri: string, entry: Entry): Promise<void> {
    const { doc } = entry;
    try {
      const { diagnostics } = await this.ownOnce(uri, entry, doc.getText());
      // Published only while it is the newest text and wac has not answered for it.
      if (this.docs.get(uri) === entry && entry.doc === doc && entry.checkedVersion !== doc.version)
        this.publishTo(uri, entry, doc.version, diagnostics);
    } catch (e) {
      this.options.log?.(`WAC check of ${uri} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async run(uri: string, entry: Entry): Promise<void> {
    try {
      do {
        entry.again = false;
        const { doc } = entry;
        const diagnostics = await this.check(uri, doc.getText(), entry);
        if (this.docs.get(uri) !== entry) return;
        // A newer version is waiting: publish only the newest.
        if (!entry.again && !entry.timer && entry.doc === doc) {
          entry.checkedVersion = doc.version;
          this.publishTo(uri, entry, doc.version, diagnostics);
        }
      } while (entry.again);
    } catch (e) {
      this.options.log?.(`wac check of ${uri} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      entry.running = undefined;
      if (!entry.timer) for (const w of entry.waiters.splice(0)) w();
    }
  }

  /**
   * What the checker finds by itself: the syntax errors when there are any (wac stops at the
   * parse too), else the semantic check against the components of the document's deps/.
   */
  private ownOnce(uri: string, entry: Entry, text: string): Promise<OwnAnswer> {
    if (entry.own?.text !== text) entry.own = { text, answer: this.own(uri, text) };
    return entry.own.answer;
  }

  private async own(uri: string, text: string): Promise<OwnAnswer> {
    const syntax = await this.syntaxErrors(uri, text);
    if (syntax.length) return { syntax: true, diagnostics: syntax };
    const tree = uri.startsWith('file:') ? await this.options.syntax?.tree(uri, text) : undefined;
    if (!tree) return { syntax: false, diagnostics: [] };
    const depsDir = path.join(path.dirname(uriToPath(uri)), 'deps');
    const parseWit = await this.options.syntax?.parseWit();
    const problems = checkWacSemantics(tree, text, (name, version) => wacPackage(depsDir, name, version, parseWit));
    return { syntax: false, diagnostics: semanticDiagnostics(problems, text) };
  }

  private async check(uri: string, text: string, entry: Entry): Promise<Diagnostic[]> {
    // Syntax errors come from the tree, all at once (wac stops at its first); wac runs
    // only on a document that parses, for what only it knows (its own type checks).
    const { syntax, diagnostics: own } = await this.ownOnce(uri, entry, text);
    if (syntax || !uri.startsWith('file:')) return own;
    const wac = this.options.findWac();
    if (!wac) {
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          source: 'wac',
          message: 'WAC documents are checked with the wac CLI, which is not on PATH (install: cargo install wac-cli).',
        },
        ...own,
      ];
    }
    const dir = path.dirname(uriToPath(uri));
    const depsDir = path.join(dir, 'deps');
    const result = await this.checks.check(text, { wac, depsDir, cwd: dir });
    if (result.composed) entry.composed = result.composed;
    const theirs: Diagnostic[] = result.problems.map((p) => ({
      range: { start: p.start, end: p.end },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'wac',
      message: p.message,
    }));
    return mergeWacDiagnostics(own, theirs, result.code === 0, uri);
  }
}
