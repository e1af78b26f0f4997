// The `wit.*` settings the server reads, pulled from the client with
// workspace/configuration and refreshed when they change (no restart needed).
import type { Connection, InitializeParams } from 'vscode-languageserver/node';

export interface WitServerSettings {
  diagnostics: { enable: boolean };
  format: { enable: boolean };
  inlayHints: { enable: boolean };
  /** Active `@unstable` features; undefined leaves the core's default. */
  features?: string[];
  /** `wit.tools.*` paths the server's generators start (empty: found on PATH). */
  tools: { witBindgen?: string; componentizePy?: string };
  /** `wit.canonicalAbi.*`: the spill hint and inlay hints (off by default), the core names hover shows. */
  canonicalAbi: { spillHints: boolean; inlayHints: boolean; nameScheme: 'legacy' | 'standard32' };
  /** `wit.compatibility.*`: the git ref changes are diagnosed against (empty: off), and how breaking ones show. */
  compatibility: { base: string; breaking: 'warning' | 'error' };
}

const defaults: WitServerSettings = {
  diagnostics: { enable: true },
  format: { enable: true },
  inlayHints: { enable: true },
  tools: {},
  canonicalAbi: { spillHints: false, inlayHints: false, nameScheme: 'legacy' },
  compatibility: { base: '', breaking: 'warning' },
};

export class Settings {
  private current: WitServerSettings = defaults;
  private canPull = false;
  private listeners: Array<() => void> = [];
  constructor(private readonly connection: Connection) {}

  init(params: InitializeParams): void {
    this.canPull = !!params.capabilities.workspace?.configuration;
  }

  get value(): WitServerSettings {
    return this.current;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  listen(): void {
    void this.refresh();
    this.connection.onDidChangeConfiguration(() => void this.refresh());
  }

  private async refresh(): Promise<void> {
    if (!this.canPull) return;
    const before = JSON.stringify(this.current);
    try {
      const [wit] = await this.connection.workspace.getConfiguration([{ section: 'wit' }]);
      this.current = merge(defaults, wit);
    } catch {
      this.current = defaults;
    }
    // Settings as they were re-check nothing: the first pull (at start, racing
    // the first didOpen) usually finds the defaults, and re-analysing every open
    // file for it doubled the time to the first diagnostics of a large file.
    if (JSON.stringify(this.current) === before) return;
    for (const l of this.listeners) l();
  }
}

function merge(d: WitServerSettings, raw: unknown): WitServerSettings {
  const r = (raw ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
  const path = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    diagnostics: { enable: bool(r.diagnostics?.enable, d.diagnostics.enable) },
    format: { enable: bool(r.format?.enable, d.format.enable) },
    inlayHints: { enable: bool(r.inlayHints?.enable, d.inlayHints.enable) },
    tools: { witBindgen: path(r.tools?.witBindgen), componentizePy: path(r.tools?.componentizePy) },
    canonicalAbi: {
      spillHints: bool(r.canonicalAbi?.spillHints, d.canonicalAbi.spillHints),
      inlayHints: bool(r.canonicalAbi?.inlayHints, d.canonicalAbi.inlayHints),
      nameScheme: r.canonicalAbi?.nameScheme === 'standard32' ? 'standard32' : 'legacy',
    },
    compatibility: {
      base: path(r.compatibility?.base) ?? '',
      breaking: r.compatibility?.breakingSeverity === 'error' ? 'error' : 'warning',
    },
    features: Array.isArray(r.features) ? (r.features as unknown[]).filter((f): f is string => typeof f === 'string') : undefined,
  };
}
