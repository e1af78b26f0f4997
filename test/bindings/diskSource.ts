// A BindingsSource over the disk with optional unsaved overlays: what the
// language service gives the generator, minus the parser (for tests that
// exercise generation alone).
import * as fs from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { BindingsSource } from '../../server/src/bindings/generateBindings';

export function diskSource(overlay: Record<string, string> = {}, diagnostics = new Map<string, Diagnostic[]>()): BindingsSource {
  return {
    textOf: (file) => overlay[file] ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined),
    openFiles: () => Object.keys(overlay),
    diagnostics: () => diagnostics,
  };
}
