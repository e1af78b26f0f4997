// Walking a tree-sitter tree without web-tree-sitter's per-call marshalling.
//
// Every TreeCursor method of web-tree-sitter writes the cursor's four words
// into wasm memory before its call and reads them back after a move, each word
// through a generic `setValue(ptr, value, 'i32')` (a string switch and a
// DataView store): copying the tree of a 5,000-line file made ~400,000 of
// them, a third of lowering's time in a fresh server. The C side keeps the
// cursor in its transfer buffer between calls, so a walk that makes no other
// web-tree-sitter call in between can write the cursor there once, call the
// exports directly, and read it back once at the end.
//
// The exports are reached through the emscripten module, which is the options
// object handed to `Parser.init` (emscripten's MODULARIZE build uses it as the
// module itself). If that ever stops being true (another web-tree-sitter
// build, or the runtime initialised elsewhere first), `setTreeSitterBinding`
// finds no exports and every walk goes through the public TreeCursor instead.
import type { Language, Node, TreeCursor } from 'web-tree-sitter';

/** The cursor moves and reads a copy of a subtree needs. */
export interface CursorWalk {
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  readonly nodeTypeId: number;
  readonly currentFieldId: number;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly nodeIsMissing: boolean;
}

/** The exports of tree-sitter.wasm a walk calls; each takes the tree and uses the cursor in the transfer buffer. */
interface Binding {
  _ts_init(): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  /** Writes the cursor's node into the transfer buffer, over the cursor. */
  _ts_tree_cursor_current_node_wasm(tree: number): number;
  /** Of the node in the transfer buffer. */
  _ts_node_has_error_wasm(tree: number): number;
  /** Replaced when the wasm memory grows: read it afresh after calls that may allocate. */
  HEAP32: Int32Array;
  _malloc?(bytes: number): number;
  _free?(pointer: number): void;
}

/** flatten.c's export, linked into a grammar's side module: see its header for the words it writes. */
type FlattenFn = (tree: number, out: number, capacity: number, opaque: number) => number;

const EXPORTS = [
  '_ts_init',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
  '_ts_tree_cursor_current_node_wasm',
  '_ts_node_has_error_wasm',
] as const;

let binding: Binding | undefined;
/** Word index of the C transfer buffer in HEAP32. */
let transferWord = 0;

/** Per grammar, its flatten.c export (grammars built without it have none). */
const flattens = new WeakMap<Language, FlattenFn>();

/** Called with the exports of a grammar's side module once it loaded (parser.ts). */
export function setFlatten(language: Language, exports: Record<string, unknown>): void {
  const name = Object.keys(exports).find((key) => key.startsWith('wit_devkit_flatten_'));
  if (name && typeof exports[name] === 'function') flattens.set(language, exports[name] as FlattenFn);
}

/** True when subtree copies of `language` are read in one call (for tests). */
export function flattenAvailable(language: Language): boolean {
  return binding !== undefined && typeof binding._malloc === 'function' && flattens.has(language);
}

/** The words flatten.c writes, per node; END closes an inner node's children. */
export const FLATTEN_WORDS = 4;
export const FLATTEN_MISSING = 1;
export const FLATTEN_INNER = 2;
export const FLATTEN_END = -1;

/** The output buffer in wasm memory, kept between calls and doubled when too small. */
let buffer = { pointer: 0, words: 0 };

/**
 * The subtree at `cursor` as flatten.c writes it (a copy, so later wasm calls
 * cannot change it), or undefined when the grammar has no flatten export. The
 * cursor is back on the subtree's root. `opaque` is the type id whose nodes
 * are written without their children (-1 for none).
 */
export function flattenSubtree(cursor: TreeCursor, language: Language, opaque: number): Int32Array | undefined {
  const b = binding;
  const flatten = flattens.get(language);
  if (!b || !flatten || !b._malloc) return undefined;
  const handle = cursor as CursorHandle;
  const tree = handle.tree[0];
  for (;;) {
    if (buffer.words === 0) buffer = { pointer: b._malloc(4 * 65536), words: 65536 };
    let heap = b.HEAP32;
    for (let i = 0; i < 4; i++) heap[transferWord + i] = handle[i];
    const written = flatten(tree, buffer.pointer, buffer.words, opaque >>> 0);
    // A move may have grown the cursor's stack, and the memory with it.
    heap = b.HEAP32;
    for (let i = 0; i < 4; i++) handle[i] = heap[transferWord + i];
    if (written >= 0) return heap.slice(buffer.pointer >> 2, (buffer.pointer >> 2) + written);
    // Too small (the cursor is back on the root): again, with twice the room.
    b._free?.(buffer.pointer);
    const words = buffer.words * 2;
    buffer = { pointer: b._malloc(4 * words), words };
  }
}

/** Called with the options object given to `Parser.init`, once it resolved. */
export function setTreeSitterBinding(module: object): void {
  const m = module as Partial<Binding> & Record<string, unknown>;
  if (!EXPORTS.every((name) => typeof m[name] === 'function') || !(m.HEAP32 instanceof Int32Array)) return;
  binding = m as Binding;
  // ts_init only writes two version words into the buffer and returns its address.
  transferWord = binding._ts_init() >> 2;
}

/** True when walks bypass the public TreeCursor (for tests: both paths must agree). */
export function rawWalksAvailable(): boolean {
  return binding !== undefined;
}

/** Handles of web-tree-sitter's objects: a TreeCursor is its four words and its tree, a Tree its pointer. */
type CursorHandle = TreeCursor & { [i: number]: number; tree: { [0]: number } };

class RawWalk implements CursorWalk {
  constructor(
    private readonly b: Binding,
    private readonly tree: number,
  ) {}
  gotoFirstChild(): boolean {
    return this.b._ts_tree_cursor_goto_first_child_wasm(this.tree) === 1;
  }
  gotoNextSibling(): boolean {
    return this.b._ts_tree_cursor_goto_next_sibling_wasm(this.tree) === 1;
  }
  gotoParent(): boolean {
    return this.b._ts_tree_cursor_goto_parent_wasm(this.tree) === 1;
  }
  get nodeTypeId(): number {
    return this.b._ts_tree_cursor_current_node_type_id_wasm(this.tree);
  }
  get currentFieldId(): number {
    return this.b._ts_tree_cursor_current_field_id_wasm(this.tree);
  }
  get startIndex(): number {
    return this.b._ts_tree_cursor_start_index_wasm(this.tree);
  }
  get endIndex(): number {
    return this.b._ts_tree_cursor_end_index_wasm(this.tree);
  }
  get nodeIsMissing(): boolean {
    return this.b._ts_tree_cursor_current_node_is_missing_wasm(this.tree) === 1;
  }
}

/**
 * Runs `walk` over `cursor`. `walk` must make no other web-tree-sitter call
 * that uses the transfer buffer (cursor and node calls do); it may read the
 * language's `types` and `fields` and ask `nodeTypeIsNamed`, which pass their
 * arguments directly. The cursor is where the walk left it.
 */
export function walkCursor<T>(cursor: TreeCursor, walk: (at: CursorWalk) => T): T {
  const b = binding;
  if (!b) return walk(cursor);
  const handle = cursor as CursorHandle;
  let heap = b.HEAP32;
  for (let i = 0; i < 4; i++) heap[transferWord + i] = handle[i];
  try {
    return walk(new RawWalk(b, handle.tree[0]));
  } finally {
    // A move may have grown the cursor's stack, and the memory with it.
    heap = b.HEAP32;
    for (let i = 0; i < 4; i++) handle[i] = heap[transferWord + i];
  }
}

/** Runs `fn` with every walk on the public TreeCursor (tests compare the two paths). */
export function withPublicWalks<T>(fn: () => T): T {
  const saved = binding;
  binding = undefined;
  try {
    return fn();
  } finally {
    binding = saved;
  }
}

/**
 * The indices of `node`'s children that are or hold a syntax error (an ERROR, a MISSING
 * token), asked of each child in two direct calls; undefined without the raw binding.
 * (`node.children` made a Node and its marshalling for each of a big file's hundreds of
 * top-level items, on every keystroke, to find the one or two with an error.)
 */
export function childrenWithErrors(node: Node): number[] | undefined {
  const b = binding;
  if (!b) return undefined;
  const cursor = node.walk();
  const handle = cursor as CursorHandle;
  const tree = handle.tree[0];
  const out: number[] = [];
  try {
    let heap = b.HEAP32;
    for (let i = 0; i < 4; i++) heap[transferWord + i] = handle[i];
    if (b._ts_tree_cursor_goto_first_child_wasm(tree) !== 1) return out;
    const saved = new Int32Array(4);
    for (let index = 0; ; index++) {
      // The node is written over the cursor: keep the cursor's words and put them back.
      heap = b.HEAP32;
      for (let i = 0; i < 4; i++) saved[i] = heap[transferWord + i];
      b._ts_tree_cursor_current_node_wasm(tree);
      if (b._ts_node_has_error_wasm(tree) === 1) out.push(index);
      heap = b.HEAP32;
      for (let i = 0; i < 4; i++) heap[transferWord + i] = saved[i];
      if (b._ts_tree_cursor_goto_next_sibling_wasm(tree) !== 1) return out;
    }
  } finally {
    cursor.delete();
  }
}
