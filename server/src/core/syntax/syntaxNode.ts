// A plain-JavaScript copy of one tree-sitter subtree, read in a single cursor
// walk, for lowering. Every web-tree-sitter Node is an object made by calls
// into wasm (and every property read is another call), so lowering a 5,000-line
// file straight off the tree made ~60,000 short-lived Nodes and spent a third of
// its time marshalling them and half the rest collecting them. A cursor walk
// reads each node once with a few calls and makes no Node at all; positions are
// worked out from offsets only where a range is asked for.
import type { Language, TreeCursor } from 'web-tree-sitter';
import { FLATTEN_END, FLATTEN_INNER, FLATTEN_MISSING, FLATTEN_WORDS, flattenSubtree, walkCursor, type CursorWalk } from './rawCursor';

/** The part of tree-sitter's Node that lowering reads. */
export interface SyntaxNode {
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly text: string;
  readonly children: readonly SyntaxNode[];
  readonly namedChildren: readonly SyntaxNode[];
  readonly childCount: number;
  readonly previousSibling: SyntaxNode | null;
  readonly lastChild: SyntaxNode | null;
  child(index: number): SyntaxNode | null;
  namedChild(index: number): SyntaxNode | null;
  childForFieldName(field: string): SyntaxNode | null;
}

/**
 * Leaves' children (most nodes are leaves): one shared empty list rather than
 * one each. Not frozen: a frozen array has its own elements kind, and the loops
 * over children then saw two kinds where there was one.
 */
const NO_CHILDREN: readonly CopiedNode[] = [];

class CopiedNode implements SyntaxNode {
  /** Set once, when the node's children are all read: exactly as long as they are. */
  children: readonly CopiedNode[] = NO_CHILDREN;
  previousSibling: CopiedNode | null = null;
  private named: readonly CopiedNode[] | undefined;

  constructor(
    private readonly source: string,
    readonly type: string,
    // An inner node's are set once its children are read: its first child's start, its last child's end.
    public startIndex: number,
    public endIndex: number,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly field: string | undefined,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }
  get namedChildren(): readonly CopiedNode[] {
    return (this.named ??= this.children.length ? this.children.filter((c) => c.isNamed) : NO_CHILDREN);
  }
  get childCount(): number {
    return this.children.length;
  }
  get lastChild(): CopiedNode | null {
    return this.children[this.children.length - 1] ?? null;
  }
  child(index: number): CopiedNode | null {
    return this.children[index] ?? null;
  }
  namedChild(index: number): CopiedNode | null {
    return this.namedChildren[index] ?? null;
  }
  childForFieldName(field: string): CopiedNode | null {
    for (const c of this.children) if (c.field === field) return c;
    return null;
  }
}

/** Per grammar and node type: its name, whether it is named, and whether it was met as a token (no children). */
interface TypeInfo {
  name: string;
  named: boolean;
  token: boolean;
}
const typeInfo = new WeakMap<Language, Map<number, TypeInfo>>();

function infoOf(language: Language, typeId: number): TypeInfo {
  let byId = typeInfo.get(language);
  if (!byId) typeInfo.set(language, (byId = new Map()));
  let info = byId.get(typeId);
  if (!info) {
    const name = language.types[typeId] || 'ERROR';
    info = { name, named: name === 'ERROR' || language.nodeTypeIsNamed(typeId), token: false };
    byId.set(typeId, info);
  }
  return info;
}

/**
 * Copies the subtree at the cursor's node (iteratively: a fuzzed type can nest
 * 20,000 deep). The cursor is back on that node when this returns.
 * `before` are the comments right before it at its level (doc comments are read
 * from previous siblings), oldest first. Nodes of the `opaque` type are copied
 * without their children (their span is read from the tree): the caller walks
 * them itself, reusing what it can (see lower.ts, an interface's members).
 */
export function copySubtree(
  cursor: TreeCursor,
  language: Language,
  source: string,
  before: readonly { type: string; startIndex: number; endIndex: number }[] = [],
  opaque?: string,
): SyntaxNode {
  const words = flattenSubtree(cursor, language, opaque ? opaqueId(language, opaque) : -1);
  if (words) return copyWords(words, language, source, before);
  return walkCursor(cursor, (at) => copyAt(at, language, source, before, opaque));
}

/** The type id of the named node type `name` (-1 when the grammar has none). */
function opaqueId(language: Language, name: string): number {
  const id = language.idForNodeType(name, true);
  return id ?? -1;
}

/** The comments before a copied root, linked as its previous siblings. */
function linkComments(root: CopiedNode, source: string, before: readonly { type: string; startIndex: number; endIndex: number }[]): void {
  let previous: CopiedNode | null = null;
  for (const c of before) {
    const comment: CopiedNode = new CopiedNode(source, c.type, c.startIndex, c.endIndex, true, false, undefined);
    comment.previousSibling = previous;
    previous = comment;
  }
  root.previousSibling = previous;
}

/** A copy built from flatten.c's words (see its header), the same copy `copyAt` makes by walking. */
function copyWords(
  words: Int32Array,
  language: Language,
  source: string,
  before: readonly { type: string; startIndex: number; endIndex: number }[],
): SyntaxNode {
  const rootInfo = infoOf(language, words[0] & 0xffff);
  const root = new CopiedNode(source, rootInfo.name, words[1], words[2], rootInfo.named, false, undefined);
  linkComments(root, source, before);
  const level = new Levels(root);
  for (let at = FLATTEN_WORDS; at < words.length;) {
    const head = words[at];
    if (head === FLATTEN_END) {
      at++;
      if (level.close() === root) break;
      continue;
    }
    const info = infoOf(language, head & 0xffff);
    const fieldId = head >>> 16;
    const field = fieldId ? (language.fields[fieldId] ?? undefined) : undefined;
    const flags = words[at + 3];
    const inner = (flags & FLATTEN_INNER) !== 0;
    // An inner node's offsets come from its children, as in copyAt.
    const node = inner
      ? new CopiedNode(source, info.name, 0, 0, info.named, false, field)
      : new CopiedNode(source, info.name, words[at + 1], words[at + 2], info.named, (flags & FLATTEN_MISSING) !== 0, field);
    level.add(node, inner);
    at += FLATTEN_WORDS;
  }
  level.closeAll();
  return root;
}

/**
 * The open inner nodes of a copy, root first, and the children read so far of
 * each, in one list: a node's children become one array of their exact length
 * when it closes (growing an array per node by push cost ~150 bytes each,
 * and most inner nodes have two or three children).
 */
class Levels {
  private readonly open: CopiedNode[];
  /** Where each open node's children start in `read`. */
  private readonly from: number[] = [0];
  private readonly read: CopiedNode[] = [];
  constructor(root: CopiedNode) {
    this.open = [root];
  }
  /** Appends `node` to the innermost open node's children; an inner node is then the innermost. */
  add(node: CopiedNode, inner: boolean): void {
    const read = this.read;
    if (read.length > this.from[this.from.length - 1]) node.previousSibling = read[read.length - 1];
    read.push(node);
    if (inner) {
      this.open.push(node);
      this.from.push(read.length);
    }
  }
  /** Closes what is still open (the root, when the words end without its END). */
  closeAll(): void {
    while (this.open.length) this.close();
  }
  /** Closes the innermost open node (spanning its children, but the root's span is its own) and returns it. */
  close(): CopiedNode {
    const node = this.open.pop()!;
    node.children = this.read.splice(this.from.pop()!);
    if (this.open.length) spanChildren(node);
    return node;
  }
}

function copyAt(
  cursor: CursorWalk,
  language: Language,
  source: string,
  before: readonly { type: string; startIndex: number; endIndex: number }[],
  opaque: string | undefined,
): SyntaxNode {
  const rootInfo = infoOf(language, cursor.nodeTypeId);
  const root = new CopiedNode(source, rootInfo.name, cursor.startIndex, cursor.endIndex, rootInfo.named, false, undefined);
  linkComments(root, source, before);
  if (!cursor.gotoFirstChild()) return root;
  const level = new Levels(root);
  for (;;) {
    const info = infoOf(language, cursor.nodeTypeId);
    const fieldId = cursor.currentFieldId;
    const field = fieldId ? (language.fields[fieldId] ?? undefined) : undefined;
    // A type met once without children is a token, and tokens never have any
    // (the tree's leaves are its tokens; an inner node always has children),
    // so their children are not asked for. An ERROR can be either.
    const isError = info.name === 'ERROR';
    const inner = info.name !== opaque && (isError || !info.token) && cursor.gotoFirstChild();
    let node: CopiedNode;
    if (inner) {
      node = new CopiedNode(source, info.name, 0, 0, info.named, false, field);
    } else {
      // Only a token's offsets are read; an inner node's come from its children.
      const start = cursor.startIndex,
        end = cursor.endIndex;
      // Only a zero-width token can be one the parser made up.
      node = new CopiedNode(source, info.name, start, end, info.named, start === end && cursor.nodeIsMissing, field);
      if (!isError && info.name !== opaque) info.token = true;
    }
    level.add(node, inner);
    if (inner) continue;
    while (!cursor.gotoNextSibling()) {
      cursor.gotoParent();
      if (level.close() === root) return root;
    }
  }
}

/** An inner node spans its children. */
function spanChildren(node: CopiedNode): void {
  node.startIndex = node.children[0].startIndex;
  node.endIndex = node.children[node.children.length - 1].endIndex;
}
