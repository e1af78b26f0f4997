// The one place that knows how WIT text becomes a tree-sitter tree.
// web-tree-sitter needs an async, once-per-process initialisation of its
// runtime and an async load of the grammar; after that, parsing is synchronous
// and incremental. The loaded grammar is a value (`WitGrammar`) handed to the
// language service, so no parser can exist before it is loaded.
import { Parser, Language, type Tree, type Node, type Point } from 'web-tree-sitter';
import * as path from 'node:path';
import { setFlatten, setTreeSitterBinding } from './syntax/rawCursor';

export type { Tree, Node, Point, Language };

/** web-tree-sitter's runtime is per process; its initialisation is shared by every load. */
let runtime: Promise<void> | undefined;
/** emscripten's module (the object given to `Parser.init`), once the runtime is up. */
let emscripten: { loadWebAssemblyModule?: (...args: unknown[]) => unknown } | undefined;

/**
 * Initialises web-tree-sitter's runtime once per process, from `wasmDir`'s tree-sitter.wasm;
 * every grammar (WIT here, WAC in server/src/wac) is loaded after it.
 */
export function initTreeSitter(wasmDir: string): Promise<void> {
  if (!runtime) {
    // emscripten makes this object the module: its exports let subtree copies skip
    // web-tree-sitter's per-call marshalling (syntax/rawCursor.ts).
    const module = { locateFile: (name: string) => path.join(wasmDir, name) };
    runtime = Parser.init(module).then(() => {
      emscripten = module as typeof emscripten;
      setTreeSitterBinding(module);
    });
  }
  return runtime;
}

/** The grammar loads so far, in order: the next one starts after them. */
let loading: Promise<unknown> = Promise.resolve();

/**
 * Loads the grammar `file` of `wasmDir` once the runtime is up and every earlier load is
 * done: web-tree-sitter's dynamic linker checks a module's symbols against every module
 * still loading, so two loads at once fail ("bad export type for
 * 'tree_sitter_wac_external_scanner_create'").
 */
export function loadLanguage(wasmDir: string, file: string): Promise<Language> {
  const load = loading.then(async () => {
    await initTreeSitter(wasmDir);
    const { language, exports } = await withModuleExports(() => Language.load(path.join(wasmDir, file)));
    setFlatten(language, exports);
    return language;
  });
  loading = load.catch(() => undefined);
  return load;
}
/**
 * Runs `load` (one `Language.load`) and also returns the exports of the side
 * module it linked: `Language.load` keeps only the grammar's function, and a
 * grammar built with flatten.c exports a second one (syntax/rawCursor.ts).
 * Language.load calls the module's `loadWebAssemblyModule` by name, so it is
 * wrapped for the one call; loads never overlap (`loading` above).
 */
async function withModuleExports(load: () => Promise<Language>): Promise<{ language: Language; exports: Record<string, unknown> }> {
  const module = emscripten;
  const original = module?.loadWebAssemblyModule;
  if (!module || typeof original !== 'function') return { language: await load(), exports: {} };
  let exports: Record<string, unknown> = {};
  module.loadWebAssemblyModule = (...args: unknown[]) =>
    Promise.resolve(original.apply(module, args)).then((e) => {
      exports = (e ?? {}) as Record<string, unknown>;
      return e;
    });
  try {
    const language = await load();
    return { language, exports };
  } finally {
    module.loadWebAssemblyModule = original;
  }
}

/** Loaded grammars by folder: services made in one process share one compiled grammar. */
const loaded = new Map<string, Promise<WitGrammar>>();

export class WitGrammar {
  private constructor(readonly language: Language) {}

  /** Loads the runtime and the WIT grammar from `wasmDir` (holds tree-sitter.wasm and tree-sitter-wit.wasm). */
  static load(wasmDir: string): Promise<WitGrammar> {
    let grammar = loaded.get(wasmDir);
    if (!grammar) {
      grammar = (async () => {
        return new WitGrammar(await loadLanguage(wasmDir, 'tree-sitter-wit.wasm'));
      })();
      loaded.set(wasmDir, grammar);
      // A failed load (missing file) is not kept: the next call tries again.
      grammar.catch(() => loaded.delete(wasmDir));
    }
    return grammar;
  }

  createParser(): WitParser {
    return new WitParser(this.language);
  }
}

/**
 * How long one parse may take. tree-sitter's error recovery can take seconds on
 * pathological input (thousands of unclosed brackets inside a broken gate: 8 s
 * for one 190 KB fuzz mutant), and the server answers nothing meanwhile; past
 * this the parse is given up and the file is checked as empty, with one
 * diagnostic saying why (syntaxErrors.ts).
 */
export const PARSE_BUDGET_MS = 1000;

/** Trees that stand for text whose parse was given up (they are of empty text). */
const abandoned = new WeakSet<Tree>();

/** True for the tree of a parse given up after PARSE_BUDGET_MS. */
export function wasAbandoned(tree: Tree): boolean {
  return abandoned.has(tree);
}

export class WitParser {
  private readonly parser: Parser;
  constructor(language: Language) {
    this.parser = new Parser();
    this.parser.setLanguage(language);
  }
  /** Parses `text`; pass the previous tree (already `edit`ed) for an incremental reparse. */
  parse(text: string, previous?: Tree): Tree {
    const deadline = performance.now() + PARSE_BUDGET_MS;
    const tree = this.parser.parse(text, previous && !abandoned.has(previous) ? previous : null, {
      progressCallback: () => performance.now() > deadline,
    });
    if (tree) return tree;
    // Given up: start the next parse afresh, and stand in the tree of no text.
    this.parser.reset();
    const empty = this.parser.parse('');
    if (!empty) throw new Error('tree-sitter returned no tree');
    abandoned.add(empty);
    return empty;
  }
}
