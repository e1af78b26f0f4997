// Custom LSP requests of the WIT language server, declared once and imported by
// both the server and the VS Code client (and documented for other editors).
import { RequestType } from 'vscode-languageserver-protocol';
import type { AbiFacts, CompositionGraph, WorldSummary } from '../server/src/core/index';

// The analysis core declares the shapes of what it answers; the wire uses them as they are.
export type { CompositionGraph, GraphNode, GraphEdge, GraphNodeKind, GraphEdgeKind } from '../server/src/core/index';
export type { AbiFacts, FunctionAbiFacts, TypeAbiFacts, CoreSignatureFacts } from '../server/src/core/index';

export interface UriParams {
  uri: string;
}

/** `wit/syntaxTree`: the tree-sitter tree of a document, as an indented S-expression. */
export const SyntaxTreeRequest = new RequestType<UriParams, string, void>('wit/syntaxTree');

/** `wit/resolvedPackage`: the package of a document as the server resolved it (WIT text). */
export const ResolvedPackageRequest = new RequestType<UriParams, string, void>('wit/resolvedPackage');

/** A world of a package, as `wit/listWorlds` answers (declared by the analysis core). */
export type WorldInfo = WorldSummary;
/** `wit/listWorlds`: the worlds of the package of `uri`; `name` is qualified, e.g. `wasi:http/service@0.3.0`. */
export const ListWorldsRequest = new RequestType<UriParams, WorldInfo[], void>('wit/listWorlds');

export const BINDINGS_LANGUAGES = [
  'typescript-host',
  'typescript-guest',
  'rust',
  'c',
  'cpp',
  'csharp',
  'go',
  'moonbit',
  'markdown',
  'python',
] as const;
export type BindingsLanguage = (typeof BINDINGS_LANGUAGES)[number];
export interface GenerateBindingsParams {
  uri: string;
  world?: string;
  language: BindingsLanguage;
  outDir?: string;
}
/** `encoding: 'base64'` marks a binary output (wit-bindgen's C `*_component_type.o`); `text` is then base64. */
export interface GeneratedFile {
  path: string;
  text: string;
  encoding?: 'base64';
}
export interface GenerateBindingsResult {
  files: GeneratedFile[];
}
/** `wit/generateBindings`: bindings of a world, generated from the package as the editor holds it. */
export const GenerateBindingsRequest = new RequestType<GenerateBindingsParams, GenerateBindingsResult, void>('wit/generateBindings');

export interface CompositionGraphParams {
  uri: string;
  world?: string;
}
/** `wit/compositionGraph`: packages, worlds, interfaces of the package of `uri` and its dependencies. */
export const CompositionGraphRequest = new RequestType<CompositionGraphParams, CompositionGraph, void>('wit/compositionGraph');

export interface CanonicalAbiParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
  /** The core name scheme; the server's `wit.canonicalAbi.nameScheme` when absent. */
  scheme?: 'legacy' | 'standard32';
}
/**
 * `wit/canonicalAbi`: for a function, `{kind: 'function', coreName, lower: {params, results},
 * lift: {params, results}, import, export, async, scheme}` (core types `i32` `i64` `f32` `f64`);
 * for a type, `{kind: 'type', size, align, flat, memory, handles}`; null elsewhere.
 */
export const CanonicalAbiRequest = new RequestType<CanonicalAbiParams, AbiFacts | null, void>('wit/canonicalAbi');

export interface ComparePackageParams {
  /** A file of the package to compare (the working tree's). */
  uri: string;
  /** A git ref (`ref`) the package is compared with, or a folder holding the other version (`folder`). */
  base: { kind: 'ref'; ref: string } | { kind: 'folder'; path: string };
}
/**
 * `wit/comparePackage`: the package against a base as Markdown: every added, removed and
 * changed item, classified for importers and exporters, with the semver verdict and links to
 * both sides (what `WIT: Compare Package With…` shows; `wit-devkit diff` on the command line).
 */
export const ComparePackageRequest = new RequestType<ComparePackageParams, { markdown: string }, void>('wit/comparePackage');

export interface WacComposedParams {
  uri: string;
}
export interface WacComposedResult {
  /** The composed component, base64; null when no check of the document has composed yet. */
  composed: string | null;
  /** The current problems' messages; when there are any, `composed` is from an earlier text. */
  problems: string[];
}
/**
 * `wac/composed`: the component the last check of a .wac document composed, for the
 * client's composition graph, once the checks asked for so far are done; with the
 * current problems, so the graph can say it shows the last composition that worked.
 */
export const WacComposedRequest = new RequestType<WacComposedParams, WacComposedResult, void>('wac/composed');
