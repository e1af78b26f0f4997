// The `wit.*` settings as the client sees them. The server pulls its own
// settings (diagnostics, format, inlay hints) over workspace/configuration and is
// told of changes through the client's configuration synchronisation, so they
// apply live; `wit.trace.server` is read by vscode-languageclient itself. The
// client reads them here only to show them (status bar) and react to changes.
import * as vscode from 'vscode';

export const CONFIG_SECTION = 'wit';

export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface WitClientConfig {
  traceServer: TraceLevel;
  diagnosticsEnabled: boolean;
  formatEnabled: boolean;
  inlayHintsEnabled: boolean;
}

export function readConfig(scope?: vscode.ConfigurationScope): WitClientConfig {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return {
    traceServer: c.get<TraceLevel>('trace.server', 'off'),
    diagnosticsEnabled: c.get<boolean>('diagnostics.enable', true),
    formatEnabled: c.get<boolean>('format.enable', true),
    inlayHintsEnabled: c.get<boolean>('inlayHints.enable', true),
  };
}

/** Calls `listener` with the new settings whenever any `wit.*` setting changes. */
export function onDidChangeConfig(listener: (config: WitClientConfig) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(CONFIG_SECTION)) listener(readConfig());
  });
}
