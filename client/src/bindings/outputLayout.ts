// Where generated files go and which one the user sees first; pure, so the
// rules are tested without VS Code.
import type { BindingsLanguage, GeneratedFile } from '../../../common/protocol';
import { LANGUAGES } from '../../../common/bindingsLanguages';

/**
 * The output folder: `wit.bindings.outDir` when set (`${language}` in it is
 * replaced; relative paths are from the package folder), else a per-language
 * default like `bindings/rust`. Returned as a path relative to the package or absolute.
 */
export function outDirFor(language: BindingsLanguage, setting: string | undefined): string {
  const configured = setting?.trim();
  if (!configured) return LANGUAGES[language].defaultOutDir;
  return configured.split('${language}').join(language);
}

/** The bytes written for a generated file: base64 outputs decoded, text as UTF-8. */
export function fileBytes(file: GeneratedFile): Uint8Array {
  return file.encoding === 'base64' ? Buffer.from(file.text, 'base64') : new TextEncoder().encode(file.text);
}

/** `wasi:http/service@0.3.0` -> `service`. */
export function plainWorld(world: string | undefined): string | undefined {
  if (!world) return undefined;
  const name = world.slice(world.lastIndexOf('/') + 1);
  return name.split('@')[0];
}

const MAIN_EXTENSIONS: Record<BindingsLanguage, string[]> = {
  'typescript-host': ['.d.ts'],
  'typescript-guest': ['.d.ts'],
  rust: ['.rs'],
  c: ['.h', '.c'],
  cpp: ['.h', '.cpp'],
  csharp: ['.cs'],
  go: ['.go'],
  moonbit: ['.mbt'],
  markdown: ['.md'],
  python: ['__init__.py', '.py'],
};

/** The file to open after generation: the world's own file when there is one. */
export function mainFile(files: GeneratedFile[], language: BindingsLanguage, world: string | undefined): GeneratedFile | undefined {
  const name = plainWorld(world)?.replace(/-/g, '_');
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const stem = (p: string) =>
    base(p)
      .replace(/\.d\.ts$|\.[^.]+$/, '')
      .replace(/-/g, '_');
  const exts = MAIN_EXTENSIONS[language];
  const byDepth = [...files].sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
  for (const ext of exts) {
    const hit = byDepth.find((f) => f.path.endsWith(ext) && (name === undefined || stem(f.path) === name));
    if (hit) return hit;
  }
  for (const ext of exts) {
    const hit = byDepth.find((f) => f.path.endsWith(ext));
    if (hit) return hit;
  }
  return byDepth[0];
}

/** The file extension a preview document gets, for its highlighting. */
export function previewExtension(language: BindingsLanguage): string {
  return language === 'python' ? '.py' : MAIN_EXTENSIONS[language][0];
}

function comment(language: BindingsLanguage, text: string): string {
  if (language === 'python')
    return text
      .split('\n')
      .map((l) => `# ${l}`)
      .join('\n');
  if (language === 'markdown') return `<!--\n${text}\n-->`;
  return text
    .split('\n')
    .map((l) => `// ${l}`)
    .join('\n');
}

/** One read-only text for the preview: the main file first, then the others, each under a header. */
export function composePreview(files: GeneratedFile[], language: BindingsLanguage, world: string | undefined): string {
  const main = mainFile(files, language, world);
  const ordered = main ? [main, ...files.filter((f) => f !== main)] : files;
  return ordered
    .map(
      (f) =>
        `${comment(language, `---- ${f.path} ----`)}\n${f.encoding === 'base64' ? comment(language, '(binary file)') : f.text.trimEnd()}\n`,
    )
    .join('\n');
}

/** The preview when the WIT has errors: the reason on top, then the last good bindings if any. */
export function staleNotice(language: BindingsLanguage, reason: string, lastGood: string | undefined): string {
  const head = lastGood
    ? `The WIT has errors: showing the last bindings generated without errors.\n${reason}`
    : `No bindings yet: ${reason}`;
  return `${comment(language, head)}\n\n${lastGood ?? ''}`;
}
