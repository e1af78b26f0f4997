// The open WAC documents of the language server: their text (kept up to date from the
// editor's incremental changes), a check by the real wac after each pause in typing
// (debounced; results reused by wacCheckCache.ts when they cannot differ), diagnostics
// published from it, document symbols from the scanner, and the last composed component
// (the composition graph reads it). WIT documents never come here.
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DocumentSymbol,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { uriToPath } from '../core/index';
import { positionAt } from './wacCheck';
import { WacCheckCache } from './wacCheckCache';
import { scanWac, unusedLets } from './wacScanner';
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
    this.docs.set(uri, { doc: TextDocument.create(uri, 'wac', version, text), again: false, waiters: [], problems: [] });
    this.schedule(uri, 0);
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[], version: number): void {
    const entry = this.docs.get(uri);
    if (!entry) return;
    entry.doc = TextDocument.update(entry.doc, changes, version);
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
    for (const uri of this.docs.keys()) this.schedule(uri, this.debounceMs);
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

  private async run(uri: string, entry: Entry): Promise<void> {
    try {
      do {
        entry.again = false;
        const { doc } = entry;
        const diagnostics = await this.check(uri, doc.getText(), entry);
        if (this.docs.get(uri) !== entry) return;
        // A newer version is waiting: publish only the newest.
        if (!entry.again && !entry.timer) {
          entry.problems = diagnostics
            .filter((d) => d.severity === DiagnosticSeverity.Error)
            .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
          this.options.publish(uri, doc.version, diagnostics);
        }
      } while (entry.again);
    } catch (e) {
      this.options.log?.(`wac check of ${uri} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      entry.running = undefined;
      if (!entry.timer) for (const w of entry.waiters.splice(0)) w();
    }
  }

  private async check(uri: string, text: string, entry: Entry): Promise<Diagnostic[]> {
    // Syntax errors come from the tree, all at once (wac stops at its first); wac runs
    // only on a document that parses, for what only it knows (packages, types, arguments).
    const syntax = await this.syntaxErrors(uri, text);
    if (syntax.length) return syntax;
    if (!uri.startsWith('file:')) return [];
    const wac = this.options.findWac();
    if (!wac) {
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          source: 'wac',
          message: 'WAC documents are checked with the wac CLI, which is not on PATH (install: cargo install wac-cli).',
        },
      ];
    }
    const dir = path.dirname(uriToPath(uri));
    const depsDir = path.join(dir, 'deps');
    const result = await this.checks.check(text, { wac, depsDir, cwd: dir });
    if (result.composed) entry.composed = result.composed;
    const unused: Diagnostic[] = unusedLets(scanWac(text)).map((l) => ({
      range: { start: positionAt(text, l.nameSpan.start), end: positionAt(text, l.nameSpan.end) },
      severity: DiagnosticSeverity.Warning,
      source: 'wac-devkit',
      tags: [DiagnosticTag.Unnecessary],
      message: `instance \`${l.name}\` is never used: nothing takes its exports and the composition does not export it`,
    }));
    return [
      ...result.problems.map((p) => ({
        range: { start: p.start, end: p.end },
        severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: 'wac',
        message: p.message,
      })),
      ...unused,
    ];
  }
}
