// The bindings languages and how each one is produced: TypeScript in process
// through jco, the others by the user's own wit-bindgen or componentize-py.
import type { BindingsLanguage } from './protocol';

export type GeneratorKind = 'jco' | 'wit-bindgen' | 'componentize-py';

export interface LanguageInfo {
  id: BindingsLanguage;
  label: string;
  generator: GeneratorKind;
  /** Where the files go when `wit.bindings.outDir` is not set (relative to the package). */
  defaultOutDir: string;
}

export const LANGUAGES: Record<BindingsLanguage, LanguageInfo> = {
  'typescript-host': { id: 'typescript-host', label: 'TypeScript (host, jco types)', generator: 'jco', defaultOutDir: 'bindings/ts-host' },
  'typescript-guest': {
    id: 'typescript-guest',
    label: 'TypeScript (guest, jco guest-types)',
    generator: 'jco',
    defaultOutDir: 'bindings/ts-guest',
  },
  rust: { id: 'rust', label: 'Rust (wit-bindgen)', generator: 'wit-bindgen', defaultOutDir: 'bindings/rust' },
  c: { id: 'c', label: 'C (wit-bindgen)', generator: 'wit-bindgen', defaultOutDir: 'bindings/c' },
  cpp: { id: 'cpp', label: 'C++ (wit-bindgen)', generator: 'wit-bindgen', defaultOutDir: 'bindings/cpp' },
  csharp: { id: 'csharp', label: 'C# (wit-bindgen)', generator: 'wit-bindgen', defaultOutDir: 'bindings/csharp' },
  go: { id: 'go', label: 'Go (wit-bindgen)', generator: 'wit-bindgen', defaultOutDir: 'bindings/go' },
  moonbit: { id: 'moonbit', label: 'MoonBit (wit-bindgen)', generator: 'wit-bindgen', defaultOutDir: 'bindings/moonbit' },
  markdown: { id: 'markdown', label: 'Markdown (wit-bindgen)', generator: 'wit-bindgen', defaultOutDir: 'bindings/markdown' },
  python: { id: 'python', label: 'Python (componentize-py)', generator: 'componentize-py', defaultOutDir: 'bindings/python' },
};

export function isBindingsLanguage(value: unknown): value is BindingsLanguage {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LANGUAGES, value);
}
