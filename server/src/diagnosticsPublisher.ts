// Publishes diagnostics for every file a change can affect (the whole package
// root: its files and its deps/), and clears files that no longer have any.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { WitLanguageService } from './core/index';
import type { Settings } from './settings';
import { CompatibilityBases } from './compatibilityBase';

export class DiagnosticsPublisher {
  /** uri -> number of diagnostics last published (to clear stale ones). */
  private published = new Map<string, number>();
  private pendingRoots = new Set<string>();
  private scheduled = false;
  /** Bumped by every change; a publication waits until it stops moving (see `schedule`). */
  private changes = 0;
  /** When the last change arrived, and whether it came within BURST_GAP_MS of the one before. */
  private lastChangeAt = -Infinity;
  private inBurst = false;
  private publishedSinceChange = true;

  /** Checkouts of `wit.compatibility.base`, for the diagnostics of changes against it. */
  private readonly bases: CompatibilityBases;

  constructor(
    private readonly connection: Connection,
    private readonly settings: Settings,
  ) {
    this.bases = new CompatibilityBases((m) => connection.console.warn(m));
  }

  /**
   * Publishes once the queue of incoming notifications has drained: a burst of
   * edits (key repeat, a paste of many files, 100 edits 3 ms apart) is analysed
   * once, at its newest version, instead of once per edit in turn: so no
   * publication is ever older than an edit already received, and the last one
   * follows the last edit by about one analysis. vscode-jsonrpc hands over one
   * queued message per event-loop turn (setImmediate), so "drained" is a turn
   * in which no change arrived; an edit alone waits two turns (microseconds).
   *
   * Draining is not enough inside a burst: edits 3 ms apart each find the queue
   * empty, and an analysis started for one of them (15-30 ms, the event loop
   * held) makes the last edit wait for it and then for its own. So a change
   * that came less than BURST_GAP_MS after the one before (with no publication
   * between) waits until the edits have been quiet that long; an edit after a
   * pause (a keystroke, key repeat at 30 ms) is still analysed at once.
   */
  schedule(service: WitLanguageService, uri: string): void {
    this.pendingRoots.add(uri);
    this.changes++;
    const now = performance.now();
    // Edits that each wait for their diagnostics (a bench, a slow typist on a
    // fast machine) are no burst, however close: a publication came between.
    this.inBurst = now - this.lastChangeAt < BURST_GAP_MS && !this.publishedSinceChange;
    this.lastChangeAt = now;
    this.publishedSinceChange = false;
    if (this.scheduled) return;
    this.scheduled = true;
    let seen = this.changes;
    let quietTurns = 0;
    const settle = () => {
      if (this.changes !== seen) {
        seen = this.changes;
        quietTurns = 0;
      } else if (++quietTurns >= 2) {
        const wait = this.inBurst ? this.lastChangeAt + BURST_GAP_MS - performance.now() : 0;
        if (wait > 0) {
          setTimeout(settle, wait);
          return;
        }
        this.scheduled = false;
        const uris = [...this.pendingRoots];
        this.pendingRoots.clear();
        this.publish(service, uris);
        return;
      }
      setImmediate(settle);
    };
    setImmediate(settle);
  }

  republishAll(service: WitLanguageService): void {
    this.publish(service, [...service.openDocumentUris()]);
  }

  private publish(service: WitLanguageService, uris: string[]): void {
    this.publishedSinceChange = true;
    const enabled = this.settings.value.diagnostics.enable;
    const spillHints = this.settings.value.canonicalAbi.spillHints;
    const done = new Set<string>();
    for (const uri of uris) {
      if (done.has(uri)) continue;
      const result = service.diagnostics(uri);
      const compatibility = this.settings.value.compatibility;
      const changes = enabled && compatibility.base ? this.bases.diagnostics(service, uri, compatibility) : undefined;
      for (const [fileUri, diagnostics] of result) {
        if (done.has(fileUri)) continue;
        done.add(fileUri);
        let list = !enabled ? [] : spillHints ? [...diagnostics, ...service.canonicalAbiSpillHints(fileUri)] : diagnostics;
        const changed = changes?.get(fileUri);
        if (changed?.length) list = [...list, ...changed];
        if (list.length === 0 && !this.published.get(fileUri) && !service.isOpen(fileUri)) continue;
        this.published.set(fileUri, list.length);
        void this.connection.sendDiagnostics({ uri: fileUri, version: service.versionOf(fileUri), diagnostics: capped(list) });
      }
    }
  }
}

/**
 * Changes closer together than this are one burst, published once it ends:
 * above the gap of a paste or macro (0-5 ms), below key repeat (30 ms).
 */
const BURST_GAP_MS = 8;

/**
 * At most this many diagnostics per file go to the editor: a mutated file once
 * had 74,000 (one broken `use` repeated), which no one reads and which took
 * seconds to send. The first ones in the file are kept, and one more says how
 * many were left out (`wit-devkit check` still reports them all).
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

function capped(list: Diagnostic[]): Diagnostic[] {
  if (list.length <= MAX_PUBLISHED_DIAGNOSTICS) return list;
  const byPosition = [...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const kept = byPosition.slice(0, MAX_PUBLISHED_DIAGNOSTICS);
  const last = kept[kept.length - 1].range;
  const more = {
    range: last,
    severity: DiagnosticSeverity.Information,
    source: 'wit',
    message: `${list.length - MAX_PUBLISHED_DIAGNOSTICS} more problems in this file are not shown (the first ${MAX_PUBLISHED_DIAGNOSTICS} are)`,
  };
  return [...kept, more];
}
