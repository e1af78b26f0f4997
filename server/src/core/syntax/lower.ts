// tree-sitter tree -> AST: files and packages, with the cache that lets an edit
// re-lower only what it touched (items: lowerItems.ts; the pieces items are made
// of — names, paths, gates, types — nodeReader.ts). Tolerant: a half-typed item
// lowers to what can be read of it, and nothing here throws on bad input. Nesting (types, packages)
// is capped at wit-parser's limits, so lowering never recurses deeply.
import type { TreeCursor } from 'web-tree-sitter';
import type { SyntaxNode as Node } from './syntaxNode';
import { copySubtree } from './syntaxNode';
import type { WitDocument } from '../document';
import type * as A from './ast';
import { ItemLowering } from './lowerItems';

/** wit-parser's limit (`package nesting too deep`); types: see nodeReader.ts. */
export const MAX_PACKAGE_DEPTH = 100;

/**
 * What a node lowered to, reusable while the same text (and doc comment) stands
 * at the same line and column: the AST holds ranges, no offsets, so typing on
 * one line re-lowers only what it touched, and moves nothing after it. Keyed by
 * `positionKeyAt` of its start.
 */
interface Cached {
  text: string;
  /** The comments right before it (its doc comments, a package's `docsRange`), as text and where they start. */
  comments: string;
  commentsAt: number;
  problems: A.SyntaxProblem[];
}
interface CachedItem extends Cached {
  item?: A.PackageItemAst;
  decl?: A.PackageDeclAst;
  /**
   * A top-level interface's members, by the same rule: typing inside one of
   * WASI http's 60-member `interface types` re-lowers that member, not all 60.
   */
  members?: Map<number, CachedMember>;
}
interface CachedMember extends Cached {
  member?: A.InterfaceMemberAst;
}
export type LoweringCache = Map<number, CachedItem>;

/** An offset's line * 2^32 + character, with no Position made (it runs for every item on every keystroke). */
const positionKeyAt = (doc: WitDocument, offset: number) => {
  const line = doc.lineOf(offset);
  return line * 2 ** 32 + (offset - doc.lines()[line]);
};

type Comment = { type: string; startIndex: number; endIndex: number };
const NO_COMMENTS: readonly Comment[] = Object.freeze([]);

/**
 * A node met in a walk of its level, with what its cache entry is keyed and
 * checked by. A walk moves one Place from node to node (valid until the next
 * step), which finds its key with no Position made and shares one empty list of
 * comments: a Position, an array, a place and its slices for each of a
 * 5,000-line file's items were ~30 KB of garbage per keystroke.
 */
class Place {
  type = '';
  leading: readonly Comment[] = NO_COMMENTS;
  key = 0;
  private startIndex = 0;
  private endIndex = 0;
  constructor(private readonly doc: WitDocument) {}
  moveTo(type: string, leading: readonly Comment[], startIndex: number, endIndex: number): this {
    this.type = type;
    this.leading = leading;
    this.key = positionKeyAt(this.doc, startIndex);
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    return this;
  }
  get text(): string {
    return this.doc.text.slice(this.startIndex, this.endIndex);
  }
  /** The comments right before it, as text ('' for none). */
  get comments(): string {
    const c = this.leading;
    return c.length ? this.doc.text.slice(c[0].startIndex, c[c.length - 1].endIndex) : '';
  }
  /** positionKeyAt of where its comments start (-1: none). */
  get commentsAt(): number {
    return this.leading.length ? positionKeyAt(this.doc, this.leading[0].startIndex) : -1;
  }
  /**
   * True when `hit` was made of this same text and comments at this same place.
   * (A slice and ===, which V8 compares as memory: text.startsWith(hit.text,
   * at) without the slice was 20-30 times slower, ~0.5 ms a keystroke here.)
   */
  stillStands(hit: Cached): boolean {
    if (hit.text.length !== this.endIndex - this.startIndex || hit.text !== this.text) return false;
    return this.leading.length
      ? hit.comments === this.comments && hit.commentsAt === this.commentsAt
      : hit.comments === '' && hit.commentsAt === -1;
  }
}

const isComment = (type: string) => type === 'line_comment' || type === 'block_comment';

export function lowerFile(doc: WitDocument, cache?: LoweringCache): { ast: A.FileAst; cache: LoweringCache } {
  const lowering = new Lowering(doc);
  const next: LoweringCache = new Map();
  const ast = lowering.file(cache, next);
  return { ast, cache: next };
}

class Lowering extends ItemLowering {
  private readonly packageDecls: A.PackageDeclAst[] = [];

  file(previous: LoweringCache | undefined, next: LoweringCache): A.FileAst {
    const items: A.PackageItemAst[] = [];
    const problems: A.SyntaxProblem[] = [];
    let first = true;
    // A cursor over the top-level nodes: on the per-keystroke path only the
    // items whose text changed are read, each copied in one cursor walk
    // (syntaxNode.ts) rather than as tree-sitter Nodes.
    const cursor = this.doc.tree.rootNode.walk();
    const language = this.doc.tree.language;
    for (const at of this.children(cursor)) {
      const type = at.type;
      // wit-parser takes `package a:b;` only as the file's first tokens; anywhere
      // else `package` opens a nested package and the `;` is where it stops.
      // (Checked outside the item cache: it depends on what comes before.)
      if (type === 'package_decl' && !first) problems.push(misplacedDecl(this.doc, copySubtree(cursor, language, this.doc.text)));
      first = false;
      if (type === 'ERROR') continue;
      const hit = previous?.get(at.key);
      let entry: CachedItem;
      if (hit && at.stillStands(hit)) {
        entry = hit;
      } else if (type === 'interface_item' && hit) {
        // Edited in place (an interface stood here before): lowered member by
        // member, so the next keystroke re-lowers only the one it is in. An
        // interface seen for the first time is copied whole, with no member
        // cache (one for every interface cost 11 MB more at 50,000 lines).
        entry = this.interfaceEntry(cursor, at, hit.members);
      } else {
        this.problems = [];
        const before = this.packageDecls.length;
        const lowered = this.packageItems([copySubtree(cursor, language, this.doc.text, at.leading)], 0);
        entry = {
          text: at.text,
          comments: at.comments,
          commentsAt: at.commentsAt,
          item: lowered[0],
          decl: this.packageDecls.length > before ? this.packageDecls.pop() : undefined,
          problems: this.problems,
        };
      }
      next.set(at.key, entry);
      if (entry.item) items.push(entry.item);
      if (entry.decl) this.packageDecls.push(entry.decl);
      problems.push(...entry.problems);
    }
    cursor.delete();
    return { uri: this.doc.uri, packageDecls: this.packageDecls, items, problems };
  }

  /**
   * A top-level interface whose text changed: its own parts are lowered from a
   * copy that leaves the body out, and its members one by one from the cursor,
   * each reused when it still stands as it was. Lowers to what
   * `packageItems` would make of the whole copy, problems in the same order.
   */
  private interfaceEntry(cursor: TreeCursor, at: Place, previous: Map<number, CachedMember> | undefined): CachedItem {
    const language = this.doc.tree.language;
    const shell = copySubtree(cursor, language, this.doc.text, at.leading, 'interface_body');
    const members = new Map<number, CachedMember>();
    this.problems = [];
    const item = this.interface(shell, () => this.bodyMembers(cursor, previous, members));
    return { text: at.text, comments: at.comments, commentsAt: at.commentsAt, item, problems: this.problems, members };
  }

  /**
   * The named children of the cursor's node but comments, each with the
   * comments right before it and what its cache entry is checked by. The
   * cursor is on each child while the caller handles it (and left there by the
   * caller), and back on the node at the end. Each step yields the same Place,
   * moved: the caller is done with it before the next.
   */
  private *children(cursor: TreeCursor): Generator<Place> {
    let comments: Comment[] | undefined;
    const place = new Place(this.doc);
    const entered = cursor.gotoFirstChild();
    for (let more = entered; more; more = cursor.gotoNextSibling()) {
      if (!cursor.nodeIsNamed) {
        comments = undefined;
        continue;
      }
      const type = cursor.nodeType;
      const startIndex = cursor.startIndex,
        endIndex = cursor.endIndex;
      if (isComment(type)) {
        (comments ??= []).push({ type, startIndex, endIndex });
        continue;
      }
      const leading = comments ?? NO_COMMENTS;
      comments = undefined;
      yield place.moveTo(type, leading, startIndex, endIndex);
    }
    if (entered) cursor.gotoParent();
  }

  /** The members of the interface at the cursor (left where it was), lowered or reused. */
  private bodyMembers(cursor: TreeCursor, previous: Map<number, CachedMember> | undefined, next: Map<number, CachedMember>) {
    const language = this.doc.tree.language;
    const out: A.InterfaceMemberAst[] = [];
    // The body is the first child in the `body` field, as childForFieldName finds it.
    let found = cursor.gotoFirstChild();
    while (found && cursor.currentFieldName !== 'body') found = cursor.gotoNextSibling();
    if (!found) throw new Error('interface without a body field'); // callers check the copy has one
    for (const at of this.children(cursor)) {
      const hit = previous?.get(at.key);
      let entry: CachedMember;
      if (hit && at.stillStands(hit)) {
        entry = hit;
      } else {
        const outer = this.problems;
        this.problems = [];
        const member = this.interfaceMember(copySubtree(cursor, language, this.doc.text, at.leading));
        entry = { text: at.text, comments: at.comments, commentsAt: at.commentsAt, member, problems: this.problems };
        this.problems = outer;
      }
      next.set(at.key, entry);
      if (entry.member) out.push(entry.member);
      this.problems.push(...entry.problems);
    }
    cursor.gotoParent(); // from the body to the interface
    return out;
  }

  private packageItems(nodes: readonly (Node | null)[], depth: number): A.PackageItemAst[] {
    const items: A.PackageItemAst[] = [];
    for (const node of nodes) {
      if (!node) continue;
      switch (node.type) {
        case 'package_decl': {
          if (depth > 0) {
            this.problems.push(misplacedDecl(this.doc, node));
            break;
          }
          const name = node.childForFieldName('name');
          if (name)
            this.packageDecls.push({
              name: this.packageName(name),
              docs: this.docs(node),
              docsRange: this.docsRange(node),
              range: this.range(node),
            });
          break;
        }
        case 'nested_package': {
          const nested = this.nestedPackage(node, depth + 1);
          if (nested) items.push(nested);
          break;
        }
        case 'toplevel_use': {
          const path = node.childForFieldName('path');
          if (!path) break;
          const alias = node.childForFieldName('alias');
          const base = this.base(node);
          // The grammar takes gates before any item; wit-parser refuses them here.
          const useKw = node.children.find((c) => c?.type === 'use');
          if (base.gates.length && useKw)
            this.problems.push({ range: this.range(useKw), message: 'attributes not allowed on top-level use', code: 'invalid-gate' });
          items.push({ kind: 'toplevel-use', path: this.usePath(path), alias: alias ? this.ident(alias) : undefined, ...base });
          break;
        }
        case 'interface_item': {
          const i = this.interface(node);
          if (i) items.push(i);
          break;
        }
        case 'world_item': {
          const w = this.world(node);
          if (w) items.push(w);
          break;
        }
      }
    }
    return items;
  }

  private nestedPackage(node: Node, depth: number): A.NestedPackageAst | undefined {
    const name = node.childForFieldName('name');
    const body = node.childForFieldName('body');
    if (!name) return undefined;
    const range = this.range(node);
    if (depth > MAX_PACKAGE_DEPTH) {
      this.problems.push({ range: this.range(node.child(0) ?? node), message: 'package nesting too deep', code: 'syntax-error' });
      return undefined;
    }
    return {
      kind: 'nested-package',
      name: this.packageName(name),
      docs: this.docs(node),
      items: body ? this.packageItems(body.namedChildren, depth) : [],
      range,
      depth,
    };
  }
}

/** `package a:b;` where only `package a:b { ... }` may stand: the error is at the `;`. */
function misplacedDecl(doc: WitDocument, node: Node): A.SyntaxProblem {
  const semi = node.lastChild;
  const at = semi && semi.type === ';' ? semi : node;
  return { range: doc.rangeOf(at.startIndex, at.endIndex), message: "expected '{', found ';'", code: 'syntax-error' };
}
