// Command lines of the external generators, as argument lists (never a shell
// string). Kept pure so that tests can pin them exactly to each tool's CLI:
//   wit-bindgen <lang> [LANG OPTS] --out-dir OUT --world WORLD WIT   (wit-bindgen's `Common` args)
//   componentize-py -d WIT -w WORLD bindings OUT           (componentize-py README)
import type { BindingsLanguage } from '../../../common/protocol';

/** wit-bindgen's subcommand for each language it generates. */
export const WIT_BINDGEN_SUBCOMMANDS: Partial<Record<BindingsLanguage, string>> = {
  rust: 'rust',
  c: 'c',
  cpp: 'cpp',
  csharp: 'csharp',
  go: 'go',
  moonbit: 'moonbit',
  markdown: 'markdown',
};

/**
 * Options a language cannot do without (wit-bindgen 0.63):
 * - rust: `--generate-all`; without it every interface the world uses must be
 *   mapped with `--with`, and the run fails with "missing either `--generate-all` or `--with ...`".
 * - csharp: `--runtime` is required; `native-aot` is the runtime componentize-dotnet builds with.
 */
export const WIT_BINDGEN_LANGUAGE_ARGS: Partial<Record<BindingsLanguage, string[]>> = {
  rust: ['--generate-all'],
  csharp: ['--runtime', 'native-aot'],
};

export interface ToolArgsInput {
  /** The WIT package directory (with its deps/). */
  witDir: string;
  /** The world; wit-bindgen and componentize-py accept qualified names (`wasi:http/proxy@0.2.0`). */
  world?: string;
  outDir: string;
}

export function witBindgenArgs(language: BindingsLanguage, { witDir, world, outDir }: ToolArgsInput): string[] {
  const sub = WIT_BINDGEN_SUBCOMMANDS[language];
  if (!sub) throw new Error(`wit-bindgen does not generate ${language}`);
  return [sub, ...(WIT_BINDGEN_LANGUAGE_ARGS[language] ?? []), '--out-dir', outDir, ...(world ? ['--world', world] : []), witDir];
}

export function componentizePyArgs({ witDir, world, outDir }: ToolArgsInput): string[] {
  return ['-d', witDir, ...(world ? ['-w', world] : []), 'bindings', outDir];
}

export interface ExternalTool {
  /** Executable name looked up on PATH. */
  command: string;
  /** The `wit.tools.*` setting that may point at it. */
  setting: string;
  /** How a user gets it, said plainly when it is missing. */
  install: string;
}

export const WIT_BINDGEN: ExternalTool = {
  command: 'wit-bindgen',
  setting: 'wit.tools.witBindgen',
  install: 'cargo install wit-bindgen-cli',
};

export const COMPONENTIZE_PY: ExternalTool = {
  command: 'componentize-py',
  setting: 'wit.tools.componentizePy',
  install: 'pip install componentize-py',
};

export function missingToolMessage(tool: ExternalTool): string {
  // The install command first: a collapsed notification shows only the start.
  return `${tool.command} not found. Install it with: ${tool.install} (or set ${tool.setting} to its path)`;
}
